import Foundation
import GraphCore

/// The head file: the chain's head (``AuditHead``), written beside the key after every
/// commit that adds audit rows.
///
/// Written after the commit, never before, so it can only lag the log (by the rows of a
/// commit whose process was killed before it wrote the head), never lead it: a log that
/// does not reach the head has lost rows. Processes sharing a database (the service and
/// the command line) take an exclusive `flock` and only ever move the head forward.
/// Not fsynced: after a power cut the head may be older than the log, which is allowed;
/// it is the log falling short of the head that is tampering.
///
/// Written by hand: a few system calls, which no library wraps more simply.
final class AuditHeadFile: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    // Guarded by `lock`: the open file, and the newest head this process wrote.
    private var fd: Int32 = -1
    private var written: Int64 = -1

    init(path: String) {
        self.path = path
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// The head the file holds; nil when there is no file.
    ///
    /// - Throws: ``StoreError`` when the file is there but cannot be read or is not a head.
    static func read(path: String) throws -> AuditHead? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError("audit head", "cannot read the audit head file \(path)", kind: .input)
        }
        guard let head = AuditHead(line: String(decoding: data, as: UTF8.self)) else {
            throw StoreError("audit head", "the audit head file \(path) does not hold a head", kind: .input)
        }
        return head
    }

    /// Moves the file's head forward to `head`; a head at or behind the file's stays.
    ///
    /// - Throws: ``StoreError`` when the file cannot be opened or written.
    func advance(to head: AuditHead) throws {
        lock.lock()
        defer { lock.unlock() }
        if head.seq <= written { return }
        let line = Array((head.description + "\n").utf8)
        // The first head is made whole (``WholeFile``): an empty file left by a kill
        // between creating and writing it would not hold a head, and verification fails.
        if fd < 0, !FileManager.default.fileExists(atPath: path) {
            switch WholeFile.create(path, contents: line) {
            case .created:
                written = head.seq
                return
            case .exists:
                break
            case .unmade(let reason), .unwritten(let reason):
                throw StoreError("audit head", "cannot make the audit head file \(path): \(reason)", kind: .unavailable)
            }
        }
        if fd < 0 {
            fd = open(path, O_RDWR | O_CREAT, 0o600)
            guard fd >= 0 else {
                throw StoreError("audit head", "cannot open the audit head file \(path): \(String(cString: strerror(errno)))",
                                 kind: .unavailable)
            }
        }
        guard flock(fd, LOCK_EX) == 0 else {
            throw StoreError("audit head", "cannot lock the audit head file \(path)", kind: .unavailable)
        }
        defer { flock(fd, LOCK_UN) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        if count > 0, let current = AuditHead(line: String(decoding: buffer.prefix(count), as: UTF8.self)), current.seq >= head.seq {
            written = current.seq
            return
        }
        // Every head line is the same length, so it overwrites the last one exactly; the
        // file is cut only when it held something else (a truncate on every commit cost the
        // service's benchmark several per cent).
        let done = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        guard done == line.count, count == line.count || ftruncate(fd, off_t(line.count)) == 0 else {
            throw StoreError("audit head", "cannot write the audit head file \(path)", kind: .unavailable)
        }
        written = head.seq
    }
}
