import CSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process the tests started: the binary, a tool (dot, gzip, strace) or a driver.
/// Used instead of Foundation's `Process`, which crashes the test process now and then on
/// Linux (Tests/CSpawn/cspawn.c says why).
public final class Spawned: @unchecked Sendable {
    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable {
        /// `/dev/null`.
        case null
        /// A pipe whose other end the test holds (`input`, `output`, `error`).
        case pipe
        /// A file, created or emptied.
        case file(String)
        /// Standard error only: wherever standard output goes.
        case output
    }

    /// How a child ended.
    public struct Termination: Sendable, Equatable {
        /// The exit status, or the signal that ended it.
        public let status: Int32
        /// Whether a signal ended it.
        public let signalled: Bool

        public init(status: Int32, signalled: Bool) {
            self.status = status
            self.signalled = signalled
        }

        /// Whether it exited with status 0.
        public var succeeded: Bool { !signalled && status == 0 }
    }

    /// The child's process id.
    public let pid: pid_t
    /// The writing end of the child's standard input, when it is a pipe.
    public let input: FileHandle?
    /// The reading end of the child's standard output, when it is a pipe.
    public let output: FileHandle?
    /// The reading end of the child's standard error, when it is a pipe.
    public let error: FileHandle?

    private let lock = NSLock()
    private var ended: Termination?

    /// Starts `executable` (a path, or a name looked up in PATH) with `arguments`.
    /// - Parameters:
    ///   - environment: the child's whole environment; nil for the test process's own.
    ///   - directory: the child's working directory; nil for the test process's.
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                directory: String? = nil, stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null) throws {
        _ = Spawned.brokenPipesIgnored
        var close: [Int32] = []
        defer { for fd in close { Glibc.close(fd) } }
        var parentEnds: [FileHandle?] = [nil, nil, nil]
        func open(_ stream: Stream, _ index: Int, writing: Bool, stdout: Int32?) throws -> Int32 {
            switch stream {
            case .null:
                let fd = Glibc.open("/dev/null", writing ? O_WRONLY | O_CLOEXEC : O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw Spawned.failure("open /dev/null") }
                close.append(fd)
                return fd
            case .file(let path):
                let fd = Glibc.open(path, (writing ? O_WRONLY | O_CREAT | O_TRUNC : O_RDONLY) | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw Spawned.failure("open \(path)") }
                close.append(fd)
                return fd
            case .pipe:
                var ends: [Int32] = [0, 0]
                // Close-on-exec keeps these out of other threads' children; this file's children
                // close every descriptor past 2 anyway.
                guard pipe(&ends) == 0 else { throw Spawned.failure("pipe") }
                for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
                let (child, parent) = writing ? (ends[1], ends[0]) : (ends[0], ends[1])
                close.append(child)
                parentEnds[index] = FileHandle(fileDescriptor: parent, closeOnDealloc: true)
                return child
            case .output:
                guard let stdout else { throw Spawned.failure("standard input cannot follow standard output") }
                return stdout
            }
        }
        let inFD = try open(stdin, 0, writing: false, stdout: nil)
        let outFD = try open(stdout, 1, writing: true, stdout: nil)
        let errFD = try open(stderr, 2, writing: true, stdout: outFD)

        let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let result = Spawned.withCStrings([executable] + arguments) { argv in
            Spawned.withCStrings(environmentLines) { envp in
                cspawn(executable, argv, envp, directory, inFD, outFD, errFD, &child)
            }
        }
        guard result == 0 else {
            throw Spawned.failure("start \(executable)", code: result)
        }
        pid = child
        input = parentEnds[0]
        output = parentEnds[1]
        error = parentEnds[2]
    }

    /// Whether the child is still running (reaps it once it has ended).
    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        if ended != nil { return false }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        guard reaped == pid else { return reaped == 0 }
        ended = Spawned.termination(status)
        return false
    }

    /// How the child ended, once it has.
    public var termination: Termination? {
        _ = isRunning
        return lock.withLock { ended }
    }

    /// Waits for the child to end.
    ///
    /// Waits without reaping (`WNOWAIT`), then reaps and records the end under the lock, so
    /// that ``send(_:)`` never signals a process id the system has given to another process.
    @discardableResult
    public func wait() -> Termination {
        while true {
            if let ended = lock.withLock({ ended }) { return ended }
            var info = siginfo_t()
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == 0 {
                return lock.withLock {
                    if let ended { return ended }
                    var status: Int32 = 0
                    let termination = waitpid(pid, &status, WNOHANG) == pid ? Spawned.termination(status)
                                                                           : Termination(status: -1, signalled: false)
                    ended = termination
                    return termination
                }
            }
            if errno == EINTR { continue }
            // Reaped already: by `isRunning` on another thread, which recorded it under the
            // lock, or by something else, which leaves how it ended unknown.
            return lock.withLock {
                if let ended { return ended }
                let unknown = Termination(status: -1, signalled: false)
                ended = unknown
                return unknown
            }
        }
    }

    /// Sends `signal` to the child, unless it has been reaped (its pid may be reused).
    public func send(_ signal: Int32) {
        lock.withLock {
            if ended == nil { _ = kill(pid, signal) }
        }
    }

    /// A child that stops reading its input must not end the test process with SIGPIPE.
    private static let brokenPipesIgnored: Void = { _ = Glibc.signal(SIGPIPE, SIG_IGN) }()

    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        return signal == 0 ? Termination(status: (status >> 8) & 0xff, signalled: false)
                           : Termination(status: signal, signalled: true)
    }

    private static func failure(_ what: String, code: Int32 = errno) -> NSError {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(code)))"])
    }

    /// `strings` as a NULL-terminated array of C strings, for the length of `body`.
    private static func withCStrings<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result) -> Result {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
