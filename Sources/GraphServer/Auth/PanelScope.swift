import GraphCore

/// What a panel member may see of the case workflow: the children on the agendas of their
/// authorities' panels (held in the last ``Visibility/agendaWindowDays`` days and not
/// cancelled, or still to come), those children's cases, and those panels.
///
/// It is worked out before a read's transaction opens, so that the read can apply it
/// inside its own transaction without opening another.
struct PanelScope: Sendable {
    /// The local authorities whose panels the member sits on.
    let areas: Set<String>
    /// The children they may see, by ref, with their database ids.
    let children: [String: Int64]
    /// The cases of those children, by ref.
    let cases: Set<String>
    /// The first day of the window: an earlier panel's agenda no longer counts.
    let since: CalendarDate

    /// Whether the member may open a panel, given its record (`area`, `held_on`, `status`):
    /// one of their authorities', in the window, not cancelled.
    func mayOpen(panel: [String: JSONValue]) -> Bool {
        PanelScope.mayOpen(panel: panel, areas: areas, since: since)
    }

    /// ``mayOpen(panel:)`` for a member sitting for `areas`, without their children (the
    /// panel list needs no more).
    static func mayOpen(panel: [String: JSONValue], areas: Set<String>, since: CalendarDate) -> Bool {
        guard let area = panel["area"]?.stringValue, areas.contains(area),
              let held = panel["held_on"]?.stringValue, held >= since.description else { return false }
        return panel["status"]?.stringValue != "cancelled"
    }

    /// A panel's record as the member may see it: the agenda, decisions and actions of
    /// their children's cases only, and actions carried from panels in the window only.
    ///
    /// - Throws: ``ServerError/notFound`` for a panel they may not open.
    func panel(_ detail: JSONValue) throws -> JSONValue {
        guard var panel = detail.objectValue, mayOpen(panel: panel) else { throw ServerError.notFound }
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
    /// children or no one. Fail closed: a row that does not say which case and whom it is
    /// about (the keys absent, or not text nor null) is hidden, so a renamed column hides
    /// actions rather than showing them.
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
