/// The UK 3x5x2 intelligence grading: source evaluation, intelligence assessment and
/// handling code.
///
/// See the College of Policing's APP on intelligence management. Legacy 5x5x5 gradings are
/// kept as text and never mapped onto 3x5x2.
public struct Grading: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How far the source is to be trusted.
    public enum SourceEvaluation: String, CaseIterable, Sendable, Codable {
        /// Reliable.
        case reliable = "1"
        /// Untested.
        case untested = "2"
        /// Not reliable.
        case notReliable = "3"
    }

    /// How the source came to know the intelligence.
    public enum Assessment: String, CaseIterable, Sendable, Codable, Comparable {
        /// Known directly to the source.
        case a = "A"
        /// Known indirectly to the source but corroborated.
        case b = "B"
        /// Known indirectly to the source.
        case c = "C"
        /// Not known.
        case d = "D"
        /// Suspected to be false.
        case e = "E"

        public static func < (lhs: Assessment, rhs: Assessment) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Whether the intelligence may be shared, and on what terms.
    public enum HandlingCode: String, CaseIterable, Sendable, Codable {
        /// Lawful sharing permitted.
        case p = "P"
        /// Lawful sharing permitted with conditions.
        case c = "C"
    }

    public var source: SourceEvaluation
    public var assessment: Assessment
    public var handling: HandlingCode

    /// Parses the written form, `2B P` (the space is optional), or returns nil.
    public init?(_ text: String) {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard compact.count == 3,
              let source = SourceEvaluation(rawValue: String(compact.prefix(1))),
              let assessment = Assessment(rawValue: String(compact.dropFirst().prefix(1))),
              let handling = HandlingCode(rawValue: String(compact.suffix(1))) else { return nil }
        self.init(source: source, assessment: assessment, handling: handling)
    }

    public init(source: SourceEvaluation, assessment: Assessment, handling: HandlingCode) {
        self.source = source
        self.assessment = assessment
        self.handling = handling
    }

    /// The grading written as analysts read it, for example `2B P`.
    public var description: String { "\(source.rawValue)\(assessment.rawValue) \(handling.rawValue)" }
}
