import GraphCore
import GraphStore

/// The check of an entry's links against the link rules (``LinkKind``), made in the entry's
/// transaction before anything is written, so that a link the rules do not allow is refused
/// in the words of the form (issue 21, item 6): "A child cannot be linked to a phone by
/// “lives at”: ..." rather than the importer's line-and-field message. The store's import
/// checks again; this only says it first, and better.
extension IntelRoutes {
    /// The form field a refused link is shown beside.
    static let linkKindField = "link-kind"

    /// Refuses the first link of `body` whose kind does not fit its ends' kinds. The ends'
    /// kinds are those of the entities the body adds, else of the records held; a link
    /// naming a record not known, or a kind not known, is left to the import to refuse.
    ///
    /// - Throws: ``ServerError`` 400 naming the link-kind field.
    ///
    /// A held record the writer may not open is treated as not known: its kind is never
    /// said (a record the viewer may not see answers as a missing one).
    static func checkLinks(_ body: [String: JSONValue], in tx: StoreTransaction, by viewer: Viewer) throws {
        var added: [String: EntityKind] = [:]
        for entity in body["entities"]?.arrayValue ?? [] {
            if let id = entity.objectValue?["id"]?.stringValue, let kind = entity.objectValue?["kind"]?.stringValue.flatMap({ EntityKind(rawValue: $0) }) {
                added[id] = kind
            }
        }
        func kindOf(_ id: String) throws -> EntityKind? {
            if let kind = added[id] { return kind }
            guard let rowid = try tx.entityRowid(for: id), let row = try tx.row("common.entity", ["id": .integer(rowid)]) else { return nil }
            let kind = EntityKind(rawValue: row.string("kind"))
            if viewer.access.seesWholePicture { return kind }
            let area = row.text("area")
            let force = try area.flatMap { try tx.row("common.area", ["code": .text($0)])?.text("force") }
            return viewer.access.mayOpen(kind: kind, ref: id, area: area, force: force) ? kind : nil
        }
        for link in body["links"]?.arrayValue ?? [] {
            guard let fields = link.objectValue, let kind = fields["kind"]?.stringValue.flatMap({ LinkKind(rawValue: $0) }),
                  let from = fields["from"]?.stringValue, let to = fields["to"]?.stringValue,
                  let fromKind = try kindOf(from), let toKind = try kindOf(to),
                  let refusal = kind.refusal(from: fromKind, to: toKind) else { continue }
            throw ServerError(.badRequest, refusal, field: linkKindField)
        }
    }
}
