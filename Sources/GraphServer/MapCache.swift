import Foundation
import GraphRender

/// Rendered maps kept for reuse while the data they were drawn from is unchanged: a map of
/// a few hundred entities takes Graphviz most of a second, and Graphviz draws one map at a
/// time (it is not thread-safe), so a panel opening the same maps would queue for them.
///
/// A map is keyed by everything that decides its content (entity, hops, audience, the day
/// printed on it, and the store's data version), never by who asked: who may see it is
/// checked before the cache is consulted, and every request still writes its own
/// disclosure row. Written by hand: a small least-recently-used list under a lock.
final class MapCache: @unchecked Sendable {
    struct Key: Hashable {
        let root: String
        let hops: Int
        let audience: Audience
        let format: MapFormat
        let date: String
        let dataVersion: Int64
    }

    struct Entry {
        let data: Data
        let disclosedIds: [String]
    }

    private let lock = NSLock()
    private let capacityBytes: Int
    // Guarded by `lock`: the entries, and their keys from least to most recently used.
    private var entries: [Key: Entry] = [:]
    private var order: [Key] = []
    private var bytes = 0

    /// - Parameter capacityBytes: the most the cache holds; the least recently used maps go first.
    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    /// The map for `key`, if it is kept.
    func get(_ key: Key) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key] else { return nil }
        if let index = order.firstIndex(of: key) { order.remove(at: index) }
        order.append(key)
        return entry
    }

    /// Keeps a map, dropping the least recently used ones (and any of an older data version)
    /// to stay within the capacity.
    func put(_ key: Key, _ entry: Entry) {
        guard entry.data.count <= capacityBytes else { return }
        lock.lock()
        defer { lock.unlock() }
        for stale in order where stale.dataVersion != key.dataVersion || stale == key { remove(stale) }
        entries[key] = entry
        order.append(key)
        bytes += entry.data.count
        while bytes > capacityBytes, let oldest = order.first { remove(oldest) }
    }

    private func remove(_ key: Key) {
        guard let entry = entries.removeValue(forKey: key) else { return }
        bytes -= entry.data.count
        order.removeAll { $0 == key }
    }
}
