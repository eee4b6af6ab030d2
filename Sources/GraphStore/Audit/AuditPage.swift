/// A page of the audit log as an auditor reads it: the rows, where they sit among the rows
/// the query matches, and the whole log's check.
public struct AuditPage: Sendable {
    /// The rows, newest first.
    public let entries: [AuditLog.Entry]
    /// How many rows the query matches, on every page.
    public let matching: Int
    /// How many matching rows are newer than this page's first.
    public let newer: Int
    /// Whether the log is intact.
    public let verification: AuditVerification

    /// Whether older matching rows follow this page.
    public var hasOlder: Bool { newer + entries.count < matching }
}
