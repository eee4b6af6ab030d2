/// A query that cannot be answered as asked: an unknown id, an entity the filters leave
/// out, a bad parameter. The message says what to change.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
