/// An unordered pair of entities.
struct PairKey: Hashable {
    let low: Int32
    let high: Int32

    init(_ a: Int32, _ b: Int32) {
        low = min(a, b)
        high = max(a, b)
    }
}
