import GRDB
import GraphCore

extension Store {
    /// Full-text search over names, aliases, VRMs, phone numbers, handles and postcodes.
    ///
    /// The text is normalised like the data (see ``SearchQuery``); each word may be the
    /// start of a name. When the index finds nothing, a substring match over the same text
    /// is tried. Exact matches of a normalised key (a VRM, phone number or handle) or of a
    /// whole label come first, then the full-text ranking. The search is written to the audit
    /// log as a `consultation`.
    ///
    /// - Parameters:
    ///   - text: what the user typed.
    ///   - kind: only entities of this kind.
    ///   - limit: the most hits to return.
    ///   - viewer: who is asking; only what they may open is searched (``Access/mayOpen(kind:ref:area:force:)``):
    ///     a panel member's agenda children, a non-police viewer's children in scope, a
    ///     scoped police viewer's records in their areas. The rules are applied inside both
    ///     queries, before the limit, so whether the substring match runs, and what is
    ///     audited, depends only on entities the viewer may see.
    public func search(_ text: String, kind: EntityKind? = nil, limit: Int = 20,
                       for viewer: Viewer) throws -> [SearchHit] {
        let query = SearchQuery(text)
        let access = viewer.access
        guard access.may(.readPicture) else { return [] }
        // Non-police viewers open children only (a panel member only their agenda's).
        let kind: EntityKind? = access.readsHandlingCodeC ? kind : .child
        let allowed = access.children.map { ids in "[" + ids.values.sorted().map(String.init).joined(separator: ",") + "]" }
        let areas = access.children == nil ? access.scope.areas.map { codes in
            JSONValue.array(codes.sorted().map { .string($0) }).jsonText
        } : nil
        // Children placed in the viewer's areas are theirs to find too (``Access/placedChildren``).
        let placed = "[" + access.placedChildren.values.sorted().map(String.init).joined(separator: ",") + "]"
        do {
            return try writer.write { db in
                var hits: [SearchHit] = []
                var filter = kind == nil ? "" : "AND e.kind = :kind"
                if allowed != nil { filter += " AND e.id IN (SELECT value FROM json_each(:within))" }
                if areas != nil {
                    // In scope: an area covered (or one of a covered force's), or for a
                    // record other than a child, no area at all.
                    filter += """
                         AND (e.area IN (SELECT value FROM json_each(:areas))
                              OR e.area IN (SELECT code FROM area WHERE force IN (SELECT value FROM json_each(:areas)))
                              OR (e.area IS NULL AND e.kind <> 'child')
                              OR e.id IN (SELECT value FROM json_each(:placed)))
                        """
                }
                if let expression = query.expression {
                    hits = try Store.hits(db, sql: """
                        SELECT e.ref, e.kind, e.label, e.area, e.aliases, e.keys
                        FROM entity_fts f JOIN entity e ON e.id = f.rowid
                        WHERE entity_fts MATCH :match \(filter)
                        ORDER BY e.key IN (:vrm, :phone) OR (e.kind = 'handle' AND substr(e.key, instr(e.key, ':') + 1) = :handle)
                                     OR lower(e.label) = lower(:text) DESC,
                                 bm25(entity_fts, 10.0, 5.0, 5.0), e.label, e.ref
                        LIMIT :limit
                        """, arguments: ["match": expression, "kind": kind?.rawValue, "limit": limit, "within": allowed, "areas": areas, "placed": placed,
                                         "vrm": Normalise.vrm(text), "phone": Normalise.phone(text),
                                         "handle": Normalise.handle(text), "text": text.trimmingWhitespace()], text: text)
                }
                let needle = text.trimmingWhitespace()
                if hits.isEmpty, needle.count >= 3 {
                    let pattern = "%" + needle.replacing("\\", with: "\\\\").replacing("%", with: "\\%")
                        .replacing("_", with: "\\_") + "%"
                    hits = try Store.hits(db, sql: """
                        SELECT e.ref, e.kind, e.label, e.area, e.aliases, e.keys FROM entity e
                        WHERE (e.label LIKE :pattern ESCAPE '\\' OR e.aliases LIKE :pattern ESCAPE '\\'
                               OR e.keys LIKE :pattern ESCAPE '\\') \(filter)
                        ORDER BY e.label, e.ref LIMIT :limit
                        """, arguments: ["pattern": pattern, "kind": kind?.rawValue, "limit": limit, "within": allowed,
                                                   "areas": areas, "placed": placed],
                                       text: text)
                }
                // The text typed is kept as a keyed digest, never in clear: a name typed into
                // search would otherwise stay for ever in the append-only log.
                let key = auditSealer.keyring.current
                try AuditLog.append(db, auditSealer, .consultation, by: viewer, records: .object([
                    "search": .object(["digest": .string(key.searchDigest(text)), "key": .string(key.id)]),
                    "kind": kind.map { .string($0.rawValue) } ?? .null,
                    "results": .array(hits.map { .string($0.id) }),
                ]))
                return hits
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("search", wrapping: error)
        }
    }

    private static func hits(_ db: Database, sql: String, arguments: StatementArguments, text: String) throws -> [SearchHit] {
        let words = SearchQuery.words(text)
        return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            guard let kind = EntityKind(rawValue: row["kind"]) else { return nil }
            let label: String = row["label"]
            let labelWords = SearchQuery.words(label)
            let labelMatches = !words.isEmpty && words.allSatisfy { word in labelWords.contains { $0.hasPrefix(word) } }
            var matched: String?
            if !labelMatches {
                let aliases: String = row["aliases"]
                matched = aliases.isEmpty ? nil : "aliases: \(aliases)"
            }
            return SearchHit(id: row["ref"], kind: kind, label: label, area: row["area"], matched: matched)
        }
    }
}
