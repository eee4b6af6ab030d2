/// Many strings packed into one byte buffer, for the snapshot's ids and labels.
///
/// A million `String`s cost a million allocations to load and keep; one buffer and an
/// offset array cost two. Both are ``Column``s, so that a later snapshot appends to them in
/// place.
struct StringTable: Sendable {
    private var bytes = Column<UInt8>()
    private var offsets = Column<Int>([0])

    /// The number of strings.
    var count: Int { offsets.count - 1 }

    /// Appends a string given as UTF-8 bytes.
    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
        offsets.append(bytes.count)
    }

    /// Appends a string.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        offsets.append(bytes.count)
    }

    /// Strings replaced since the table was read (few: a snapshot is read again from time
    /// to time), kept apart so that the buffer's offsets stay in order.
    private var replaced: [Int: String] = [:]

    /// Replaces the string at `index`.
    mutating func replace(_ index: Int, with text: String) {
        replaced[index] = text
    }

    /// The string at `index`.
    subscript(index: Int) -> String {
        if !replaced.isEmpty, let text = replaced[index] { return text }
        let start = offsets[index], end = offsets[index + 1]
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    mutating func reserve(strings: Int, bytes total: Int) {
        offsets.reserveCapacity(strings + 1)
        bytes.reserveCapacity(total)
    }
}
