import Crypto
import Foundation
import GraphCore

/// The keys the audit log is sealed with, kept in a file outside the database: the newest
/// seals new rows, the older ones (after `cegraph audit rotate-key`) still verify the rows
/// they sealed.
///
/// The file is text, one key a line (`key ID HEX CREATED`), newest last, and readable by
/// its owner only (mode 0600): a key readable by others is refused, as ssh refuses a
/// private key. It is never copied into the database, the logs or an export.
public struct AuditKeyring: Sendable {
    /// The keys, oldest first.
    public let keys: [AuditKey]
    /// Where they are kept; nil for a store that lives in memory (tests).
    public let path: String?

    /// The key new rows are sealed with.
    public var current: AuditKey { keys[keys.count - 1] }

    /// The key with `id`, and its place in the file (0 for the oldest).
    func key(_ id: String) -> (key: AuditKey, index: Int)? {
        keys.firstIndex { $0.id == id }.map { (keys[$0], $0) }
    }

    /// A key held in memory only, for a store on an in-memory database.
    static func ephemeral() -> AuditKeyring {
        AuditKeyring(keys: [.generate()], path: nil)
    }

    init(keys: [AuditKey], path: String?) {
        self.keys = keys
        self.path = path
    }

    static let header = """
        # cegraph audit keys: the audit log's rows are sealed with these (HMAC-SHA-256).
        # Keep this file secret, readable by the service's user only, and backed up apart
        # from the database: without it the log cannot be verified. Never edit a line;
        # `cegraph audit rotate-key` adds one. Newest last.

        """

    /// Reads the key file at `path`.
    ///
    /// - Throws: ``StoreError`` (input) naming the file, and the line, when it is missing,
    ///   readable by others, or malformed.
    public static func load(path: String) throws -> AuditKeyring {
        try checkPermissions(path)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw StoreError("audit key", "cannot read the audit key file \(path)", kind: .input,
                             hint: "check the path (--audit-key or $CEGRAPH_AUDIT_KEY) and that it is readable by this user")
        }
        var keys: [AuditKey] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: " ").map(String.init)
            let location = SourceLocation(file: path, line: index + 1)
            guard fields.count == 4, fields[0] == "key", let bytes = Data(hexDigits: fields[2]), bytes.count == 32 else {
                throw StoreError("audit key", "not a key line: expected `key ID HEX CREATED` with 64 hex digits",
                                 kind: .input, location: location, hint: "restore the key file from its backup")
            }
            let key = AuditKey(secret: SymmetricKey(data: bytes), created: fields[3])
            guard key.id == fields[1] else {
                throw StoreError("audit key", "the key's id does not match its bytes", kind: .input, location: location,
                                 hint: "the line was altered: restore the key file from its backup")
            }
            keys.append(key)
        }
        guard !keys.isEmpty else {
            throw StoreError("audit key", "the audit key file \(path) holds no key", kind: .input,
                             hint: "restore it from its backup")
        }
        return AuditKeyring(keys: keys, path: path)
    }

    /// Makes a key file at `path` with one new key, readable by its owner only.
    ///
    /// - Throws: ``StoreError`` when the file exists already or cannot be written.
    static func create(path: String) throws -> AuditKeyring {
        let ring = AuditKeyring(keys: [.generate()], path: path)
        try ring.write(replacing: false)
        return ring
    }

    /// The ring with a new key added (newest last), written to the file in one step
    /// (``WholeFile``), so a crash leaves the old file or the new one.
    func rotated() throws -> AuditKeyring {
        let ring = AuditKeyring(keys: keys + [.generate()], path: path)
        try ring.write(replacing: true)
        return ring
    }

    private func write(replacing: Bool) throws {
        guard let path else { return }
        let text = AuditKeyring.header + keys.map { "key \($0.id) \($0.hex) \($0.created)\n" }.joined()
        // Whole or not at all: a kill while writing must not leave a key file the next
        // open refuses. Made new, a key file is never written over one already there.
        switch replacing ? WholeFile.replace(path, contents: Array(text.utf8)) : WholeFile.create(path, contents: Array(text.utf8)) {
        case .created:
            return
        case .exists:
            throw StoreError("audit key", "cannot create the audit key file \(path): there is one already", kind: .input,
                             hint: "another process made it first: run the command again")
        case .unmade(let reason):
            throw StoreError("audit key", "cannot create the audit key file \(path): \(reason)", kind: .input,
                             hint: "check the directory exists and is writable by this user")
        case .unwritten(let reason):
            throw StoreError("audit key", "cannot write the audit key file \(path): \(reason)", kind: .unavailable)
        }
    }

    /// Refuses a key file that others may read or write.
    private static func checkPermissions(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw StoreError("audit key", "there is no audit key file at \(path)", kind: .input,
                             hint: "the audit log's rows are sealed with it: restore it from its backup, or point "
                                 + "--audit-key (or $CEGRAPH_AUDIT_KEY) at it")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw StoreError("audit key", "the audit key file \(path) can be read by other users (mode "
                             + String(mode, radix: 8) + ")", kind: .input, hint: "run `chmod 600 \(path)`")
        }
    }
}

extension Data {
    /// Bytes from hex digits (either case); nil when the text is not an even run of them.
    init?(hexDigits text: String) {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = Data.nibble(digits[index]), let low = Data.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(bytes)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
