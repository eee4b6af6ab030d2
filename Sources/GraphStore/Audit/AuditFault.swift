/// What verifying the audit log found wrong first: the row and column, and what is wrong,
/// in words an auditor can act on.
public struct AuditFault: Error, Sendable, Equatable, CustomStringConvertible {
    /// The row at fault; nil when the fault is not one row's (a missing head file).
    public let seq: Int64?
    /// The column at fault, when there is one.
    public let column: String?
    /// What is wrong.
    public let problem: String

    public init(seq: Int64?, column: String? = nil, problem: String) {
        self.seq = seq
        self.column = column
        self.problem = problem
    }

    /// `row 12, column actor: the MAC does not match…`
    public var description: String {
        var text = ""
        if let seq { text += "row \(seq)" }
        if let column { text += (text.isEmpty ? "" : ", ") + "column \(column)" }
        return text.isEmpty ? problem : text + ": " + problem
    }
}
