import GraphCore

/// The weakest grading a supporting report may have: a source evaluation and an
/// intelligence assessment, written `2C` (source 1–2, assessment A–C).
public struct MinimumGrade: Hashable, Sendable, CustomStringConvertible {
    public let source: Grading.SourceEvaluation
    public let assessment: Grading.Assessment
    /// 1–3, as the snapshot stores source evaluations.
    let sourceRank: UInt8
    /// 0 (A) to 3 (D), as the snapshot stores assessments.
    let assessmentRank: UInt8

    public init(source: Grading.SourceEvaluation, assessment: Grading.Assessment) {
        self.source = source
        self.assessment = assessment
        sourceRank = UInt8(Int(source.rawValue) ?? 3)
        assessmentRank = UInt8(Grading.Assessment.allCases.firstIndex(of: assessment) ?? 3)
    }

    /// Whether a report graded `source` (1–3) and `assessment` (0–4) is at or above this grade.
    @inline(__always)
    func admits(source: UInt8, assessment: UInt8) -> Bool {
        assessment < 4 && source <= sourceRank && assessment <= assessmentRank
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
