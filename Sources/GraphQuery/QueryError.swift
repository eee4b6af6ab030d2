import GraphCore

/// A query that cannot be answered as asked: an unknown id, an entity the filters leave
/// out, a bad parameter. The message says what to change.
public struct QueryError: ClassifiedError, CustomStringConvertible {
    /// What is wrong, in words a user can act on.
    public let message: String
    /// ``ErrorKind/notFound`` for an id that names no entity; ``ErrorKind/input`` for
    /// anything else the query asks wrongly.
    public let kind: ErrorKind

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - message: What is wrong.
    ///   - kind: What kind of failure it is; most are bad input.
    public init(_ message: String, kind: ErrorKind = .input) {
        self.message = message
        self.kind = kind
    }

    /// The message.
    public var userMessage: String { message }

    /// The message.
    public var description: String { message }
}
