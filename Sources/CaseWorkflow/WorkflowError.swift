import GraphCore

/// A case-workflow operation that could not be done: what was being done, what is wrong,
/// where, and what the user can do about it.
///
/// The description reads `operation: file: field name: message (hint: ...)`, leaving out the
/// parts that are not known, for example
/// `assess: field scaling: 11 is outside 1–10 (hint: 1 = ..., 10 = ...)`. Every workflow
/// operation (assessments, panels, flags, timescales) throws this one type so that the
/// command line and the server report them the same way.
///
/// Its ``kind`` is set where it is thrown: most are ``ErrorKind/input``; a reference that
/// names no case, panel, meeting or record is ``ErrorKind/notFound``; a change already made,
/// or one the record's state no longer allows (a cancelled panel, a closed case), is
/// ``ErrorKind/conflict``; a broken shipped data file is ``ErrorKind/internal``.
public struct WorkflowError: ClassifiedError, CustomStringConvertible, Equatable {
    /// What was being done, in a word or two: `assess`, `load framework`.
    public let operation: String
    /// What is wrong, in words a user can act on.
    public let message: String
    /// The field, option or JSON path at fault, when one is.
    public let field: String?
    /// The file being read, when the error comes from one.
    public let file: String?
    /// What the user can do about it: the allowed values, the form expected.
    public let hint: String?
    /// What kind of failure this is.
    public let kind: ErrorKind

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - operation: What was being done, such as `assess`.
    ///   - message: What is wrong.
    ///   - field: The field or JSON path at fault, if any.
    ///   - file: The file being read, if any.
    ///   - hint: What the user can do about it, if there is something to say.
    ///   - kind: What kind of failure it is; most are bad input.
    public init(operation: String, message: String, field: String? = nil, file: String? = nil, hint: String? = nil,
                kind: ErrorKind = .input) {
        self.operation = operation
        self.message = message
        self.field = field
        self.file = file
        self.hint = hint
        self.kind = kind
    }

    /// Makes an error about a field, the short form the workflow's operations use.
    public init(_ operation: String, _ message: String, field: String? = nil, hint: String? = nil, kind: ErrorKind = .input) {
        self.init(operation: operation, message: message, field: field, hint: hint, kind: kind)
    }

    /// Makes an error about a data file shipped with cegraph (the bank holidays, the language
    /// list): a broken one is a fault of the build, so the kind is ``ErrorKind/internal``.
    public init(_ message: String, file: String? = nil) {
        self.init(operation: "load", message: message, file: file, kind: .internal)
    }

    /// The description.
    public var userMessage: String { description }

    /// The error in one line: operation, file, field, message and hint.
    public var description: String {
        described(hint: hint)
    }

    /// The error as the web service tells it: the same line without a hint that sends the
    /// user to a `cegraph` command, which a person working in the pages does not run.
    public var serviceMessage: String {
        described(hint: hint?.contains("`cegraph") == true ? nil : hint)
    }

    private func described(hint: String?) -> String {
        var text = operation + ": "
        if let file { text += file + ": " }
        if let field { text += "field \(field): " }
        text += message
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}
