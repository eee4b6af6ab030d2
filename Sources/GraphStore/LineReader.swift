import Foundation

/// Reads a file line by line in large chunks, without building a `String` per line.
struct LineReader {
    /// The longest line accepted; a longer one is an error, not an allocation.
    static let maximumLineBytes = 16 << 20

    /// Calls `body` with each line's 1-based number and bytes (without the line break).
    ///
    /// - Parameters:
    ///   - onChunk: sees every byte read, in order (for hashing the file).
    ///   - progress: bytes read so far and the file's size.
    static func forEachLine(
        path: String, chunkSize: Int = 4 << 20,
        onChunk: (UnsafeRawBufferPointer) -> Void,
        progress: ((Int64, Int64) -> Void)?,
        body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        guard let file = fopen(path, "rb") else {
            throw StoreError("import", "cannot read \(path): \(String(cString: strerror(errno)))", kind: .input,
                             hint: "check the file name and its permissions")
        }
        defer { fclose(file) }
        let total = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var carried = 0
        var lineNumber = 0
        var done: Int64 = 0
        while true {
            if carried == buffer.count {
                guard buffer.count < maximumLineBytes else {
                    throw StoreError("import", "line is longer than \(maximumLineBytes >> 20) MiB",
                                     location: .init(file: path, line: lineNumber + 1))
                }
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
            let read = buffer.withUnsafeMutableBytes { raw -> Int in
                let count = fread(raw.baseAddress! + carried, 1, raw.count - carried, file)
                onChunk(UnsafeRawBufferPointer(rebasing: raw[carried..<(carried + count)]))
                return count
            }
            if read == 0 && ferror(file) != 0 {
                throw StoreError("import", "reading \(path) failed: \(String(cString: strerror(errno)))", kind: .unavailable)
            }
            done += Int64(read)
            let end = carried + read
            let atEOF = read == 0
            try buffer.withUnsafeBufferPointer { all in
                var start = 0
                var index = 0
                // A UTF-8 byte order mark is not part of the first line.
                if lineNumber == 0, start == 0, end >= 3, all[0] == 0xEF, all[1] == 0xBB, all[2] == 0xBF {
                    start = 3
                    index = 3
                }
                while index < end {
                    if all[index] == 0x0A {
                        lineNumber += 1
                        var stop = index
                        if stop > start, all[stop - 1] == 0x0D { stop -= 1 }
                        try body(lineNumber, UnsafeBufferPointer(rebasing: all[start..<stop]))
                        start = index + 1
                    }
                    index += 1
                }
                if atEOF, start < end {
                    lineNumber += 1
                    try body(lineNumber, UnsafeBufferPointer(rebasing: all[start..<end]))
                    start = end
                }
                carried = end - start
                if carried > 0, start > 0 {
                    buffer.withUnsafeMutableBufferPointer { mutable in
                        _ = memmove(mutable.baseAddress!, mutable.baseAddress! + start, carried)
                    }
                }
            }
            progress?(done, total)
            if atEOF { return }
        }
    }
}
