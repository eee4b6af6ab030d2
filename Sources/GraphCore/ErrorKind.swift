/// What kind of failure an error is: the one thing the command line and the web service need
/// to know to answer it, each in its own terms (an exit status, an HTTP status).
///
/// The kind is decided where the error is made, by the code that knows what went wrong, and
/// never recovered from the error's words. Every error type in cegraph carries one through
/// ``ClassifiedError``; an error of any other type is ``internal``.
public enum ErrorKind: String, Sendable, CaseIterable {
    /// The request or the data is wrong, and the user can correct it: a field out of range,
    /// a rule the input breaks, a file that is not what it should be.
    case input
    /// The request names a record that does not exist (an id, a case, a panel).
    case notFound
    /// The request is sound but clashes with what the store already holds: it was done
    /// already, or the record's state no longer allows it (a duplicate, a cancelled panel).
    case conflict
    /// The store cannot serve the request now, but may in a moment: the database is busy
    /// with another writer, or the disk is full or failing. Trying again later may work.
    case unavailable
    /// A fault in cegraph or its installation: a bug, a damaged database, a missing
    /// resource. The user cannot fix it; the details belong in a log.
    case `internal`

    /// The kind of any error: a ``ClassifiedError``'s own, ``internal`` for any other.
    public init(of error: any Error) {
        self = (error as? any ClassifiedError)?.kind ?? .internal
    }
}
