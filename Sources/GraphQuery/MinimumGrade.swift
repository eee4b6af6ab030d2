import GraphCore

/// The weakest grading a supporting report may have: a source evaluation and an
/// intelligence assessment, written `2C` (source 1–2, assessment A–C).
public struct MinimumGrade: Hashable, Sendable, CustomStringConvertible {
    public let source: Grading.SourceEvaluation
    public let assessment: Grading.Assessment

    public init(source: Grading.SourceEvaluation, assessment: Grading.Assessment) {
        self.source = source
        self.assessment = assessment
    }

    /// Parses `2C`, `2-C`, `2,C` or `2/C` (case-insensitive); nil otherwise, or when the
    /// assessment is E (no report is "at least" suspected false).
    public init?(_ text: String) {
        let characters = text.uppercased().filter { !" -,/".contains($0) }
        guard characters.count == 2,
              let source = Grading.SourceEvaluation(rawValue: String(characters.first!)),
              let assessment = Grading.Assessment(rawValue: String(characters.last!)),
              assessment != .e else { return nil }
        self.init(source: source, assessment: assessment)
    }

    public var description: String { source.rawValue + assessment.rawValue }

    /// What the accepted forms are, for error messages.
    public static let expectedForms = "a source evaluation 1-3 and an assessment A-D, such as 2C (source 1-2, assessment A-C)"
}
