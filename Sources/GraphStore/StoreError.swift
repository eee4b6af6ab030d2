import GraphCore

/// An error from the store, with the context a user needs to act on it: the operation,
/// the file, line and field at fault, and a hint.
///
/// SQL text never appears in the message, so it can be shown to any user.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What the store was doing (`import`, `open`, `export`, ...).
    public let operation: String
    /// What is wrong.
    public let message: String
    /// The file and line at fault, when the error is about input.
    public let location: SourceLocation?
    /// The field at fault, when there is one.
    public let field: String?
    /// What the user can do about it, when there is something to say.
    public let hint: String?

    public init(_ operation: String, _ message: String, location: SourceLocation? = nil,
                field: String? = nil, hint: String? = nil) {
        self.operation = operation
        self.message = message
        self.location = location
        self.field = field
        self.hint = hint
    }

    /// An input error from the data contract, raised during `operation`.
    public init(_ operation: String, _ error: InputError, hint: String? = nil) {
        self.init(operation, error.message, location: error.location, field: error.field, hint: hint)
    }

    /// Whether the error is about the input (exit status 1) rather than the machine.
    public var isInputError: Bool { location != nil || field != nil }

    public var description: String {
        var text = "\(operation): "
        if let location { text += "\(location): " }
        if let field { text += "field '\(field)': " }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}
