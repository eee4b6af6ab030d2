/// An RFC 4180 CSV reader that keeps the line on which each record starts.
///
/// Written by hand because the CSV libraries available here report records, not source
/// lines, and the import contract requires every error to name its line even when a quoted
/// cell spans several.
public struct CSVReader {
    /// One record: the line it starts on and its cells.
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let cells: [String]
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private let file: String

    /// Makes a reader over a whole file's bytes.
    ///
    /// - Parameter file: the name used in errors.
    public init(bytes: [UInt8], file: String) {
        // A UTF-8 byte order mark is not part of the first header.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            self.bytes = Array(bytes.dropFirst(3))
        } else {
            self.bytes = bytes
        }
        self.file = file
    }

    /// Reads the next record, or `nil` at the end of the file. Blank lines are skipped.
    ///
    /// - Throws: ``InputError`` for an unterminated quote, text after a closing quote, or
    ///   bytes that are not UTF-8.
    public mutating func next() throws(InputError) -> Row? {
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let startLine = line
        var cells: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        while true {
            if index >= bytes.count {
                if quoted { throw InputError("a quoted cell is not closed", at: SourceLocation(file: file, line: startLine)) }
                cells.append(try finish(cell, startLine))
                return Row(line: startLine, cells: cells)
            }
            let byte = bytes[index]
            if quoted {
                index += 1
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        cell.append(byte)
                        index += 1
                    } else {
                        quoted = false
                        if index < bytes.count, ![UInt8(ascii: ","), 0x0A, 0x0D].contains(bytes[index]) {
                            throw InputError("text after a closing quote", at: SourceLocation(file: file, line: line))
                        }
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                cells.append(try finish(cell, startLine))
                cell.removeAll(keepingCapacity: true)
                index += 1
            case 0x0D, 0x0A:
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                index += 1
                line += 1
                cells.append(try finish(cell, startLine))
                return Row(line: startLine, cells: cells)
            case UInt8(ascii: "\"") where cell.isEmpty:
                quoted = true
                index += 1
            default:
                cell.append(byte)
                index += 1
            }
        }
    }

    private func finish(_ cell: [UInt8], _ startLine: Int) throws(InputError) -> String {
        guard let text = String(validating: cell, as: UTF8.self) else {
            throw InputError("text is not valid UTF-8", at: SourceLocation(file: file, line: startLine))
        }
        return text
    }
}
