import GRDB
import GraphCore

extension Store {
    /// Writes the whole store as a JSON Lines file of FORMAT.md §1: areas, entities (with
    /// ids merged into them as further records of the same key), intelligence, then links.
    ///
    /// Imported into an empty database, the file gives the same `stats` and the same `show`
    /// for every entity. The disclosure to `recipient` is written to the audit log, with
    /// the counts of what the store holds, before any record leaves, so an export cut short
    /// (a closed pipe, a full disk) is still on record.
    ///
    /// - Returns: the number of records written.
    @discardableResult
    public func exportJSONLines(to output: TextOutput, recipient: String, for viewer: Viewer) throws -> Int {
        do {
            let stats = try self.stats()
            try writer.write { db in
                try AuditLog.append(db, auditSealer, .disclosure, by: viewer, records: .object([
                    "export": .string("jsonl"), "entities": .number(String(stats.entities)),
                    "links": .number(String(stats.links)), "intel": .number(String(stats.intel)),
                ]), recipients: [recipient])
            }
            return try writer.read { db in
                var written = 0
                func emit(_ line: String) throws {
                    try output.writeLine(line)
                    written += 1
                }
                let areas = try Row.fetchAll(db, sql: """
                    SELECT code, name, area_type, force, attrs FROM area ORDER BY area_type = 'local_authority', code
                    """)
                for row in areas {
                    try emit(JSONLine.text([
                        ("record", .string("area")), ("code", .string(row["code"])), ("name", .string(row["name"])),
                        ("area_type", .string(row["area_type"])), ("force", (row["force"] as String?).map(JSONValue.string) ?? .null),
                    ], try Store.storedObject(row["attrs"])))
                }
                let entities = try Row.fetchCursor(db, sql: "SELECT ref, kind, attrs FROM entity ORDER BY id")
                while let row = try entities.next() {
                    try emit(JSONLine.text([("record", .string("entity")), ("id", .string(row["ref"])),
                                            ("kind", .string(row["kind"]))], try Store.storedObject(row["attrs"])))
                }
                let merged = try Row.fetchCursor(db, sql: """
                    SELECT r.ref, e.kind, e.attrs FROM ref r JOIN entity e ON e.id = r.entity_id
                    WHERE r.ref <> e.ref ORDER BY e.id, r.ref
                    """)
                while let row = try merged.next() {
                    guard let kind = EntityKind(rawValue: row["kind"]) else { continue }
                    let attributes = try Store.storedObject(row["attrs"])
                    let keyFields = FieldSchema.required(of: kind).map { ($0, attributes[$0] ?? .null) }
                    try emit(JSONLine.text([("record", .string("entity")), ("id", .string(row["ref"])),
                                            ("kind", .string(kind.rawValue))] + keyFields))
                }
                let intel = try Row.fetchCursor(db, sql: """
                    SELECT i.*, (SELECT json_group_array(e.ref) FROM (SELECT e.ref FROM intel_about a
                        JOIN entity e ON e.id = a.entity_id WHERE a.intel_id = i.id ORDER BY e.ref) e) AS about_refs,
                        (SELECT json_group_array(e.ref) FROM (SELECT e.ref FROM intel_about a
                        JOIN entity e ON e.id = a.entity_id WHERE a.intel_id = i.id AND a.harm = 1 ORDER BY e.ref) e) AS harm_refs
                    FROM intel i ORDER BY i.id
                    """)
                while let row = try intel.next() {
                    let extra = try Store.storedObject(row["attrs"])
                    let about = try Store.storedList(row["about_refs"])
                    let harm = try Store.storedList(row["harm_refs"])
                    func text(_ column: String) -> JSONValue { (row[column] as String?).map(JSONValue.string) ?? .null }
                    try emit(JSONLine.text([
                        ("record", .string("intel")), ("id", .string(row["ref"])), ("date", text("date")),
                        ("source_evaluation", text("source_evaluation")),
                        ("intelligence_assessment", text("intelligence_assessment")),
                        ("handling_code", text("handling_code")), ("handling_conditions", text("handling_conditions")),
                        ("submitted_by", text("submitted_by")), ("agency", text("agency")), ("text", text("text")),
                        ("legacy_grading", text("legacy_grading")),
                        ("about", about ?? .null), ("harm_from", harm ?? .null),
                    ], extra))
                }
                let links = try Row.fetchCursor(db, sql: """
                    SELECT f.ref AS from_ref, t.ref AS to_ref, l.kind, l.first_seen, l.last_seen, l.note, l.attrs,
                           (SELECT json_group_array(i.ref) FROM (SELECT i.ref FROM link_support s
                               JOIN intel i ON i.id = s.intel_id WHERE s.link_id = l.id AND s.concern = 0 ORDER BY i.ref) i)
                               AS intel_refs,
                           (SELECT json_group_array(i.ref) FROM (SELECT i.ref FROM link_support s
                               JOIN intel i ON i.id = s.intel_id WHERE s.link_id = l.id AND s.concern = 1 ORDER BY i.ref) i)
                               AS concern_refs
                    FROM link l JOIN entity f ON f.id = l.from_id JOIN entity t ON t.id = l.to_id ORDER BY l.id
                    """)
                while let row = try links.next() {
                    let extra = try Store.storedObject(row["attrs"])
                    let intelRefs = try Store.storedList(row["intel_refs"])
                    let concernRefs = try Store.storedList(row["concern_refs"])
                    func text(_ column: String) -> JSONValue { (row[column] as String?).map(JSONValue.string) ?? .null }
                    // The reports recording a concern about the relationship go in a second record
                    // of the same link with `concern`, which an import merges back (FORMAT additions).
                    let concernOnly = intelRefs == nil && concernRefs != nil
                    try emit(JSONLine.text([
                        ("record", .string("link")), ("from", text("from_ref")), ("to", text("to_ref")),
                        ("kind", text("kind")), ("first_seen", text("first_seen")), ("last_seen", text("last_seen")),
                        ("intel", (concernOnly ? concernRefs : intelRefs) ?? .null), ("concern", concernOnly ? .bool(true) : .null),
                        ("note", text("note")),
                    ], extra))
                    if let concernRefs, !concernOnly {
                        try emit(JSONLine.text([
                            ("record", .string("link")), ("from", text("from_ref")), ("to", text("to_ref")),
                            ("kind", text("kind")), ("intel", concernRefs), ("concern", .bool(true)),
                        ]))
                    }
                }
                try output.flush()
                return written
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("export", wrapping: error)
        }
    }
}
