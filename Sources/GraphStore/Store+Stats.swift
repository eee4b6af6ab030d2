import GRDB
import GraphCore

extension Store {
    /// Counts of entities (by kind), links (by kind), intelligence reports and areas.
    public func stats() throws -> Stats {
        do {
            return try writer.read { db in
                let counts = try Store.counts(db)
                var byKind = Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { ($0, 0) })
                for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM entity GROUP BY kind") {
                    if let kind = EntityKind(rawValue: row["kind"]) { byKind[kind] = row["n"] }
                }
                var linksByKind: [LinkKind: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM link GROUP BY kind") {
                    if let kind = LinkKind(rawValue: row["kind"]) { linksByKind[kind] = row["n"] }
                }
                let areas = try Int.fetchOne(db, sql: "SELECT count(*) FROM area") ?? 0
                return Stats(entities: counts.entities, links: counts.links, intel: counts.intel,
                             byKind: byKind, linksByKind: linksByKind, areas: areas)
            }
        } catch {
            throw StoreError("stats", Store.describe(error))
        }
    }
}
