import GraphCore
import GraphStore

/// What a panel member sees of a panel they may open: the agenda items, decisions and
/// actions of the children on their agendas only, and the actions carried from panels in
/// their window only. Every other viewer sees the whole record.
///
/// Each rule reads a typed field that the record's row must have had
/// (``ColumnReader``: a renamed column fails the read). Each is fail-closed besides: a child,
/// case or subject that is not one of theirs, or a day that is not a date, hides the row.
struct PanelView {
    /// The children they may see, by ref.
    let children: [String: Int64]
    /// The cases of those children, by ref.
    let cases: Set<String>
    /// The first day of their window.
    let since: CalendarDate

    /// The view for `access`, or nil when it sees the whole record (not a panel member).
    init?(_ access: Access, in tx: StoreTransaction) throws {
        guard access.role == .panelMember else { return nil }
        let children = access.children ?? [:]
        let ids = JSONValue.array(children.values.sorted().map { .number(String($0)) })
        let cases = Set(try tx.rows("case.refs_of_children", ["children": StoredValue(json: ids)]).map { $0.string("ref") })
        self.init(children: children, cases: cases, since: access.agendaSince ?? CalendarDate(year: 9999, month: 12, day: 31))
    }

    init(children: [String: Int64], cases: Set<String>, since: CalendarDate) {
        self.children = children
        self.cases = cases
        self.since = since
    }

    /// A panel's record as the member may see it.
    func panel(_ detail: PanelDetail) -> PanelDetail {
        var panel = detail
        panel.agenda = detail.agenda.filter { children[$0.childRef] != nil }
        panel.decisions = detail.decisions.filter { cases.contains($0.caseRef) }
        panel.caseMinutes = detail.caseMinutes.filter { cases.contains($0.caseRef) }
        // Police-led and about adults and groups, not the member's children; and the cases
        // not for the panel are no child of their agendas.
        panel.perpetratorReferrals = []
        panel.notForPanel = []
        panel.actions = detail.actions.filter { mayRead(case: $0.caseRef, subject: $0.subjectRef) }
        panel.carriedActions = detail.carriedActions.filter { action in
            // An action without a case is the panel's own business, but its text may
            // still name a child: only those from panels in the window are shown.
            guard let held = CalendarDate(action.fromHeldOn) else { return false }
            return mayRead(case: action.caseRef, subject: action.subjectRef) && held >= since
        }
        return panel
    }

    /// Whether an action may be read: of one of their cases or none, about one of their
    /// children or no one.
    private func mayRead(case caseRef: String?, subject: String?) -> Bool {
        if let caseRef, !cases.contains(caseRef) { return false }
        if let subject, children[subject] == nil { return false }
        return true
    }
}
