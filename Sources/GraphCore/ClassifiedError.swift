/// An error that knows what kind of failure it is and how to say it to a user.
///
/// Every module's error type adopts it, so the command line maps ``kind`` to an exit status
/// and the web service to an HTTP status without looking at the error's words. The
/// ``userMessage`` may be shown to anyone the request came from: it never holds SQL text,
/// a statement's name or a stack trace. What only an operator should read (the statement,
/// the database's own message) goes in ``diagnostic``, which is written to the log.
public protocol ClassifiedError: Error, Sendable {
    /// What kind of failure this is.
    var kind: ErrorKind { get }
    /// What went wrong, in words the user can act on and safe to show to any user.
    var userMessage: String { get }
    /// Everything known about the error, for the operator's log; it may hold SQL text.
    ///
    /// The default is ``userMessage``.
    var diagnostic: String { get }
}

extension ClassifiedError {
    public var diagnostic: String { userMessage }
}
