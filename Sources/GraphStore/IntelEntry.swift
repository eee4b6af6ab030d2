import GraphCore

/// A report entered or edited with the entities it is about and the links it asserts, as
/// data-contract records (FORMAT.md §1), the report first. The store's rule: every link an
/// entry brings rests on the entry's report, so it is named among the link's supporting
/// intelligence whether the writer said so or not.
public struct IntelEntry: Sendable {
    /// The report's id.
    public let reportId: String
    /// The records, the report first, then the entities, then the links.
    public let records: [[String: JSONValue]]

    /// The entry a body gives: `intel` (the graded report), `entities` and `links`.
    ///
    /// - Parameters:
    ///   - editing: the id of the report being edited; the body may not change it, nor who
    ///     submitted the report.
    ///   - submittedBy: who submitted a new report when the body does not say.
    /// - Throws: ``InputError`` naming what is missing or wrong.
    public init(_ body: [String: JSONValue], editing: String?, submittedBy: String?) throws(InputError) {
        guard case .object(var report)? = body["intel"] else {
            throw InputError(editing == nil ? "give intel: the graded report, with its id" : "give intel: the graded report")
        }
        if let editing {
            if let given = report["id"], given != .string(editing) {
                throw InputError("the report's id cannot change (it is \(editing))")
            }
            report["id"] = .string(editing)
            report["submitted_by"] = nil
        } else if report["submitted_by"] == nil, let submittedBy {
            report["submitted_by"] = .string(submittedBy)
        }
        guard let id = report["id"]?.stringValue, !id.trimmingWhitespace().isEmpty else {
            throw InputError("give intel: the graded report, with its id")
        }
        report["record"] = "intel"
        var records: [[String: JSONValue]] = [report]
        for entity in body["entities"]?.arrayValue ?? [] {
            guard case .object(var fields) = entity else { throw InputError("each of entities must be an object") }
            fields["record"] = "entity"
            records.append(fields)
        }
        for link in body["links"]?.arrayValue ?? [] {
            guard case .object(var fields) = link else { throw InputError("each of links must be an object") }
            fields["record"] = "link"
            var support = fields["intel"]?.arrayValue ?? []
            if !support.contains(.string(id)) { support.append(.string(id)) }
            fields["intel"] = .array(support)
            records.append(fields)
        }
        reportId = id
        self.records = records
    }
}
