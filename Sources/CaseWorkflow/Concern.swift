import GraphCore

/// The exploitation a referral, case or assessment is about.
public enum Concern: String, Sendable, CaseIterable, Codable {
    /// Child sexual exploitation.
    case cse
    /// Child criminal exploitation.
    case cce
    /// Both.
    case both
}

/// What the front door decided when it screened a referral.
public enum ScreeningOutcome: String, Sendable, CaseIterable, Codable {
    case noFurtherAction = "no_further_action"
    case signposting
    case earlyHelp = "early_help"
    case section17 = "section_17"
    case section47 = "section_47"
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// The allowed values, for error messages.
    static var allowed: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Parses `text`, or throws naming the field and the allowed values.
    static func parse(_ text: String, field: String, operation: String) throws -> Self {
        guard let value = Self(rawValue: text.lowercased()) else {
            throw WorkflowError(operation, "\(Excerpt.bare(text)) is not allowed", field: field, hint: "one of \(allowed)")
        }
        return value
    }
}
