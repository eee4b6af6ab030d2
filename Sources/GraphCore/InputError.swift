/// A record that breaks the data contract: what is wrong, in which file, on which line and
/// in which field.
///
/// Its description reads `file:line: field 'name': message`, so a user can find and fix the
/// input. Its kind is always ``ErrorKind/input``.
public struct InputError: ClassifiedError, Equatable, CustomStringConvertible {
    /// Where the record is, when known.
    public let location: SourceLocation?
    /// The field at fault, when one is.
    public let field: String?
    /// What is wrong, in words a user can act on.
    public let message: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - message: What is wrong.
    ///   - field: The field at fault, if any.
    ///   - location: Where the record is, if known.
    public init(_ message: String, field: String? = nil, at location: SourceLocation? = nil) {
        self.location = location
        self.field = field
        self.message = message
    }

    /// The same error placed at a location.
    public func at(_ location: SourceLocation) -> InputError {
        InputError(message, field: field, at: location)
    }

    /// Bad input, always.
    public var kind: ErrorKind { .input }

    /// The description: location, field and message.
    public var userMessage: String { description }

    /// The error in one line: `file:line: field 'name': message`.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        if let field { text += "field \(Excerpt(field, quote: "'")): " }
        return text + message
    }
}
