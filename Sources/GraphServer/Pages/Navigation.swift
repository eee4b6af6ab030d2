import GraphCore

/// The site's navigation: the pages each role's work is on, in the order the header shows
/// them. A link appears only for a role that may open the page (the routes check again).
enum Navigation {
    struct Item {
        let href: String
        let label: String
        let permission: Permission
    }

    static let items: [Item] = [
        Item(href: "/search", label: "Search", permission: .readPicture),
        Item(href: "/intel/new", label: "Enter intelligence", permission: .writeIntel),
        Item(href: "/paths", label: "Path finder", permission: .analyse),
        Item(href: "/cross-border", label: "Cross-border", permission: .analyse),
        Item(href: "/networks", label: "Networks", permission: .analyse),
        Item(href: "/referrals", label: "Referrals", permission: .readCases),
        Item(href: "/cases", label: "Cases", permission: .readCases),
        Item(href: "/main-list", label: "Main list", permission: .readCases),
        Item(href: "/notifications", label: "Notifications", permission: .readCases),
        Item(href: "/alerts", label: "Alerts", permission: .readAlerts),
        Item(href: "/panels", label: "MACCSE panels", permission: .readPanels),
        Item(href: "/marthr", label: "MARTHR", permission: .readMarthr),
        Item(href: "/disruptions", label: "Disruptions", permission: .readMarthr),
        Item(href: "/reports/quarterly", label: "Quarterly report", permission: .readQuarterly),
        Item(href: "/audit", label: "Audit log", permission: .readAudit),
        Item(href: "/accounts", label: "Accounts", permission: .manageAccounts),
        Item(href: "/settings", label: "Settings", permission: .readSettings),
    ]

    /// The links for `role`, as the layout lays them out.
    static func links(for role: Role) -> [[String: Any]] {
        items.filter { role.may($0.permission) }.map { ["href": $0.href, "label": $0.label] }
    }
}
