import GraphCore

extension RiskFramework {
    /// Checks an assessment's answers and applies the framework's outcome rules.
    ///
    /// The level comes from the first level rule that applies; immediate action from that
    /// rule or from any immediate-action rule that applies. Each rule that applied is given
    /// as a reason, with the answers that made it apply.
    ///
    /// - Parameter answers: The answers by field code: numbers for `scale`, an option code
    ///   for `choice`, a list of option codes for `checklist` and `regions`, text for `text`,
    ///   `YYYY-MM-DD` for `date`, `true` or `false` for `boolean`. `null` means not answered.
    /// - Returns: The risk level, whether it means immediate action, and why.
    /// - Throws: ``WorkflowError`` (operation `assess`) for an unknown field, a wrong type,
    ///   an option not in the list, a scale value out of range or a missing required
    ///   answer, naming the field and what it allows.
    public func evaluate(answers: [String: JSONValue]) throws -> AssessmentOutcome {
        let answers = try checkedAnswers(answers)
        var reasons: [AssessmentOutcome.Reason] = []
        var immediateAction = false
        var result: RiskLevel?
        for (index, rule) in outcome.level.enumerated() {
            guard var shown = applies(rule.when, to: answers) else { continue }
            var levelCode = rule.level
            if let source = rule.levelFrom, let field = field(source), let answer = answers[source] {
                levelCode = Self.levelCode(of: answer)
                shown.append(phrase(answer, of: field))
            }
            guard let levelCode, let level = RiskLevel("\(code.rawValue):\(levelCode)") else {
                // Validation on load makes this unreachable; say so rather than guess a level.
                throw WorkflowError(operation: Self.assessOperation, message: "rule outcome.level[\(index)] gives no level of \(code.rawValue)",
                                    kind: .internal)
            }
            let label = self.level(levelCode)?.label ?? levelCode
            immediateAction = rule.immediateAction
            reasons.append(AssessmentOutcome.Reason(
                rule: "outcome.level[\(index)]",
                conclusion: "Level \(level) (\(label))" + (rule.immediateAction ? ", immediate action" : ""),
                explanation: rule.reason, answers: shown
            ))
            result = level
            break
        }
        for (index, rule) in outcome.immediateAction.enumerated() {
            guard let shown = applies(rule.when, to: answers) else { continue }
            immediateAction = true
            reasons.append(AssessmentOutcome.Reason(
                rule: "outcome.immediate_action[\(index)]", conclusion: "Immediate action",
                explanation: rule.reason, answers: shown
            ))
        }
        guard let result else {
            throw WorkflowError(operation: Self.assessOperation, message: "no level rule applied in framework \(code.rawValue)",
                                kind: .internal)
        }
        return AssessmentOutcome(level: result, immediateAction: immediateAction, reasons: reasons)
    }

    /// Whether the condition holds, and if so the answers that make it hold; `nil` when it
    /// does not. A missing condition always holds, on no answers.
    private func applies(_ condition: Rule.Condition?, to answers: [String: Answer]) -> [String]? {
        guard let condition else { return [] }
        guard let code = condition.fieldCode, let field = field(code), let answer = answers[code] else { return nil }
        let holds: Bool
        switch answer {
        case .options(let codes):
            holds = condition.anyOf != nil && !codes.isEmpty
        case .option(let option):
            holds = condition.in?.contains(option) ?? false
        case .flag(let flag):
            holds = condition.is == flag
        case .number(let number):
            holds = number <= (condition.atMost ?? .max) && number >= (condition.atLeast ?? .min)
        case .text, .date:
            holds = false
        }
        return holds ? [phrase(answer, of: field)] : nil
    }

    private static func levelCode(of answer: Answer) -> String? {
        switch answer {
        case .number(let number): return String(number)
        case .option(let code): return code
        default: return nil
        }
    }
}
