/// A problem in the case workflow's rules or data, in words a user can act on.
///
/// The workflow reads its rules from data files (``WorkingCalendar`` from
/// `bank_holidays.json`, ``LanguageChecker`` from `language.json`), so most of these errors
/// name the file and the entry that could not be read.
public struct WorkflowError: Error, Sendable, CustomStringConvertible {
    /// The file the problem is in, when it is in a file.
    public let file: String?
    /// What went wrong and, where possible, what to do about it.
    public let message: String

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - message: what went wrong, for a user.
    ///   - file: the data file at fault, when there is one.
    public init(_ message: String, file: String? = nil) {
        self.file = file
        self.message = message
    }

    /// The file, when known, then the message.
    public var description: String {
        guard let file else { return message }
        return "\(file): \(message)"
    }
}
