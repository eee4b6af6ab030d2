import GRDB
import GraphCore

extension Store {
    /// The entity named by any of its ids, with its attributes, links and the intelligence
    /// behind them; `nil` when no entity has that id.
    ///
    /// The read is written to the audit log as a `consultation` by `viewer`.
    public func entityDetail(id ref: String, for viewer: Viewer) throws -> EntityDetail? {
        do {
            return try writer.write { db in
                guard let detail = try Store.entityDetail(db, ref: ref) else { return nil }
                try AuditLog.append(db, .consultation, by: viewer, records: .object([
                    "entity": .string(detail.id), "asked_as": .string(ref), "links": .number(String(detail.links.count)),
                ]))
                return detail
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("show", wrapping: error)
        }
    }

    static func entityDetail(_ db: Database, ref: String) throws -> EntityDetail? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT e.id, e.ref, e.kind, e.label, e.attrs, e.area, a.name AS area_name
            FROM ref r JOIN entity e ON e.id = r.entity_id LEFT JOIN area a ON a.code = e.area
            WHERE r.ref = ?
            """, arguments: [ref]) else { return nil }
        let id: Int64 = row["id"]
        let primary: String = row["ref"]
        let merged = try String.fetchAll(db, sql: "SELECT ref FROM ref WHERE entity_id = ? AND ref <> ? ORDER BY ref",
                                         arguments: [id, primary])
        let attributes = try Store.storedObject(row["attrs"])
        let area: (String, String)? = (row["area"] as String?).map { ($0, (row["area_name"] as String?) ?? $0) }

        let linkRows = try Row.fetchAll(db, sql: """
            SELECT l.id, l.kind, l.from_id, l.first_seen, l.last_seen, l.note,
                   o.ref AS other_ref, o.kind AS other_kind, o.label AS other_label
            FROM link l JOIN entity o ON o.id = CASE WHEN l.from_id = ?1 THEN l.to_id ELSE l.from_id END
            WHERE l.from_id = ?1 OR l.to_id = ?1
            """, arguments: [id])
        var links: [EntityDetail.Link] = []
        for linkRow in linkRows {
            guard let kind = LinkKind(rawValue: linkRow["kind"]),
                  let otherKind = EntityKind(rawValue: linkRow["other_kind"]) else { continue }
            let direction = (linkRow["from_id"] as Int64) == id ? "out" : "in"
            let intel = try intelligence(db, sql: """
                SELECT i.* FROM link_support s JOIN intel i ON i.id = s.intel_id WHERE s.link_id = ? ORDER BY i.date, i.ref
                """, arguments: [linkRow["id"] as Int64])
            links.append(EntityDetail.Link(
                kind: kind, direction: direction,
                other: .init(id: linkRow["other_ref"], kind: otherKind, label: linkRow["other_label"]),
                firstSeen: linkRow["first_seen"], lastSeen: linkRow["last_seen"], note: linkRow["note"], intel: intel))
        }
        links.sort { ($0.kind.rawValue, $0.other.id, $0.direction) < ($1.kind.rawValue, $1.other.id, $1.direction) }
        let about = try intelligence(db, sql: """
            SELECT i.* FROM intel_about a JOIN intel i ON i.id = a.intel_id WHERE a.entity_id = ? ORDER BY i.date, i.ref
            """, arguments: [id])
        return EntityDetail(id: primary, kind: EntityKind(rawValue: row["kind"]) ?? .child, label: row["label"],
                            ids: [primary] + merged, area: area, attributes: attributes, links: links, about: about)
    }

    private static func intelligence(_ db: Database, sql: String, arguments: StatementArguments) throws -> [EntityDetail.Intelligence] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let grading = "\(row["source_evaluation"] as String)\(row["intelligence_assessment"] as String) \(row["handling_code"] as String)"
            return EntityDetail.Intelligence(
                id: row["ref"], date: row["date"], grading: grading, handlingConditions: row["handling_conditions"],
                agency: row["agency"], submittedBy: row["submitted_by"], text: row["text"],
                legacyGrading: row["legacy_grading"])
        }
    }
}
