/// Which notices of the disruption register to list, and which page of them.
public struct DisruptionFilter: Sendable, Equatable {
    /// What the register can be narrowed to.
    public enum Show: String, Sendable, CaseIterable {
        /// Every notice.
        case all
        /// Served and not expired (expiring ones included).
        case inForce = "in_force"
        /// In force, and within the partnership's `noticeReminderDays` of expiry.
        case expiring
        /// Served, not ended or renewed, with a breach recorded.
        case breached
        /// Drafted or approved: awaiting approval or service.
        case pending
    }

    public var show: Show
    /// Only notices whose subject (or child protected) is in this area (a local authority
    /// or force code).
    public var area: String?
    /// Only notices against this subject, or protecting this child.
    public var subject: String?
    public var child: String?
    /// The page (from 1) and how many notices a page holds.
    public var page: Int
    public var pageSize: Int

    public init(show: Show = .all, area: String? = nil, subject: String? = nil, child: String? = nil, page: Int = 1,
                pageSize: Int = 50) {
        self.show = show
        self.area = area
        self.subject = subject
        self.child = child
        self.page = page
        self.pageSize = pageSize
    }

    /// Whether a notice is one this filter shows (before its area and paging).
    func shows(_ notice: Disruption) -> Bool {
        switch show {
        case .all: true
        case .inForce: notice.inForce
        case .expiring: notice.state == .expiring
        case .breached: notice.breached
        case .pending: notice.state == .drafted || notice.state == .approved
        }
    }
}
