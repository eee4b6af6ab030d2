import GRDB
import GraphCore

/// One import: the statements, the caches and the references still to resolve, all inside
/// the one transaction that makes the file all or nothing.
final class ImportSession {
    /// What an id names.
    enum Target: Equatable {
        case entity(Int64, EntityKind)
        case intel(Int64)
    }

    private struct PendingLink {
        let record: LinkRecord
        let location: SourceLocation
    }

    private struct PendingReference {
        let owner: Int64
        let ref: String
        let field: String
        let location: SourceLocation
        /// `harm_from` on an `about` reference, `concern` on an `intel` one.
        var marked = false
    }

    /// What kind of area a field needs.
    private enum AreaNeed: String {
        case any = "an area"
        case force = "a police force"
        case authority = "a local authority"
    }

    private struct AreaUse {
        let code: String
        let location: SourceLocation
        let field: String
        let need: AreaNeed
    }

    private let db: Database
    private let now: String
    /// When the store held no entities or intelligence at the start, the caches are the
    /// whole truth and no id needs looking up in the database.
    private let storeWasEmpty: Bool
    /// A bulk load into an empty store drops the secondary indexes and the link trigger for
    /// the length of the transaction and builds them again at the end (from their SQL in
    /// `sqlite_master`, so the schema stays the one source): one sort per index instead of
    /// millions of random B-tree inserts. Swift checks what the trigger would.
    private let bulk: Bool
    private var droppedSchema: [String] = []
    private var nextEntityId: Int64
    private let firstNewEntityId: Int64
    /// Entities already in the store whose indexed text changed: their old text has left the
    /// full-text index and the new text goes in at the end.
    private var reindexed: Set<Int64> = []
    private var nextIntelId: Int64
    private var nextLinkId: Int64
    private struct LinkKey: Hashable {
        let from: Int64
        let to: Int64
        let kind: LinkKind
    }
    private var linkIds: [LinkKey: Int64] = [:]
    private var targets: [String: Target] = [:]
    private var keys: [String: Int64] = [:]
    private var areaTypes: [String: AreaRecord.AreaType] = [:]
    /// The first use of each area code for each need, checked against the areas as they
    /// stand at the end of the file.
    private var areaUses: [String: AreaUse] = [:]
    /// Where each area record of this file is, for errors about what it changed.
    private var areaLines: [String: SourceLocation] = [:]
    private var pendingLinks: [PendingLink] = []
    private var pendingReferences: [PendingReference] = []
    private(set) var summary = ImportSummary()
    /// The ids of the records touched, for the audit log (capped).
    private(set) var touched: [String] = []
    private(set) var touchedCount = 0
    /// Link records read, merged or not.
    private(set) var linkRecords = 0
    static let auditIdLimit = 10_000

    private var insertEntity: BatchInsert
    private var insertRef: BatchInsert
    private let updateEntity: FastStatement
    private let selectEntity: FastStatement
    private let deleteText: FastStatement
    private let selectByKey: FastStatement
    private let selectRef: FastStatement
    private var insertIntel: BatchInsert
    private let selectIntel: FastStatement
    private let updateIntel: FastStatement
    private let deleteAbout: FastStatement
    private let clearHarm: FastStatement
    private var insertAbout: BatchInsert
    private var insertLink: BatchInsert
    private let mergeLink: FastStatement
    private let selectLink: FastStatement
    private var insertSupport: BatchInsert
    private let upsertArea: FastStatement

    init(_ db: Database, now: String) throws {
        self.db = db
        self.now = now
        storeWasEmpty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM ref)") ?? false
        bulk = try storeWasEmpty && (Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM link)") ?? false)
        nextEntityId = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM entity") ?? 0) + 1
        nextIntelId = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM intel") ?? 0) + 1
        nextLinkId = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM link") ?? 0) + 1
        firstNewEntityId = nextEntityId
        // FTS5 flushes its pending terms at every statement's savepoint, which makes a
        // trigger-maintained index cost ~40 µs per row; the import keeps the index itself
        // and writes new rows in one statement at the end.
        let rows = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE (type = 'trigger' AND name IN ('entity_fts_insert', 'entity_fts_update', 'entity_fts_delete'))
               OR (?1 AND type = 'index' AND sql IS NOT NULL AND name <> 'entity_by_key'
                   AND tbl_name IN ('link', 'link_support', 'intel_about', 'ref', 'entity'))
               OR (?1 AND type = 'trigger' AND name = 'link_endpoints_insert')
            """, arguments: [bulk])
        for row in rows {
            droppedSchema.append(row["sql"])
            try db.execute(sql: "DROP \(row["type"] as String == "index" ? "INDEX" : "TRIGGER") \((row["name"] as String).quotedDatabaseIdentifier)")
        }
        for row in try Row.fetchAll(db, sql: "SELECT code, area_type FROM area") {
            areaTypes[row["code"]] = AreaRecord.AreaType(rawValue: row["area_type"])
        }
        let batch = bulk ? 128 : 1
        insertEntity = BatchInsert(db, head: """
            INSERT INTO entity (id, ref, kind, key, label, area, aliases, keys, attrs, created_at, updated_at) VALUES
            """, columns: 11, capacity: batch)
        insertRef = BatchInsert(db, head: "INSERT INTO ref (ref, entity_id, intel_id) VALUES", columns: 3, capacity: batch)
        updateEntity = try FastStatement(db, """
            UPDATE entity SET key = ?2, label = ?3, area = ?4, aliases = ?5, keys = ?6, attrs = ?7, updated_at = ?8
            WHERE id = ?1
            """)
        selectEntity = try FastStatement(db, "SELECT attrs, label, aliases, keys FROM entity WHERE id = ?1")
        deleteText = try FastStatement(db, """
            INSERT INTO entity_fts(entity_fts, rowid, label, aliases, keys) VALUES ('delete', ?1, ?2, ?3, ?4)
            """)
        selectByKey = try FastStatement(db, "SELECT id FROM entity WHERE kind = ?1 AND key = ?2")
        selectRef = try FastStatement(db, """
            SELECT r.entity_id, r.intel_id, e.kind FROM ref r LEFT JOIN entity e ON e.id = r.entity_id WHERE r.ref = ?1
            """)
        insertIntel = BatchInsert(db, head: """
            INSERT INTO intel (id, ref, date, source_evaluation, intelligence_assessment, handling_code, handling_conditions,
                               submitted_by, agency, text, legacy_grading, attrs, created_at, updated_at) VALUES
            """, columns: 14, capacity: batch)
        selectIntel = try FastStatement(db, """
            SELECT date, source_evaluation, intelligence_assessment, handling_code, handling_conditions,
                   submitted_by, agency, text, legacy_grading, attrs
            FROM intel WHERE id = ?1
            """)
        updateIntel = try FastStatement(db, """
            UPDATE intel SET date = ?2, source_evaluation = ?3, intelligence_assessment = ?4, handling_code = ?5,
                handling_conditions = ?6, submitted_by = ?7, agency = ?8, text = ?9, legacy_grading = ?10, attrs = ?11,
                updated_at = ?12
            WHERE id = ?1
            """)
        deleteAbout = try FastStatement(db, "DELETE FROM intel_about WHERE intel_id = ?1")
        clearHarm = try FastStatement(db, "UPDATE intel_about SET harm = 0 WHERE intel_id = ?1 AND harm = 1")
        // A report about an entity twice (in `about` and `harm_from`, or in two records) is
        // one row, marked with harm if either says so.
        insertAbout = BatchInsert(db, head: "INSERT INTO intel_about (intel_id, entity_id, harm) VALUES",
                                  tail: " ON CONFLICT DO UPDATE SET harm = max(harm, excluded.harm)", columns: 3, capacity: batch)
        insertLink = BatchInsert(db, head: """
            INSERT INTO link (id, from_id, to_id, kind, first_seen, last_seen, note, attrs, created_at) VALUES
            """, columns: 9, capacity: batch)
        mergeLink = try FastStatement(db, """
            UPDATE link SET
                first_seen = CASE WHEN ?2 IS NULL AND first_seen IS NULL THEN NULL ELSE
                    (SELECT min(d) FROM (SELECT first_seen AS d UNION ALL SELECT last_seen UNION ALL SELECT ?2 UNION ALL SELECT ?3)) END,
                last_seen = CASE WHEN ?3 IS NULL AND last_seen IS NULL THEN NULL ELSE
                    (SELECT max(d) FROM (SELECT first_seen AS d UNION ALL SELECT last_seen UNION ALL SELECT ?2 UNION ALL SELECT ?3)) END,
                note = coalesce(?4, note),
                attrs = json_patch(attrs, ?5)
            WHERE id = ?1
            """)
        selectLink = try FastStatement(db, "SELECT id FROM link WHERE from_id = ?1 AND to_id = ?2 AND kind = ?3")
        // A concern once recorded on a link's report stays: a repeated link adds, never clears.
        insertSupport = BatchInsert(db, head: "INSERT INTO link_support (link_id, intel_id, concern) VALUES",
                                    tail: " ON CONFLICT DO UPDATE SET concern = max(concern, excluded.concern)", columns: 3,
                                    capacity: batch)
        upsertArea = try FastStatement(db, """
            INSERT INTO area (code, name, area_type, force, attrs) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, area_type = excluded.area_type, force = excluded.force,
                attrs = json_patch(area.attrs, excluded.attrs)
            WHERE (area.name, area.area_type, area.force, area.attrs)
                IS NOT (excluded.name, excluded.area_type, excluded.force, json_patch(area.attrs, excluded.attrs))
            """)
    }

    // MARK: - Records

    func apply(_ record: InputRecord, at location: SourceLocation) throws {
        summary.records += 1
        do {
            switch record {
            case .area(let area): try apply(area, at: location)
            case .entity(let entity): try apply(entity, at: location)
            case .intel(let intel): try apply(intel, at: location)
            case .link(let link): try apply(link, at: location)
            }
        } catch let error as StoreError where error.location == nil {
            throw error.at(location, operation: "import")
        }
    }

    private func fail(_ message: String, field: String?, at location: SourceLocation) -> StoreError {
        StoreError("import", message, location: location, field: field)
    }

    private func note(_ id: String) {
        touchedCount += 1
        if touched.count < ImportSession.auditIdLimit { touched.append(id) }
    }

    private func apply(_ area: AreaRecord, at location: SourceLocation) throws {
        if let force = area.force { use(area: force, field: "force", need: .force, at: location) }
        upsertArea.bind(1, area.code)
        upsertArea.bind(2, area.name)
        upsertArea.bind(3, area.type.rawValue)
        upsertArea.bind(4, area.force)
        upsertArea.bind(5, JSONValue.object(area.extra).jsonText)
        try upsertArea.run()
        areaLines[area.code] = location
        areaTypes[area.code] = area.type
        summary.areas += 1
    }

    private func use(area code: String, field: String, need: AreaNeed, at location: SourceLocation) {
        let key = code + "\u{1F}" + need.rawValue
        if areaUses[key] == nil {
            areaUses[key] = AreaUse(code: code, location: location, field: field, need: need)
        }
    }

    private func apply(_ entity: EntityRecord, at location: SourceLocation) throws {
        note(entity.id)
        switch try resolve(entity.id) {
        case .intel?:
            throw fail("\(Excerpt.bare(entity.id)) is already the id of an intelligence report; ids are unique across all records",
                       field: "id", at: location)
        case .entity(let id, let kind)?:
            guard kind == entity.kind else {
                throw fail("\(Excerpt.bare(entity.id)) is a \(kind.rawValue); an entity's kind cannot change to \(entity.kind.rawValue)",
                           field: "kind", at: location)
            }
            try update(id, with: entity, at: location)
        case nil:
            let attributes = entity.fields.filter { $0.value != .null }
            let facts = EntityFacts(kind: entity.kind, attributes: attributes)
            if let key = facts.key, let existing = try self.entity(kind: entity.kind, key: key) {
                try insertRef.add([.text(entity.id), .integer(existing), .text(nil)], at: location)
                targets[entity.id] = .entity(existing, entity.kind)
                summary.idsMerged += 1
                try update(existing, with: entity, at: location)
                return
            }
            do {
                try RecordDecoder.checkComplete(entity.kind, attributes)
            } catch {
                throw fail(error.message, field: error.field, at: location)
            }
            checkAreas(entity.kind, facts, at: location)
            let id = nextEntityId
            try insertEntity.add([.integer(id), .text(entity.id), .text(entity.kind.rawValue), .text(facts.key),
                                  .text(facts.label), .text(facts.area), .text(facts.aliases), .text(facts.keys),
                                  .text(JSONValue.object(attributes).jsonText), .text(now), .text(now)],
                                 at: location)
            nextEntityId += 1
            try insertRef.add([.text(entity.id), .integer(id), .text(nil)], at: location)
            targets[entity.id] = .entity(id, entity.kind)
            if let key = facts.key { keys[entity.kind.rawValue + "\u{1F}" + key] = id }
        }
    }

    private func checkAreas(_ kind: EntityKind, _ facts: EntityFacts, at location: SourceLocation) {
        guard let area = facts.area else { return }
        if kind == .operation {
            use(area: area, field: "lead_force", need: .force, at: location)
        } else if kind == .child {
            use(area: area, field: "area", need: .authority, at: location)
        } else {
            use(area: area, field: "area", need: .any, at: location)
        }
    }

    /// Replaces the stored fields of entity `id` with those given (`null` removes one).
    private func update(_ id: Int64, with entity: EntityRecord, at location: SourceLocation) throws {
        try insertEntity.flush()
        selectEntity.bind(1, id)
        guard let row = try selectEntity.firstRow(columns: 4), let stored = row[0] else {
            throw StoreError("import", "entity \(entity.id) vanished during the import", kind: .internal, location: location)
        }
        let storedAttributes = try Store.storedObject(stored)
        var attributes = storedAttributes
        for (name, value) in entity.fields {
            if value == .null { attributes[name] = nil } else { attributes[name] = value }
        }
        do {
            try RecordDecoder.checkComplete(entity.kind, attributes)
        } catch {
            throw fail(error.message, field: error.field, at: location)
        }
        let text = JSONValue.object(attributes).jsonText
        guard text != stored else { return }
        let facts = EntityFacts(kind: entity.kind, attributes: attributes)
        let oldKey = EntityFacts(kind: entity.kind, attributes: storedAttributes).key
        if let key = facts.key, let other = try self.entity(kind: entity.kind, key: key), other != id {
            throw fail("\(Excerpt.bare(key)) already belongs to another \(entity.kind.rawValue)",
                       field: EntityFacts.keyField(of: entity.kind), at: location)
        }
        checkAreas(entity.kind, facts, at: location)
        // The index still holds what the row held when this import began: take it out once.
        if id < firstNewEntityId, !reindexed.contains(id), [facts.label, facts.aliases, facts.keys] != [row[1], row[2], row[3]] {
            deleteText.bind(1, id)
            deleteText.bind(2, row[1])
            deleteText.bind(3, row[2])
            deleteText.bind(4, row[3])
            try deleteText.run()
            reindexed.insert(id)
        }
        updateEntity.bind(1, id)
        updateEntity.bind(2, facts.key)
        updateEntity.bind(3, facts.label)
        updateEntity.bind(4, facts.area)
        updateEntity.bind(5, facts.aliases)
        updateEntity.bind(6, facts.keys)
        updateEntity.bind(7, text)
        updateEntity.bind(8, now)
        try updateEntity.run()
        if let oldKey, oldKey != facts.key { keys[entity.kind.rawValue + "\u{1F}" + oldKey] = nil }
        if let key = facts.key { keys[entity.kind.rawValue + "\u{1F}" + key] = id }
        summary.entitiesUpdated += 1
    }

    private func apply(_ intel: IntelRecord, at location: SourceLocation) throws {
        note(intel.id)
        let id: Int64
        switch try resolve(intel.id) {
        case .entity(_, let kind)?:
            throw fail("\(Excerpt.bare(intel.id)) is already the id of a \(kind.rawValue); ids are unique across all records",
                       field: "id", at: location)
        case .intel(let existing)?:
            try update(intel: existing, with: intel)
            id = existing
        case nil:
            id = nextIntelId
            nextIntelId += 1
            try insertIntel.add([
                .integer(id), .text(intel.id), .text(intel.date.description), .text(intel.grading.source.rawValue),
                .text(intel.grading.assessment.rawValue), .text(intel.grading.handling.rawValue),
                .text(intel.handlingConditions), .text(intel.submittedBy), .text(intel.agency), .text(intel.text),
                .text(intel.legacyGrading), .text(intel.extra.isEmpty ? "{}" : JSONValue.object(intel.extra).jsonText),
                .text(now), .text(now),
            ], at: location)
            try insertRef.add([.text(intel.id), .text(nil), .integer(id)], at: location)
            targets[intel.id] = .intel(id)
        }
        for ref in intel.about where !intel.harmFrom.contains(ref) {
            try attach(PendingReference(owner: id, ref: ref, field: "about", location: location), atEnd: false)
        }
        for ref in intel.harmFrom {
            try attach(PendingReference(owner: id, ref: ref, field: "about", location: location, marked: true), atEnd: false)
        }
    }

    /// Replaces the stored fields of a report with those the record gives (`null` clears
    /// one); a given `about` replaces the entities the report is about.
    private func update(intel id: Int64, with intel: IntelRecord) throws {
        try insertIntel.flush()
        selectIntel.bind(1, id)
        guard let stored = try selectIntel.firstRow(columns: 10) else { return }
        func merged(_ field: String, _ value: String?, _ column: Int) -> String? {
            intel.given.contains(field) ? value : stored[column]
        }
        var attributes = try Store.storedObject(stored[9])
        for (name, value) in intel.extra { attributes[name] = value == .null ? nil : value }
        // Conditions belong to handling code C; a report re-graded P without them has none.
        let conditions = intel.grading.handling == .p && !intel.given.contains("handling_conditions")
            ? nil : merged("handling_conditions", intel.handlingConditions, 4)
        let row: [String?] = [
            intel.date.description, intel.grading.source.rawValue, intel.grading.assessment.rawValue,
            intel.grading.handling.rawValue, conditions, merged("submitted_by", intel.submittedBy, 5),
            merged("agency", intel.agency, 6), merged("text", intel.text, 7),
            merged("legacy_grading", intel.legacyGrading, 8), JSONValue.object(attributes).jsonText,
        ]
        if row != stored {
            updateIntel.bind(1, id)
            for (offset, value) in row.enumerated() { updateIntel.bind(Int32(offset + 2), value) }
            updateIntel.bind(12, now)
            try updateIntel.run()
            summary.intelUpdated += 1
        }
        if intel.given.contains("about") {
            try insertAbout.flush()
            deleteAbout.bind(1, id)
            try deleteAbout.run()
            pendingReferences.removeAll { $0.owner == id && $0.field == "about" }
        } else if intel.given.contains("harm_from") {
            // A given `harm_from` replaces the entities the report suggests harm from.
            try insertAbout.flush()
            clearHarm.bind(1, id)
            try clearHarm.run()
            pendingReferences.removeAll { $0.owner == id && $0.field == "about" && $0.marked }
        }
    }

    /// Records that a report is about an entity (`about`) or supports a link (`intel`), or
    /// keeps the reference for the end of the file when its target is not known yet.
    private func attach(_ reference: PendingReference, atEnd: Bool) throws {
        let target = try resolve(reference.ref)
        switch (reference.field, target) {
        case ("about", .entity(let entity, _)?):
            try insertAbout.add([.integer(reference.owner), .integer(entity), .integer(reference.marked ? 1 : 0)],
                                at: reference.location)
        case ("intel", .intel(let intel)?):
            try insertSupport.add([.integer(reference.owner), .integer(intel), .integer(reference.marked ? 1 : 0)],
                                  at: reference.location)
        case ("about", .intel?):
            throw fail("\(Excerpt.bare(reference.ref)) is an intelligence report, not an entity", field: "about", at: reference.location)
        case (_, .entity?):
            throw fail("\(Excerpt.bare(reference.ref)) is an entity, not an intelligence report", field: "intel", at: reference.location)
        case (_, nil) where !atEnd:
            pendingReferences.append(reference)
        default:
            let wanted = reference.field == "about" ? "entity" : "intelligence report"
            throw fail("no \(wanted) has the id \(Excerpt.bare(reference.ref))", field: reference.field, at: reference.location)
        }
    }

    private func apply(_ link: LinkRecord, at location: SourceLocation) throws {
        linkRecords += 1
        let from = try resolve(link.from)
        let to = try resolve(link.to)
        guard from != nil, to != nil else {
            pendingLinks.append(PendingLink(record: link, location: location))
            return
        }
        try store(link, from: from, to: to, at: location)
    }

    private func store(_ link: LinkRecord, from: Target?, to: Target?, at location: SourceLocation) throws {
        guard case .entity(let fromId, let fromKind)? = from else {
            throw fail(from == nil ? "no entity has the id \(Excerpt.bare(link.from))" : "\(Excerpt.bare(link.from)) is an intelligence report, not an entity",
                       field: "from", at: location)
        }
        guard case .entity(let toId, let toKind)? = to else {
            throw fail(to == nil ? "no entity has the id \(Excerpt.bare(link.to))" : "\(Excerpt.bare(link.to)) is an intelligence report, not an entity",
                       field: "to", at: location)
        }
        guard link.kind.allows(from: fromKind, to: toKind) else {
            let froms = link.kind.fromKinds.sorted().map(\.rawValue).joined(separator: " or ")
            let tos = link.kind.toKinds.sorted().map(\.rawValue).joined(separator: " or ")
            throw fail("a \(link.kind.rawValue) link cannot go from \(fromKind.withArticle) to \(toKind.withArticle); "
                       + "it goes from \(froms) to \(tos)", field: "kind", at: location)
        }
        guard fromId != toId else {
            throw fail("\(Excerpt.bare(link.from)) and \(Excerpt.bare(link.to)) are the same entity; a link cannot join an entity to itself",
                       field: "to", at: location)
        }
        let key = LinkKey(from: fromId, to: toId, kind: link.kind)
        let linkId: Int64
        if let existing = try self.link(key) {
            linkId = existing
            try insertLink.flush()
            mergeLink.bind(1, linkId)
            mergeLink.bind(2, link.firstSeen?.description)
            mergeLink.bind(3, link.lastSeen?.description)
            mergeLink.bind(4, link.note)
            mergeLink.bind(5, JSONValue.object(link.extra).jsonText)
            try mergeLink.run()
        } else {
            linkId = nextLinkId
            try insertLink.add([.integer(linkId), .integer(fromId), .integer(toId), .text(link.kind.rawValue),
                                .text(link.firstSeen?.description), .text(link.lastSeen?.description), .text(link.note),
                                .text(link.extra.isEmpty ? "{}" : JSONValue.object(link.extra).jsonText), .text(now)],
                               at: location)
            nextLinkId += 1
            linkIds[key] = linkId
        }
        for ref in link.intel {
            try attach(PendingReference(owner: linkId, ref: ref, field: "intel", location: location, marked: link.concern),
                       atEnd: false)
        }
    }

    // MARK: - Resolution

    private func resolve(_ ref: String) throws -> Target? {
        if let target = targets[ref] { return target }
        if storeWasEmpty { return nil }
        selectRef.bind(1, ref)
        guard let row = try selectRef.firstRow(columns: 3) else { return nil }
        let target: Target
        if let entity = row[0].flatMap({ Int64($0) }), let kind = row[2].flatMap(EntityKind.init(rawValue:)) {
            target = .entity(entity, kind)
        } else if let intel = row[1].flatMap({ Int64($0) }) {
            target = .intel(intel)
        } else {
            return nil
        }
        targets[ref] = target
        return target
    }

    /// The id of the link with these ends and kind, if there is one.
    private func link(_ key: LinkKey) throws -> Int64? {
        if let id = linkIds[key] { return id }
        if bulk { return nil }
        selectLink.bind(1, key.from)
        selectLink.bind(2, key.to)
        selectLink.bind(3, key.kind.rawValue)
        guard let row = try selectLink.firstRow(columns: 1), let id = row[0].flatMap({ Int64($0) }) else { return nil }
        linkIds[key] = id
        return id
    }

    private func entity(kind: EntityKind, key: String) throws -> Int64? {
        let cacheKey = kind.rawValue + "\u{1F}" + key
        if let id = keys[cacheKey] { return id }
        if storeWasEmpty { return nil }
        selectByKey.bind(1, kind.rawValue)
        selectByKey.bind(2, key)
        guard let row = try selectByKey.firstRow(columns: 1), let id = row[0].flatMap({ Int64($0) }) else { return nil }
        keys[cacheKey] = id
        return id
    }

    /// Checks each area code the file used against the areas as they stand at its end.
    private func checkAreaUses() throws {
        for use in areaUses.values.sorted(by: { ($0.location.line, $0.code) < ($1.location.line, $1.code) }) {
            guard let type = areaTypes[use.code] else {
                throw StoreError("import", "no area has the code \(Excerpt.bare(use.code))", location: use.location, field: use.field,
                                 hint: "add an area record for it; the reference areas are listed in FORMAT.md")
            }
            switch (use.need, type) {
            case (.force, .localAuthority), (.authority, .policeForce):
                let actual = type == .policeForce ? "a police force" : "a local authority"
                throw fail("\(Excerpt.bare(use.code)) is \(actual); \(use.need.rawValue) is needed here", field: use.field, at: use.location)
            default:
                break
            }
        }
    }

    /// After area records changed, checks that what was stored before still fits: every
    /// local authority's force, every operation's lead force, every child's home authority.
    private func checkAreaRecords() throws {
        guard !areaLines.isEmpty else { return }
        let checks: [(sql: String, need: String)] = [
            ("SELECT a.force AS code, a.code AS user FROM area a LEFT JOIN area f ON f.code = a.force "
             + "WHERE a.area_type = 'local_authority' AND f.area_type IS NOT 'police_force' LIMIT 1", "a police force"),
            ("SELECT e.area AS code, e.ref AS user FROM entity e JOIN area a ON a.code = e.area "
             + "WHERE e.kind = 'operation' AND a.area_type <> 'police_force' LIMIT 1", "a police force"),
            ("SELECT e.area AS code, e.ref AS user FROM entity e JOIN area a ON a.code = e.area "
             + "WHERE e.kind = 'child' AND a.area_type <> 'local_authority' LIMIT 1", "a local authority"),
        ]
        for check in checks {
            guard let row = try Row.fetchOne(db, sql: check.sql) else { continue }
            let code: String = row["code"]
            let user: String = row["user"]
            throw StoreError("import", "\(user) needs \(code) to be \(check.need)",
                             location: areaLines[code] ?? areaLines[user], field: "area_type")
        }
    }

    /// Resolves what waited for the end of the file and checks every area named.
    ///
    /// - Throws: ``StoreError`` for the first reference, in file order, that names nothing.
    func finish() throws {
        for pending in pendingLinks {
            do {
                try store(pending.record, from: try resolve(pending.record.from), to: try resolve(pending.record.to),
                          at: pending.location)
            } catch let error as StoreError where error.location == nil {
                throw error.at(pending.location, operation: "import")
            }
        }
        for pending in pendingReferences.sorted(by: { $0.location.line < $1.location.line }) {
            try attach(pending, atEnd: true)
        }
        try checkAreaUses()
        try insertEntity.flush()
        try insertIntel.flush()
        try insertRef.flush()
        try insertAbout.flush()
        try insertLink.flush()
        try insertSupport.flush()
        try db.execute(sql: """
            INSERT INTO entity_fts(rowid, label, aliases, keys)
            SELECT id, label, aliases, keys FROM entity WHERE id >= ?
                OR id IN (SELECT value FROM json_each(?))
            """, arguments: [firstNewEntityId, JSONValue.array(reindexed.map { .number(String($0)) }).jsonText])
        for sql in droppedSchema { try db.execute(sql: sql) }
        droppedSchema.removeAll()
        try checkAreaRecords()
        // A bulk load runs with foreign keys off; check every reference in one pass.
        if try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 0,
           let broken = try Row.fetchOne(db, sql: "SELECT \"table\", parent FROM pragma_foreign_key_check LIMIT 1") {
            throw StoreError("import", "a row of \(broken["table"] as String) refers to a missing \(broken["parent"] as String) row",
                             hint: "this is a bug in cegraph; nothing was imported")
        }
    }
}
