import GraphCore

extension StoreTransaction {
    /// The report `ref` names, with the entities it is about, the links it supports and the
    /// versions its edits kept; nil when no report has that id.
    ///
    /// - Throws: ``StoreError`` when the store cannot be read.
    /// The report `ref` names as `viewer` may see it (``IntelReport/seen(by:names:)``), or
    /// nil when it is missing or they may not see it; either way the read is audited here
    /// (refused, or not found), and the two cost the same lookup. The caller audits a
    /// report it shows.
    public func intelReport(_ ref: String, for viewer: Viewer) throws -> IntelReport? {
        let report = try intelReport(ref)
        // A missing report costs what a hidden one does: the same reads, of nothing.
        if report == nil { _ = try IntelReport.parts(of: -1, in: self) }
        guard let seen = try report?.seen(by: viewer.access, names: Store.names(db, for: viewer.access)) else {
            if !viewer.access.seesWholePicture { try AuditLog.appendUnseen(db, sealer, "intel", ref, found: report != nil, by: viewer) }
            return nil
        }
        return seen
    }

    /// The report `ref` names, whole (the command line and the edit pages' own reads).
    public func intelReport(_ ref: String) throws -> IntelReport? {
        guard let row = try row("intel/report.by_ref", ["ref": .text(ref)]), let intel = row.integer("id"),
              let grading = Grading(row.string("source_evaluation") + row.string("intelligence_assessment") + row.string("handling_code"))
        else { return nil }
        func entity(_ row: StoredRow, _ prefix: String) -> IntelReport.Entity? {
            guard let kind = EntityKind(rawValue: row.string(prefix + "kind")) else { return nil }
            var entity = IntelReport.Entity(id: row.string(prefix + "ref"), kind: kind, label: row.string(prefix + "label"))
            entity.area = row.text(prefix + "area")
            entity.force = row.text(prefix + "force")
            return entity
        }
        let (aboutRows, linkRows, historyRows) = try IntelReport.parts(of: intel, in: self)
        let about = aboutRows.compactMap { row -> IntelReport.Entity? in
            var about = entity(row, "")
            about?.harm = row.bool("harm") ?? false
            return about
        }
        let links = linkRows.compactMap { link -> IntelReport.Link? in
            guard let kind = LinkKind(rawValue: link.string("kind")), let from = entity(link, "from_"), let to = entity(link, "to_") else {
                return nil
            }
            var found = IntelReport.Link(kind: kind, from: from, to: to, firstSeen: link.text("first_seen"),
                                         lastSeen: link.text("last_seen"), note: link.text("note"))
            found.concern = link.bool("concern") ?? false
            return found
        }
        let history = historyRows.map { version in
            IntelReport.Version(version: Int(version.integer("version") ?? 0), fields: version.json("fields")?.objectValue ?? [:],
                                changedBy: version.string("changed_by"), changedAt: version.string("changed_at"),
                                reason: version.string("reason"))
        }
        return IntelReport(
            id: row.string("ref"), date: row.string("date"), grading: grading, handlingConditions: row.text("handling_conditions"),
            submittedBy: row.text("submitted_by"), agency: row.text("agency"), text: row.text("text"),
            legacyGrading: row.text("legacy_grading"), createdAt: row.string("created_at"), updatedAt: row.string("updated_at"),
            about: about, links: links, history: history)
    }

    /// Enters a new report with the entities and links it brings, and its audit row.
    ///
    /// - Parameters:
    ///   - records: the report first, then entities and links, in the data contract's form
    ///     (FORMAT.md §1); each link should name the report in its `intel`.
    ///   - viewer: who entered it and why.
    /// - Returns: the ids the records touched.
    /// - Throws: ``StoreError`` naming the field when a record is wrong, or when the report's
    ///   id is taken: a report is changed through ``editIntel(_:records:reason:by:)``, which
    ///   keeps the version it replaces.
    @discardableResult
    public func enterIntel(_ records: [[String: JSONValue]], by viewer: Viewer) throws -> [String] {
        let id = try StoreTransaction.reportId(of: records, operation: "intelligence entry")
        if try row("intel/report.by_ref", ["ref": .text(id)]) != nil {
            throw StoreError("intelligence entry", "\(id) is already a report; edit it instead, giving a reason, so that its history is kept",
                             kind: .conflict, field: "id")
        }
        let touched = try apply(records, source: "intelligence \(id)")
        try audit(.collection, by: viewer, records: .object([
            "intel": .string(id), "records": .array(touched.prefix(1_000).map { .string($0) }),
        ]))
        return touched
    }

    /// Edits a report: its date, grading, handling conditions, agency, text or `about`, and
    /// any entities and links the edit adds. The version it replaces is kept first, with
    /// `viewer` and `reason`; all of it commits with its audit row, or nothing does.
    ///
    /// - Parameters:
    ///   - ref: the report's id.
    ///   - records: the report (with id `ref`) first, then entities and links, as for
    ///     ``enterIntel(_:by:)``. Fields the report record leaves out keep their values; a
    ///     given `about` replaces the entities the report is about.
    ///   - reason: why it is changed (required).
    ///   - viewer: who changed it.
    /// - Returns: the number of the version kept, or nil when no report has the id `ref`.
    /// - Throws: ``StoreError`` naming the field when the reason is missing or a record is
    ///   wrong (a grading outside 3x5x2, conditions missing for code C, ...).
    @discardableResult
    public func editIntel(_ ref: String, records: [[String: JSONValue]], reason: String, by viewer: Viewer) throws -> Int? {
        guard let report = try row("intel/report.by_ref", ["ref": .text(ref)]), let intel = report.integer("id") else { return nil }
        let reason = reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw StoreError("intelligence edit", "say why the report is changed", field: "reason") }
        guard try StoreTransaction.reportId(of: records, operation: "intelligence edit") == ref else {
            throw StoreError("intelligence edit", "the report's id cannot change (it is \(ref))", field: "id")
        }
        try execute("intel/report.keep_version", ["intel": .integer(intel), "changed_by": .text(viewer.name), "reason": .text(reason)])
        let kept = Int(try row("intel/report.history", ["intel": .integer(intel)])?.integer("version") ?? 1)
        let touched = try apply(records, source: "intelligence \(ref)")
        try audit(.alteration, by: viewer, records: .object([
            "intel": .string(ref), "version_kept": .number(String(kept)), "reason": .string(reason),
            "records": .array(touched.prefix(1_000).map { .string($0) }),
        ]))
        return kept
    }

    /// The id of the report that leads `records`, the only report among them (another would
    /// be changed without its history).
    private static func reportId(of records: [[String: JSONValue]], operation: String) throws -> String {
        guard let first = records.first, first["record"]?.stringValue == "intel",
              let id = first["id"]?.stringValue, !id.trimmingWhitespace().isEmpty else {
            throw StoreError(operation, "give the graded report first, with its id", field: "intel")
        }
        guard !records.dropFirst().contains(where: { $0["record"]?.stringValue == "intel" }) else {
            throw StoreError(operation, "one report at a time", field: "record")
        }
        return id
    }
}

extension IntelReport {
    /// The rows of a report's entities, links and earlier versions.
    static func parts(of intel: Int64, in tx: StoreTransaction) throws -> (about: [StoredRow], links: [StoredRow], history: [StoredRow]) {
        (try tx.rows("intel/report.about", ["intel": .integer(intel)]), try tx.rows("intel/report.links", ["intel": .integer(intel)]),
         try tx.rows("intel/report.history", ["intel": .integer(intel)]))
    }
}
