extension AssessmentDetail {
    /// What changed since the child's previous assessment in the same local authority:
    /// the risk level, and each question whose answer differs (``Workflow/assessment(_:by:)``).
    public struct Changes: Codable, Sendable, Equatable {
        /// The previous assessment, the day it was made, and the risk level it gave.
        public let previousRef: String
        public let previousAssessedOn: String
        public let previousRisk: String
        /// Whether the risk level differs from the previous one.
        public let riskChanged: Bool
        /// The questions answered differently, in the framework's order.
        public let answers: [AnswerChange]

        enum CodingKeys: String, CodingKey {
            case previousRef = "previous_ref"
            case previousAssessedOn = "previous_assessed_on"
            case previousRisk = "previous_risk"
            case riskChanged = "risk_changed"
            case answers
        }

        /// The changes from `previous` to `current`. An answer withheld on either side
        /// (handling code C, for a viewer who may not read it) is not compared.
        init(from previous: AssessmentDetail, to current: AssessmentDetail) {
            previousRef = previous.ref
            previousAssessedOn = previous.assessedOn
            previousRisk = previous.risk
            riskChanged = previous.risk != current.risk
            let before = Dictionary(previous.answers.map { ($0.code, $0) }) { first, _ in first }
            var changes: [AnswerChange] = []
            var seen = Set<String>()
            // The day of the assessment is a question on every form, and always differs.
            for answer in current.answers where answer.code != "assessment_date" {
                seen.insert(answer.code)
                let old = before[answer.code]
                if answer.withheld || old?.withheld == true || old?.value == answer.value { continue }
                if old == nil && answer.value == nil { continue }
                changes.append(AnswerChange(code: answer.code, question: answer.question, before: old?.words, after: answer.words))
            }
            // Questions the previous assessment answered that this one's framework no longer lists.
            for answer in previous.answers where !seen.contains(answer.code) && answer.code != "assessment_date"
                && answer.value != nil && !answer.withheld {
                changes.append(AnswerChange(code: answer.code, question: answer.question, before: answer.words, after: nil))
            }
            answers = changes
        }
    }

    /// One question answered differently from the previous assessment.
    public struct AnswerChange: Codable, Sendable, Equatable {
        /// The question's code and words.
        public let code: String
        public let question: String
        /// The answer before and now, in words; nil where the question was not answered.
        public let before: String?
        public let after: String?

        /// Encodes every key, `null` for an answer not given.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(question, forKey: .question)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
        }
    }
}
