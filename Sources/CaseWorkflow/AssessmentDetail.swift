import Foundation
import GraphCore

/// One child exploitation assessment as recorded, for reading: what it is about, who took
/// part, the grading it carries as intelligence, the risk level and outcome the framework's
/// rules gave when it was recorded, and every question of the framework with its answer, in
/// the framework's order (``Workflow/assessment(_:by:)``).
///
/// The JSON form (snake_case keys, every key present, `null` where nothing is recorded) is
/// what `GET /api/assessments/{ref}` answers and `cegraph case assessment REF --json`
/// prints.
public struct AssessmentDetail: Codable, Sendable, Equatable {
    /// The assessment's reference, `ASMT-NNNNNN`.
    public let ref: String
    /// The MACCSE case it belongs to, and the case's local authority.
    public let caseRef: String
    public let area: String
    /// The child the case is about: their id and the name recorded.
    public let childRef: String
    public let childLabel: String
    /// The day of the assessment, `YYYY-MM-DD`.
    public let assessedOn: String
    /// A first assessment or a review.
    public let kind: Kind
    public let concern: Concern
    /// The agencies that took part (at least two).
    public let agencies: [Agency]
    /// The framework the answers were recorded against.
    public let framework: Framework
    /// The 3x5x2 grading the assessment carries as intelligence (`2B P`); nil when its
    /// intelligence record is missing.
    public let grading: String?
    /// Handling conditions of a code-C grading; nil when there are none, or when they are
    /// withheld.
    public let handlingConditions: String?
    /// The intelligence record that carries the assessment into the graph
    /// (`assessment/ASMT-NNNNNN`).
    public let intelRef: String?
    /// The risk level the framework's rules gave, as recorded (`merseyside:3`), and the
    /// framework's label for it (`Scaling 3`).
    public let risk: String
    public let riskLabel: String?
    /// Whether the outcome meant immediate action: safeguarding starts now and never waits
    /// for a panel.
    public let immediateAction: Bool
    /// Why: each rule that applied when the assessment was recorded.
    public let reasons: [Reason]
    /// The summary written for the intelligence picture; nil when none was written, or when
    /// it is withheld.
    public let summary: String?
    /// Whether free text (the summary, handling conditions and every text answer) is held
    /// back: the assessment is graded handling code C and the viewer may not read code C.
    public let freeTextWithheld: Bool
    /// Every question of the framework, in its order, each with its answer (or none), then
    /// any answer to a question the framework no longer asks.
    public let answers: [Answer]
    /// What changed since the child's previous assessment in the same local authority; nil
    /// for the child's first there.
    public var sincePrevious: Changes? = nil

    /// A first assessment or a review.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case new
        case review
    }

    /// An agency that took part.
    public struct Agency: Codable, Sendable, Equatable {
        /// The agency's code (`childrens_services`) and name (`Children's social care`).
        public let code: String
        public let name: String
    }

    /// The framework an assessment was recorded against.
    public struct Framework: Codable, Sendable, Equatable {
        /// `merseyside`, `llr` or `seraf`, and the framework's name as a panel knows it.
        public let code: String
        public let name: String
    }

    /// One rule that applied when the assessment was recorded (``AssessmentOutcome/Reason``).
    public struct Reason: Codable, Sendable, Equatable {
        /// The rule's place in the definition, such as `outcome.level[0]`.
        public let rule: String
        /// What the rule concluded.
        public let conclusion: String
        /// Why the rule exists.
        public let explanation: String
        /// The answers that made it apply, each as `question: answer`.
        public let answers: [String]
    }

    /// One question of the framework and its answer.
    public struct Answer: Codable, Sendable, Equatable {
        /// The question's code (the key of its answer), and the question as the form asks it;
        /// for an answer to a question the framework no longer has, its code.
        public let code: String
        public let question: String
        /// The kind of answer the question takes; nil when the framework no longer has it.
        public let kind: RiskFramework.Field.Kind?
        /// Whether the framework requires an answer.
        public let required: Bool
        /// The answer as recorded; nil when the question was not answered, or when the
        /// answer is withheld.
        public let value: Value?
        /// For a choice, checklist or regions question, the options chosen (code and label,
        /// in the framework's order); for a scale, the value chosen with what it means. An
        /// option the framework no longer has keeps its code as its label.
        public let chosen: [Choice]
        /// For a scale question, its range and what each end means.
        public let scale: Scale?
        /// Whether a free-text answer is held back (``AssessmentDetail/freeTextWithheld``).
        public let withheld: Bool

        /// Whether the question was answered (and the answer is shown).
        public var isAnswered: Bool { value != nil }

        enum CodingKeys: String, CodingKey {
            case code, question, kind, required, value, chosen, scale, withheld
        }

        public init(code: String, question: String, kind: RiskFramework.Field.Kind?, required: Bool, value: Value?, chosen: [Choice],
                    scale: Scale?, withheld: Bool) {
            self.code = code
            self.question = question
            self.kind = kind
            self.required = required
            self.value = value
            self.chosen = chosen
            self.scale = scale
            self.withheld = withheld
        }

        /// Encodes every key, `null` for what is not there, so that every answer has the
        /// same shape.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(question, forKey: .question)
            try container.encode(kind, forKey: .kind)
            try container.encode(required, forKey: .required)
            try container.encode(value, forKey: .value)
            try container.encode(chosen, forKey: .chosen)
            try container.encode(scale, forKey: .scale)
            try container.encode(withheld, forKey: .withheld)
        }

        /// The answer in words, for a page or a terminal: the chosen options' labels, yes or
        /// no, the text or date as written; nil when not answered.
        public var words: String? {
            guard let value else { return nil }
            if !chosen.isEmpty { return chosen.map(\.label).joined(separator: "; ") }
            switch value {
            case .flag(let yes): return yes ? "Yes" : "No"
            case .codes(let codes): return codes.isEmpty ? "None" : codes.joined(separator: "; ")
            case .text(let text): return text
            case .number(let number): return number
            }
        }
    }

    /// An answer as recorded: text (free text, a date, a choice's code), a number (a
    /// scale), yes or no, or a list of option codes. Encoded as the plain JSON value.
    public enum Value: Codable, Sendable, Equatable {
        case text(String)
        /// A number, as written.
        case number(String)
        case flag(Bool)
        case codes([String])

        /// The value of a stored answer; nil for JSON null, an object, or a list that is not
        /// all text (no framework records those).
        init?(_ json: JSONValue) {
            switch json {
            case .string(let text): self = .text(text)
            case .number(let text): self = .number(text)
            case .bool(let flag): self = .flag(flag)
            case .array(let items):
                let codes = items.compactMap(\.stringValue)
                guard codes.count == items.count else { return nil }
                self = .codes(codes)
            case .null, .object: return nil
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else if let number = try? container.decode(Int.self) {
                self = .number(String(number))
            } else if let number = try? container.decode(Double.self) {
                self = .number(String(number))
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .codes(try container.decode([String].self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let text):
                if let whole = Int(text) { try container.encode(whole) } else { try container.encode(Double(text) ?? 0) }
            case .flag(let flag): try container.encode(flag)
            case .codes(let codes): try container.encode(codes)
            }
        }
    }

    /// An option chosen (or a scale's value), with its label.
    public struct Choice: Codable, Sendable, Equatable {
        public let code: String
        public let label: String
    }

    /// A scale question's range, and what each end means.
    public struct Scale: Codable, Sendable, Equatable {
        public let min: Int
        public let max: Int
        public let minLabel: String?
        public let maxLabel: String?

        enum CodingKeys: String, CodingKey {
            case min, max
            case minLabel = "min_label"
            case maxLabel = "max_label"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(min, forKey: .min)
            try container.encode(max, forKey: .max)
            try container.encode(minLabel, forKey: .minLabel)
            try container.encode(maxLabel, forKey: .maxLabel)
        }
    }

    enum CodingKeys: String, CodingKey {
        case ref
        case caseRef = "case_ref"
        case area
        case childRef = "child_ref"
        case childLabel = "child_label"
        case assessedOn = "assessed_on"
        case kind, concern, agencies, framework, grading
        case handlingConditions = "handling_conditions"
        case intelRef = "intel_ref"
        case risk
        case riskLabel = "risk_label"
        case immediateAction = "immediate_action"
        case reasons, summary
        case freeTextWithheld = "free_text_withheld"
        case answers
        case sincePrevious = "since_previous"
    }

    /// Encodes every key, `null` for what is not recorded, so that the API's shape does not
    /// depend on the record.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(caseRef, forKey: .caseRef)
        try container.encode(area, forKey: .area)
        try container.encode(childRef, forKey: .childRef)
        try container.encode(childLabel, forKey: .childLabel)
        try container.encode(assessedOn, forKey: .assessedOn)
        try container.encode(kind, forKey: .kind)
        try container.encode(concern, forKey: .concern)
        try container.encode(agencies, forKey: .agencies)
        try container.encode(framework, forKey: .framework)
        try container.encode(grading, forKey: .grading)
        try container.encode(handlingConditions, forKey: .handlingConditions)
        try container.encode(intelRef, forKey: .intelRef)
        try container.encode(risk, forKey: .risk)
        try container.encode(riskLabel, forKey: .riskLabel)
        try container.encode(immediateAction, forKey: .immediateAction)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(summary, forKey: .summary)
        try container.encode(freeTextWithheld, forKey: .freeTextWithheld)
        try container.encode(answers, forKey: .answers)
        try container.encode(sincePrevious, forKey: .sincePrevious)
    }

    /// The record as JSON text, keys sorted.
    ///
    /// - Throws: `EncodingError`, which a record read from the store does not give.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
