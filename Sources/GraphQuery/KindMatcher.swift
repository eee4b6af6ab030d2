/// Finds which of a few names some UTF-8 bytes spell, without making a `String`: the
/// snapshot reads a kind on each of millions of rows, and a `String` and a hash per row
/// cost more than SQLite's own work for it.
struct KindMatcher {
    private let names: [[UInt8]]

    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
    }

    /// The index of the name `bytes` spell, or nil.
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        for (index, name) in names.enumerated() where name.count == bytes.count && name.elementsEqual(bytes) {
            return UInt8(index)
        }
        return nil
    }
}
