import GraphCore
import HTTPTypes

/// An error a request ends with: a status and a message a user can act on. Nothing else
/// leaves the server: no SQL, no stack trace.
public struct ServerError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The one answer for a record that does not exist *and* for one the viewer may not
    /// see, so that the two cannot be told apart.
    public static let notFound = ServerError(.notFound, "not found")
    public static let signInNeeded = ServerError(.unauthorized, "sign in first")
    public static let forbidden = ServerError(.forbidden, "your role does not allow this")
    /// A sensitive view before any reason was given for this session (or, with an API
    /// token, in this request).
    public static let reasonNeeded = ServerError(.preconditionRequired,
        "say why you need to see personal data: give a reason for this session (POST /api/session/reason), or send X-Justification with an API token")
}
