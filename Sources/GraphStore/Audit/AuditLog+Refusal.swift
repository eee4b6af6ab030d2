import GraphCore

extension AuditLog.Entry {
    /// For a read that answered "not found" (``Store/auditUnseen(_:_:found:by:)``), what
    /// was asked for: the kind of record (`entity`, `intel`, `case`, `panel`, `map`...) and
    /// the id as given. Nil for any other row.
    public var asked: (what: String, id: String)? {
        guard case .object(let fields)? = try? JSONParser.parse(records),
              case .object(let asked)? = fields["asked"], let first = asked.min(by: { $0.key < $1.key }) else { return nil }
        return (first.key, first.value.stringValue ?? first.value.jsonText)
    }

    /// Whether the row records a read refused for need-to-know: the record exists, and the
    /// viewer was answered as if it did not.
    public var isRefusal: Bool {
        guard case .object(let fields)? = try? JSONParser.parse(records) else { return false }
        return fields["refused"] == .bool(true)
    }
}
