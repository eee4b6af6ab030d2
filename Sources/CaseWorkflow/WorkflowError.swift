/// An error from the case workflow, in words a coordinator or chair can act on: what was
/// being done, what is wrong, the field at fault and a hint.
public struct WorkflowError: Error, Sendable, CustomStringConvertible {
    /// What the workflow was doing (`referral`, `assess`, `decide`, ...).
    public let operation: String
    /// What is wrong.
    public let message: String
    /// The field at fault, when there is one.
    public let field: String?
    /// What the user can do about it.
    public let hint: String?

    public init(_ operation: String, _ message: String, field: String? = nil, hint: String? = nil) {
        self.operation = operation
        self.message = message
        self.field = field
        self.hint = hint
    }

    public var description: String {
        var text = "\(operation): "
        if let field { text += "field \(field): " }
        text += message
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}
