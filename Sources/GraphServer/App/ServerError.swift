import GraphCore
import HTTPTypes

/// An error a request ends with: a status and a message a user can act on. Nothing else
/// leaves the server: no SQL, no stack trace.
public struct ServerError: ClassifiedError {
    /// The HTTP status the request is answered with.
    public let status: HTTPResponse.Status
    /// What is wrong, in words a user can act on.
    public let message: String
    /// When to try again, in seconds (`Retry-After`), for a refusal that will pass.
    public let retryAfter: Int?
    /// The form field at fault, when one is: a page shows the message beside it.
    public let field: String?

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - status: The HTTP status to answer with.
    ///   - message: What is wrong.
    ///   - retryAfter: When to try again, in seconds, if the refusal will pass.
    ///   - field: The form field at fault, if any.
    public init(_ status: HTTPResponse.Status, _ message: String, retryAfter: Int? = nil, field: String? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
        self.field = field
    }

    /// The kind the status stands for: 404 is ``ErrorKind/notFound``, 409
    /// ``ErrorKind/conflict``, 503 ``ErrorKind/unavailable``, any other 5xx
    /// ``ErrorKind/internal``, and any other 4xx (a bad field, a role that may not, no
    /// session) ``ErrorKind/input``: a request the user must change.
    public var kind: ErrorKind {
        switch status {
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .serviceUnavailable: return .unavailable
        default: return status.kind == .serverError ? .internal : .input
        }
    }

    /// The message.
    public var userMessage: String { message }

    /// The one answer for a record that does not exist *and* for one the viewer may not
    /// see, so that the two cannot be told apart.
    public static let notFound = ServerError(.notFound, "not found")
    /// A request that needs an account, made without a session or token.
    public static let signInNeeded = ServerError(.unauthorized, "sign in first")
    /// A request the account's role may not make.
    public static let forbidden = ServerError(.forbidden, "your role does not allow this")
    /// A sensitive view before any reason was given for this session (or, with an API
    /// token, in this request).
    public static let reasonNeeded = ServerError(.preconditionRequired,
        "say why you need to see personal data: give a reason for this session (POST /api/session/reason), or send X-Justification with an API token")
}
