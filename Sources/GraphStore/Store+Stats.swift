import GRDB
import GraphCore

extension Store {
    /// Counts of entities (by kind), links, intelligence reports and areas.
    ///
    /// Every count comes from an index without sorting, so `stats` stays fast on millions of
    /// links (a per-kind link count would sort them all: two seconds on five million).
    public func stats() throws -> Stats {
        do {
            return try writer.read { db in
                let counts = try Store.counts(db)
                var byKind = Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { ($0, 0) })
                for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM entity GROUP BY kind") {
                    if let kind = EntityKind(rawValue: row["kind"]) { byKind[kind] = row["n"] }
                }
                let areas = try Int.fetchOne(db, sql: "SELECT count(*) FROM area") ?? 0
                return Stats(entities: counts.entities, links: counts.links, intel: counts.intel,
                             byKind: byKind, areas: areas)
            }
        } catch {
            throw StoreError("stats", wrapping: error)
        }
    }
}
