import Foundation

/// Files that appear whole or not at all: written under a name of this process's own,
/// synced, then given their real name in one system call. A process killed while writing
/// leaves no empty or half-written file under the real name. (Made in place, a key file
/// killed between its creation and its write was left empty, and every later open refused
/// it as one that "holds no key"; a head file left empty failed verification.) A process
/// killed before it named the file leaves its temporary (`NAME.new-PID`, mode 0600, never
/// used) beside it: litter, which nothing reads.
///
/// Written by hand: a few system calls, which no library wraps more simply.
enum WholeFile {
    /// The outcome of ``create(_:contents:)``.
    enum Creation: Equatable {
        case created
        /// Another process made the file first; it was left as it was.
        case exists
        /// The file could not be made there (no such directory, no permission): the system's reason.
        case unmade(String)
        /// It could not be written or named (a full or failing disk): the system's reason.
        case unwritten(String)
    }

    /// Makes the file at `path`, readable and writable by its owner only, unless one is
    /// there already: never replaces a file.
    static func create(_ path: String, contents: [UInt8]) -> Creation {
        write(path, contents: contents) { temporary in
            // link(2) fails when the name is taken, as O_EXCL would: a file is never replaced.
            guard link(temporary, path) == 0 else { return errno }
            return 0
        }
    }

    /// Puts a new file at `path` in place of the one there (if any), readable and
    /// writable by its owner only.
    static func replace(_ path: String, contents: [UInt8]) -> Creation {
        write(path, contents: contents) { temporary in rename(temporary, path) == 0 ? 0 : errno }
    }

    private static func write(_ path: String, contents: [UInt8], name: (String) -> Int32) -> Creation {
        // A name no other live process uses; one left by a killed process of the same id is
        // not in use, so it is cleared first.
        let temporary = path + ".new-\(getpid())"
        unlink(temporary)
        defer { unlink(temporary) }
        // Mode 0600 from the start: a key is never readable by others, not even for a moment.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return .unmade(String(cString: strerror(errno))) }
        let written = contents.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == contents.count, synced == 0 else { return .unwritten("could not write \(temporary)") }
        switch name(temporary) {
        case 0: return .created
        case EEXIST: return .exists
        case let code: return .unwritten(String(cString: strerror(code)))
        }
    }
}
