import GraphCore

/// What an assessment's answers give under its framework: the risk level, whether the
/// child's safeguarding must start now, and why.
///
/// The reasons are written for a panel: each names the rule that applied and the answers
/// that made it apply, so that a chair can see how the level was reached and challenge it.
public struct AssessmentOutcome: Sendable, Equatable {
    /// The risk level, in GraphCore's `framework:level` form.
    public let level: RiskLevel
    /// Whether the answers mean immediate action: safeguarding starts now, through the
    /// front door / MASH, and never waits for a panel.
    public let immediateAction: Bool
    /// Why: the level rule that gave the level first, then each rule that means immediate
    /// action.
    public let reasons: [Reason]

    /// Makes an outcome.
    ///
    /// - Parameters:
    ///   - level: The risk level.
    ///   - immediateAction: Whether the answers mean immediate action.
    ///   - reasons: The rules that applied and the answers that made them apply.
    public init(level: RiskLevel, immediateAction: Bool, reasons: [Reason]) {
        self.level = level
        self.immediateAction = immediateAction
        self.reasons = reasons
    }

    /// One rule that applied, and the answers that made it apply.
    public struct Reason: Sendable, Equatable, CustomStringConvertible {
        /// The rule's place in the definition, such as `outcome.level[0]`.
        public let rule: String
        /// What the rule concluded, such as `Level llr:high (High risk)` or
        /// `Immediate action`.
        public let conclusion: String
        /// Why the rule exists, from the definition.
        public let explanation: String
        /// The answers that made it apply, each as `question: answer`; empty for a rule
        /// that always applies.
        public let answers: [String]

        /// Makes a reason.
        ///
        /// - Parameters:
        ///   - rule: The rule's JSON path in the definition.
        ///   - conclusion: What the rule concluded.
        ///   - explanation: Why the rule exists.
        ///   - answers: The answers that made it apply.
        public init(rule: String, conclusion: String, explanation: String, answers: [String]) {
            self.rule = rule
            self.conclusion = conclusion
            self.explanation = explanation
            self.answers = answers
        }

        /// The reason as one sentence group: conclusion, explanation, then the answers.
        public var description: String {
            var text = "\(conclusion): \(explanation)"
            if !answers.isEmpty { text += " Answers: " + answers.joined(separator: "; ") + "." }
            return text
        }
    }
}

extension AssessmentOutcome {
    /// The outcome as stored with the assessment and shown on the case page.
    public var json: JSONValue {
        .object([
            "risk": .string(level.description),
            "immediate_action": .bool(immediateAction),
            "reasons": .array(reasons.map { .object([
                "rule": .string($0.rule), "conclusion": .string($0.conclusion),
                "explanation": .string($0.explanation), "answers": .array($0.answers.map { .string($0) }),
            ]) }),
        ])
    }
}
