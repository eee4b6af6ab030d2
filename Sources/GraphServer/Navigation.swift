/// The site's navigation: the pages each role's work is on, in the order the header shows
/// them. A link appears only for a role that may open the page (the routes check again).
enum Navigation {
    struct Item {
        let href: String
        let label: String
        let roles: Set<Role>
    }

    static let items: [Item] = [
        Item(href: "/search", label: "Search", roles: GraphReads.readers),
        Item(href: "/intel/new", label: "Enter intelligence", roles: [.ccsetCoordinator, .analyst]),
        Item(href: "/paths", label: "Path finder", roles: GraphReads.police),
        Item(href: "/cross-border", label: "Cross-border", roles: GraphReads.police),
        Item(href: "/networks", label: "Networks", roles: GraphReads.police),
        Item(href: "/referrals", label: "Referrals", roles: WorkflowReads.caseWorkers),
        Item(href: "/cases", label: "Cases", roles: [.ccsetCoordinator, .marthrChair, .analyst]),
        Item(href: "/alerts", label: "Alerts", roles: WorkflowReads.caseWorkers),
        Item(href: "/panels", label: "MACCSE panels", roles: [.ccsetCoordinator, .marthrChair, .panelMember]),
        Item(href: "/marthr", label: "MARTHR", roles: [.marthrChair, .ccsetCoordinator, .analyst]),
        Item(href: "/reports/quarterly", label: "Quarterly report", roles: [.ccsetCoordinator, .marthrChair, .analyst]),
        Item(href: "/audit", label: "Audit log", roles: [.auditor]),
        Item(href: "/accounts", label: "Accounts", roles: [.admin]),
        Item(href: "/settings", label: "Settings", roles: WorkflowReads.settingsReaders),
    ]

    /// The links for `role`, as the layout lays them out.
    static func links(for role: Role) -> [[String: Any]] {
        items.filter { $0.roles.contains(role) }.map { ["href": $0.href, "label": $0.label] }
    }
}
