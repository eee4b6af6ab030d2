/// A fixed-size set of small integers, one bit each: the snapshot's per-link and
/// per-entity filter masks (5M links fit in 625 KB).
struct Bitset: Sendable, Equatable {
    private(set) var words: [UInt64]
    private(set) var count: Int

    /// A set over `0..<count`, all members when `filled`.
    init(count: Int, filled: Bool) {
        self.count = count
        words = Array(repeating: filled ? ~0 : 0, count: (count + 63) / 64)
        if filled, count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    @inline(__always)
    func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    @inline(__always)
    mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    @inline(__always)
    mutating func remove(_ index: Int) {
        words[index >> 6] &= ~(1 << UInt64(index & 63))
    }

    /// Extends the set's range to `0..<count`; the new places are not members.
    mutating func grow(to count: Int) {
        guard count > self.count else { return }
        self.count = count
        let needed = (count + 63) / 64
        if needed > words.count { words += Array(repeating: 0, count: needed - words.count) }
    }

    /// The number of members.
    var population: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
