import CZlib
import GraphCore

/// Reads a gzip-compressed file whole, in process, with zlib.
enum GzipFile {
    /// The decompressed bytes of the file at `path`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - name: the file's name in errors.
    /// - Throws: ``InputError`` naming the file and the line reached when the file cannot be
    ///   opened, is not gzip, or is damaged or cut short.
    static func contents(of path: String, name: String) throws(InputError) -> [UInt8] {
        guard let file = gzopen(path, "rb") else {
            throw InputError("cannot open the file", at: SourceLocation(file: name, line: 1))
        }
        defer { gzclose(file) }
        gzbuffer(file, 1 << 17)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if count < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown zlib error"
                throw InputError("the gzip data is damaged after this line (\(message))", at: at(bytes, name))
            }
            // zlib reads a file without a gzip header as plain bytes; a .gz file must be gzip.
            if gzdirect(file) != 0 {
                throw InputError("not gzip-compressed, though its name ends in .gz", at: SourceLocation(file: name, line: 1))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<Int(count)])
        }
        // A file cut short ends like a whole one, with the error left in the stream's state.
        var code: Int32 = Z_OK
        let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
        if code != Z_OK {
            throw InputError("the gzip data is damaged or cut short after this line (\(message))", at: at(bytes, name))
        }
        return bytes
    }

    /// The line the decompressed text had reached.
    private static func at(_ bytes: [UInt8], _ name: String) -> SourceLocation {
        SourceLocation(file: name, line: bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 })
    }
}
