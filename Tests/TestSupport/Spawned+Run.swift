import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Spawned {
    /// What a child that ran to its end left.
    public struct Finished: Sendable {
        public let termination: Termination
        public let stdout: Data
        public let stderr: Data
    }

    /// Runs `executable` to its end, with `input` on its standard input (or `/dev/null`),
    /// and keeps what it wrote to standard output and error.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: String? = nil, input: Data? = nil) throws -> Finished {
        let child = try Spawned(executable, arguments, environment: environment, directory: directory,
                                stdin: input == nil ? .null : .pipe, stdout: .pipe, stderr: .pipe)
        let (stdout, stderr) = child.exchange(input ?? Data())
        return Finished(termination: child.wait(), stdout: stdout, stderr: stderr)
    }

    /// Writes `input` to the child's standard input (then closes it) while reading its
    /// standard output and error to their ends, all at once so that no pipe fills and stalls.
    public func exchange(_ input: Data) -> (stdout: Data, stderr: Data) {
        var pending = input
        var inFD: Int32 = self.input?.fileDescriptor ?? -1
        // A blocking write of more than the pipe holds would wait for a child that is itself
        // waiting for us to read its output.
        if inFD >= 0 { _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK) }
        var readers: [(fd: Int32, slot: Int)] = []
        if let output { readers.append((output.fileDescriptor, 0)) }
        if let error { readers.append((error.fileDescriptor, 1)) }
        var collected = [Data(), Data()]
        if inFD >= 0 && pending.isEmpty {
            try? self.input?.close()
            inFD = -1
        }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while inFD >= 0 || !readers.isEmpty {
            var polled = readers.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            if inFD >= 0 { polled.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
            guard poll(&polled, nfds_t(polled.count), -1) >= 0 else {
                if errno == EINTR { continue }
                break
            }
            for entry in polled where entry.revents != 0 {
                if entry.fd == inFD {
                    let written = pending.withUnsafeBytes { Glibc.write(inFD, $0.baseAddress, min($0.count, 65_536)) }
                    if written > 0 { pending.removeFirst(written) }
                    if written < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                    if written <= 0 || pending.isEmpty {
                        // Done, or the child closed its input: either way no more to give.
                        try? self.input?.close()
                        inFD = -1
                    }
                } else if let index = readers.firstIndex(where: { $0.fd == entry.fd }) {
                    let count = buffer.withUnsafeMutableBytes { Glibc.read(entry.fd, $0.baseAddress, $0.count) }
                    if count > 0 {
                        collected[readers[index].slot].append(contentsOf: buffer[0..<count])
                    } else if count == 0 || errno != EINTR {
                        readers.remove(at: index)
                    }
                }
            }
        }
        return (collected[0], collected[1])
    }
}
