import GraphCore

/// An error from the store, with the context a user needs to act on it: the operation,
/// the file, line and field at fault, a hint, and what kind of failure it is.
///
/// SQL text never appears in the message or the description, so either can be shown to any
/// user. An error from SQLite is classified by its result code where the store meets it
/// (``database(_:code:message:lead:)``): what SQLite said, which may quote a statement or a
/// constraint's expression, is kept in ``detail`` for the log only.
public struct StoreError: ClassifiedError, CustomStringConvertible {
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
    /// What kind of failure this is, decided where the error was made.
    public let kind: ErrorKind
    /// What the database said and the statement it was running, for the log only: it may
    /// quote SQL, so it is never part of ``message`` or ``description``.
    public let detail: String?

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - operation: What the store was doing.
    ///   - message: What is wrong, in words a user can act on and with no SQL.
    ///   - kind: What kind of failure it is. When nil, an error placed at a location or a
    ///     field is ``ErrorKind/input`` and any other ``ErrorKind/internal``.
    ///   - location: The file and line at fault, if any.
    ///   - field: The field at fault, if any.
    ///   - hint: What the user can do about it, if there is something to say.
    ///   - detail: What only the log should hold: the database's own words, the statement.
    public init(_ operation: String, _ message: String, kind: ErrorKind? = nil, location: SourceLocation? = nil,
                field: String? = nil, hint: String? = nil, detail: String? = nil) {
        self.operation = operation
        self.message = message
        self.location = location
        self.field = field
        self.hint = hint
        self.kind = kind ?? (location != nil || field != nil ? .input : .internal)
        self.detail = detail
    }

    /// An input error from the data contract, raised during `operation`.
    public init(_ operation: String, _ error: InputError, hint: String? = nil) {
        self.init(operation, error.message, kind: .input, location: error.location, field: error.field, hint: hint)
    }

    /// The same error, placed at a location (and field) in the input, keeping its kind.
    ///
    /// - Parameters:
    ///   - location: The file and line at fault.
    ///   - field: The field at fault; nil keeps the error's own.
    ///   - operation: The operation to name; nil keeps the error's own.
    public func at(_ location: SourceLocation?, field: String? = nil, operation: String? = nil) -> StoreError {
        StoreError(operation ?? self.operation, message, kind: kind, location: location, field: field ?? self.field,
                   hint: hint, detail: detail)
    }

    /// The description: operation, location, field, message and hint.
    public var userMessage: String { description }

    /// The description and, when there is one, the database's own words for the log.
    public var diagnostic: String {
        guard let detail else { return description }
        return description + " [" + detail + "]"
    }

    /// The error in one line: `operation: file:line: field 'name': message (hint)`.
    public var description: String {
        var text = "\(operation): "
        if let location { text += "\(location): " }
        if let field { text += "field \(Excerpt(field, quote: "'")): " }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}
