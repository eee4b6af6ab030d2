import Foundation
import CaseWorkflow
import GraphCore
import GraphStore

/// Works out what an account may see (``Access``): its role and scope, and for a panel
/// member the children on their panels' agendas, read from the store once per request.
/// The rules themselves are ``Access``'s, in GraphCore.
struct Visibility: Sendable {
    let store: Store
    let workflow: Workflow

    /// How far back a panel's agenda still counts.
    static let agendaWindowDays = 365

    /// The first day whose panels' agendas still count, on `today`.
    static func windowStart(today: CalendarDate = .today) -> CalendarDate {
        today.adding(days: -agendaWindowDays)
    }

    /// What `account` may see; ``Access/nobody`` when signed out.
    func access(for account: Account?, today: CalendarDate = .today) throws -> Access {
        guard let account else { return .nobody }
        // Partners' free text is the partnership's choice (its default settings); the
        // police read it whole, so their requests read no settings.
        var freeText = Access.FreeText.withheld
        if !account.role.may(.readHandlingCodeC), try workflow.settings(for: nil).partnerFreeText { freeText = .pseudonymised }
        return Access(role: account.role, scope: account.scope, children: try panelChildren(for: account, today: today),
                      partnerFreeText: freeText, agency: account.agency,
                      agendaSince: account.role == .panelMember ? Visibility.windowStart(today: today) : nil,
                      placedChildren: try placedChildren(for: account, today: today))
    }

    /// The children placed now in the areas `account` covers by another authority: within
    /// its need-to-know (issue 19: the front door where a child lives). Empty for an
    /// account without a scope of areas, and for a panel member.
    func placedChildren(for account: Account, today: CalendarDate = .today) throws -> [String: Int64] {
        guard let areas = account.scope.areas, account.role != .panelMember else { return [:] }
        return try store.reading { tx in
            var children: [String: Int64] = [:]
            for row in try tx.rows("server/visibility.placed_children", [
                "areas": StoredValue(json: .array(areas.sorted().map { .string($0) })), "on": StoredValue(today),
            ]) {
                if let id = row.integer("id") { children[row.string("ref")] = id }
            }
            return children
        }
    }

    /// The database ids and refs of the children `account` may see, or nil for "not limited
    /// to children on agendas" (every role but panel member).
    func panelChildren(for account: Account, today: CalendarDate = .today) throws -> [String: Int64]? {
        guard account.role == .panelMember else { return nil }
        return try store.reading { tx in
            var children: [String: Int64] = [:]
            for row in try tx.rows("server/visibility.panel_children", [
                "areas": StoredValue(json: .array(account.panelAreas.map { .string($0) })),
                "since": StoredValue(Visibility.windowStart(today: today)),
            ]) {
                if let id = row.integer("id") { children[row.string("ref")] = id }
            }
            return children
        }
    }
}
