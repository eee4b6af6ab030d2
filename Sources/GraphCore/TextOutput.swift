import Foundation

/// Buffered output to a file or standard output, for files of millions of lines.
///
/// `FileHandle.write` per line costs a system call each; this keeps 1 MiB and writes it
/// whole.
public final class TextOutput {
    private let handle: FileHandle
    private let ownsHandle: Bool
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20

    /// Output to standard output.
    public init() {
        handle = FileHandle.standardOutput
        ownsHandle = false
        buffer.reserveCapacity(capacity)
    }

    /// Output to a new file at `path` (replacing any file there).
    ///
    /// - Throws: an error naming the path when it cannot be created.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                NSLocalizedDescriptionKey: "cannot create \(path)"])
        }
        self.handle = handle
        ownsHandle = true
        buffer.reserveCapacity(capacity)
    }

    /// Appends text.
    public func write(_ text: String) throws {
        var copy = text
        copy.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { try flush() }
    }

    /// Appends text and a newline.
    public func writeLine(_ text: String) throws {
        try write(text)
        buffer.append(0x0A)
    }

    /// Writes out what is buffered.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, closes it.
    public func close() throws {
        try flush()
        if ownsHandle { try handle.close() }
    }
}
