import GraphCore
import GraphStore

/// What a panel member sees of a panel they may open: the agenda items, decisions and
/// actions of the children on their agendas only, and the actions carried from panels in
/// their window only. Every other viewer sees the whole record.
///
/// The record is JSON built from the workflow's rows, so each rule reads a key; each is
/// fail-closed: a row that does not say which child, case or subject it is about is hidden,
/// so a renamed column hides data rather than showing it.
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
        self.children = children
        let ids = JSONValue.array(children.values.sorted().map { .number(String($0)) })
        cases = Set(try tx.rows("case.refs_of_children", ["children": StoredValue(json: ids)]).map { $0.string("ref") })
        since = access.agendaSince ?? CalendarDate(year: 9999, month: 12, day: 31)
    }

    /// A panel's record as the member may see it.
    func panel(_ detail: JSONValue) -> JSONValue {
        guard var panel = detail.objectValue else { return .object([:]) }
        panel["agenda"] = kept(panel["agenda"]) { children[$0["child_ref"]?.stringValue ?? ""] != nil }
        panel["decisions"] = kept(panel["decisions"]) { cases.contains($0["case_ref"]?.stringValue ?? "") }
        panel["actions"] = kept(panel["actions"], where: mayRead)
        panel["carried_actions"] = kept(panel["carried_actions"]) { action in
            // An action without a case is the panel's own business, but its text may
            // still name a child: only those from panels in the window are shown.
            mayRead(action) && (action["from_held_on"]?.stringValue ?? "") >= since.description
        }
        return .object(panel)
    }

    /// Whether an action may be read: of one of their cases or none, about one of their
    /// children or no one; the keys must be there (text or null).
    private func mayRead(_ action: [String: JSONValue]) -> Bool {
        guard let ceCase = action["case_ref"], let subject = action["subject_ref"] else { return false }
        switch ceCase {
        case .null: break
        case .string(let ref): guard cases.contains(ref) else { return false }
        default: return false
        }
        switch subject {
        case .null: return true
        case .string(let ref): return children[ref] != nil
        default: return false
        }
    }

    private func kept(_ list: JSONValue?, where keep: ([String: JSONValue]) -> Bool) -> JSONValue {
        .array((list?.arrayValue ?? []).filter { keep($0.objectValue ?? [:]) })
    }
}
