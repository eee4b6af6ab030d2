import GraphCore

/// The demo could not be built: a generated picture too small for its case workflow, which
/// would be a bug in the demo or the generator.
public struct DemoError: ClassifiedError, CustomStringConvertible {
    /// What is wrong.
    public let message: String

    public var kind: ErrorKind { .internal }
    public var userMessage: String { message }
    public var description: String { message }
}
