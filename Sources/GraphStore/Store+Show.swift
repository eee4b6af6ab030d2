import GRDB
import GraphCore

extension Store {
    /// The entity named by any of its ids, with its attributes, links and the intelligence
    /// behind them, as the viewer may see it (``EntityDetail/seen(by:names:)``); `nil` when no entity
    /// has that id or the viewer may not open it, and the store audits which it was.
    ///
    /// The read is written to the audit log as a `consultation` by `viewer`.
    public func entityDetail(id ref: String, for viewer: Viewer) throws -> EntityDetail? {
        do {
            return try writer.write { db in
                // A record the viewer may not open costs the same one lookup as a missing one.
                guard try Store.mayOpen(db, auditSealer, ref, asked: "entity", by: viewer),
                      let detail = try Store.entityDetail(db, ref: ref)?.seen(by: viewer.access, names: try Store.names(db, for: viewer.access))
                else { return nil }
                try AuditLog.append(db, auditSealer, .consultation, by: viewer, records: .object([
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

    /// Whether the viewer may open the entity `ref` names (``Access/mayOpen(kind:ref:area:force:)``).
    /// When they may not, or it names nothing, the read is audited (refused, or not found)
    /// in the same transaction; the two cost the same.
    public func mayOpen(_ ref: String, asked what: String, by viewer: Viewer) throws -> Bool {
        // The whole picture, read by the police: every entity there is may be opened, and
        // the 2-hop API asks this on every request.
        if viewer.access.seesWholePicture, try entityRowid(for: ref) != nil { return true }
        do {
            if try writer.read({ db in try Store.openable(db, ref, by: viewer) }) == .open { return true }
            return try writer.write { db in try Store.mayOpen(db, auditSealer, ref, asked: what, by: viewer) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("show", wrapping: error)
        }
    }

    /// The pseudonymiser a viewer's free text needs, if it needs one.
    static func names(_ db: Database, for access: Access) throws -> Pseudonymiser? {
        access.freeText == .pseudonymised ? try Pseudonymiser.load(db, for: access) : nil
    }

    static func mayOpen(_ db: Database, _ sealer: AuditSealer, _ ref: String, asked what: String, by viewer: Viewer) throws -> Bool {
        let found = try openable(db, ref, by: viewer)
        if found == .open { return true }
        // A viewer of the whole picture is never refused: for them, missing is only missing.
        if !viewer.access.seesWholePicture { try AuditLog.appendUnseen(db, sealer, what, ref, found: found == .hidden, by: viewer) }
        return false
    }

    /// Whether `ref` names an entity, and whether the viewer may open it.
    enum Openable { case open, hidden, missing }

    static func openable(_ db: Database, _ ref: String, by viewer: Viewer) throws -> Openable {
        let row = try Row.fetchOne(db, sql: """
            SELECT e.ref, e.kind, e.area, a.force FROM ref r JOIN entity e ON e.id = r.entity_id
            LEFT JOIN area a ON a.code = e.area WHERE r.ref = ?
            """, arguments: [ref])
        guard let row else { return .missing }
        let kind = EntityKind(rawValue: row["kind"])
        return viewer.access.mayOpen(kind: kind, ref: row["ref"], area: row["area"], force: row["force"]) ? .open : .hidden
    }

    static func entityDetail(_ db: Database, ref: String) throws -> EntityDetail? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT e.id, e.ref, e.kind, e.label, e.attrs, e.area, a.name AS area_name, a.force AS area_force
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
                   o.ref AS other_ref, o.kind AS other_kind, o.label AS other_label, o.area AS other_area, oa.force AS other_force
            FROM link l JOIN entity o ON o.id = CASE WHEN l.from_id = ?1 THEN l.to_id ELSE l.from_id END
            LEFT JOIN area oa ON oa.code = o.area
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
                other: .init(id: linkRow["other_ref"], kind: otherKind, label: linkRow["other_label"],
                             area: linkRow["other_area"], force: linkRow["other_force"]),
                firstSeen: linkRow["first_seen"], lastSeen: linkRow["last_seen"], note: linkRow["note"], intel: intel))
        }
        links.sort { ($0.kind.rawValue, $0.other.id, $0.direction) < ($1.kind.rawValue, $1.other.id, $1.direction) }
        let about = try intelligence(db, sql: """
            SELECT i.* FROM intel_about a JOIN intel i ON i.id = a.intel_id WHERE a.entity_id = ? ORDER BY i.date, i.ref
            """, arguments: [id])
        guard let kind = EntityKind(rawValue: row["kind"]) else { return nil }
        var detail = EntityDetail(id: primary, kind: kind, label: row["label"],
                                  ids: [primary] + merged, area: area, attributes: attributes, links: links, about: about)
        detail.force = row["area_force"]
        return detail
    }

    private static func intelligence(_ db: Database, sql: String, arguments: StatementArguments) throws -> [EntityDetail.Intelligence] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let grading = "\(row["source_evaluation"] as String)\(row["intelligence_assessment"] as String) \(row["handling_code"] as String)"
            var intel = EntityDetail.Intelligence(
                id: row["ref"], date: row["date"], grading: grading, handlingConditions: row["handling_conditions"],
                agency: row["agency"], submittedBy: row["submitted_by"], text: row["text"],
                legacyGrading: row["legacy_grading"])
            intel.handling = Grading.HandlingCode(rawValue: row["handling_code"])
            return intel
        }
    }
}
