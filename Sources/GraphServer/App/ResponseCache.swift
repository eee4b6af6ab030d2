import GraphCore
import GraphQuery
import Foundation
import GraphRender

/// A cache key that names the data version its answer was drawn from.
protocol VersionedKey: Hashable, Sendable {
    var dataVersion: Int64 { get }
}

/// Answers kept for reuse while the data they were drawn from is unchanged: a map of a few
/// hundred entities takes Graphviz most of a second (and Graphviz draws one map at a time,
/// not being thread-safe), and a 2-hop association answer is tens of kilobytes of JSON to
/// build. Panels and analysts open the same records again and again.
///
/// A key holds everything that decides the content (the record, the options, the store's
/// data version), never who asked: who may see it is checked before the cache is
/// consulted, and every request still writes its own audit row naming the records. Written
/// by hand: a small least-recently-used list under a lock.
final class ResponseCache<Key: VersionedKey>: @unchecked Sendable {
    /// A kept answer: its bytes and the record ids it names (for the audit row).
    struct Entry: Sendable {
        let data: Data
        let recordIds: [String]
    }

    private let lock = NSLock()
    private let capacityBytes: Int
    // Guarded by `lock`: the entries, and their keys from least to most recently used.
    private var entries: [Key: Entry] = [:]
    private var order: [Key] = []
    private var bytes = 0

    /// - Parameter capacityBytes: the most the cache holds; the least recently used answers
    ///   go first. 0 keeps nothing.
    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    /// The answer for `key`, if it is kept.
    func get(_ key: Key) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key] else { return nil }
        if let index = order.lastIndex(of: key) { order.remove(at: index) }
        order.append(key)
        return entry
    }

    /// Keeps an answer, dropping any of an older data version and then the least recently
    /// used ones to stay within the capacity.
    func put(_ key: Key, _ entry: Entry) {
        guard entry.data.count <= capacityBytes else { return }
        lock.lock()
        defer { lock.unlock() }
        if order.contains(where: { $0.dataVersion != key.dataVersion }) {
            for stale in order where stale.dataVersion != key.dataVersion { remove(stale) }
        }
        remove(key)
        entries[key] = entry
        order.append(key)
        bytes += entry.data.count
        while bytes > capacityBytes, let oldest = order.first { remove(oldest) }
    }

    private func remove(_ key: Key) {
        guard let entry = entries.removeValue(forKey: key) else { return }
        bytes -= entry.data.count
        if let index = order.firstIndex(of: key) { order.remove(at: index) }
    }
}

/// What decides a rendered map.
struct MapKey: VersionedKey {
    let root: String
    let hops: Int
    let audience: Audience
    let format: MapFormat
    /// The query filters the map was drawn through, and the day after which links count as new.
    let filter: QueryFilter
    let newSince: CalendarDate?
    /// What the viewer expanded, hid, pinned and collapsed.
    let arrangement: MapArrangement
    /// Associations, cross-border links, paths or MARTHR evidence.
    let view: MapView
    let date: String
    let dataVersion: Int64
    /// What the viewer may see for the map's audience: viewers who may see different
    /// things never share a drawing.
    let access: Access
    /// The notices in force the map marks (subject and notice refs).
    var notices = ""
}

/// What decides an association answer.
struct AssociationKey: VersionedKey {
    let root: String
    let hops: Int
    let dataVersion: Int64
    /// What the viewer may see.
    let access: Access
}
