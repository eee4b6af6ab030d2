import GraphCore

extension RiskFramework {
    /// Checks the rules of the definition format that decoding alone cannot.
    ///
    /// - Throws: ``WorkflowError`` whose `field` is the JSON path at fault, such as
    ///   `outcome.level[0].when.any_of`.
    func validate() throws {
        try validateLevels()
        var seen: Set<String> = []
        for (index, field) in fields.enumerated() {
            let path = "fields[\(index)]"
            try Self.check(Self.isCode(field.code), path + ".code", "'\(field.code)' is not a snake_case code")
            try Self.check(seen.insert(field.code).inserted, path + ".code", "field '\(field.code)' is defined twice")
            try validate(field, at: path)
        }
        try Self.check(!outcome.level.isEmpty, "outcome.level", "there are no level rules",
                       hint: "end with a rule without 'when', such as {\"level\": \"...\"}")
        for (index, rule) in outcome.level.enumerated() {
            let path = "outcome.level[\(index)]"
            try validateLevelRule(rule, at: path)
            let isLast = index == outcome.level.count - 1
            // An unconditional rule before the end would hide the rules after it; one missing
            // at the end would leave some assessments without a level.
            try Self.check(isLast || rule.when != nil, path, "the rules after this one can never apply, as it has no 'when'")
            try Self.check(!isLast || rule.when == nil, path + ".when", "the last level rule must have no 'when'",
                           hint: "so that every assessment gets a level")
        }
        for (index, rule) in outcome.immediateAction.enumerated() {
            let path = "outcome.immediate_action[\(index)]"
            try Self.check(rule.level == nil && rule.levelFrom == nil, path,
                           "an immediate-action rule does not give a level", hint: "move it to outcome.level")
            guard let condition = rule.when else {
                throw Self.problem(path + ".when", "an immediate-action rule needs a 'when'")
            }
            try validate(condition, at: path + ".when")
        }
    }

    private func validateLevels() throws {
        let allowed = code.levels
        for (index, level) in levels.enumerated() {
            let path = "levels[\(index)].code"
            try Self.check(allowed.contains(level.code), path,
                           "'\(level.code)' is not a level of framework \(code.rawValue)",
                           hint: "levels: " + allowed.joined(separator: ", "))
            guard let riskLevel = RiskLevel("\(code.rawValue):\(level.code)") else { continue }
            // The map, the flags and the quarterly report read `isAtRisk` from GraphCore; a
            // definition that disagrees would mislead the panel.
            try Self.check(riskLevel.isAtRisk == level.stillAtRisk, "levels[\(index)].still_at_risk",
                           "\(riskLevel) is \(riskLevel.isAtRisk ? "" : "not ")a level at which the child is still at risk",
                           hint: "set still_at_risk to \(riskLevel.isAtRisk)")
        }
        try Self.check(levels.map(\.code) == allowed, "levels",
                       "the levels must be all of \(code.rawValue)'s, once each, from most to least risk",
                       hint: allowed.joined(separator: ", "))
    }

    private func validate(_ field: Field, at path: String) throws {
        if field.type.hasOptions {
            try Self.check(!field.options.isEmpty, path + ".options", "a \(field.type.rawValue) field needs options")
            var seen: Set<String> = []
            for (index, option) in field.options.enumerated() {
                let optionPath = "\(path).options[\(index)].code"
                try Self.check(Self.isCode(option.code), optionPath, "'\(option.code)' is not a snake_case code")
                try Self.check(seen.insert(option.code).inserted, optionPath, "option '\(option.code)' is listed twice")
            }
        } else {
            try Self.check(field.options.isEmpty, path + ".options", "a \(field.type.rawValue) field has no options")
        }
        if field.type == .scale {
            guard let min = field.min, let max = field.max else {
                throw Self.problem(path, "a scale field needs 'min' and 'max'")
            }
            try Self.check(min < max, path + ".max", "max (\(max)) must be above min (\(min))")
        } else {
            let scaleOnly = field.min != nil || field.max != nil || field.minLabel != nil || field.maxLabel != nil
            try Self.check(!scaleOnly, path, "only a scale field has min, max, min_label and max_label")
        }
    }

    private func validateLevelRule(_ rule: Rule, at path: String) throws {
        if let condition = rule.when {
            try validate(condition, at: path + ".when")
        }
        switch (rule.level, rule.levelFrom) {
        case (let level?, nil):
            try Self.check(self.level(level) != nil, path + ".level", "'\(level)' is not a level of this framework",
                           hint: "levels: " + levels.map(\.code).joined(separator: ", "))
        case (nil, let source?):
            try validateLevelSource(source, at: path + ".level_from")
        default:
            throw Self.problem(path, "a level rule needs exactly one of 'level' and 'level_from'")
        }
    }

    private func validateLevelSource(_ code: String, at path: String) throws {
        let field = try existingField(code, at: path)
        // A level taken from an optional answer could be missing, leaving no level at all.
        try Self.check(field.required, path, "field '\(code)' gives the level, so it must be required")
        let values: [String]
        switch field.type {
        case .scale: values = ((field.min ?? 0)...(field.max ?? 0)).map(String.init)
        case .choice: values = field.options.map(\.code)
        default:
            throw Self.problem(path, "field '\(code)' is a \(field.type.rawValue) field; the level comes from a scale or choice")
        }
        for value in values {
            try Self.check(level(value) != nil, path, "field '\(code)' allows '\(value)', which is not a level of this framework",
                           hint: "levels: " + levels.map(\.code).joined(separator: ", "))
        }
    }

    private func validate(_ condition: Rule.Condition, at path: String) throws {
        let tests = [condition.in != nil, condition.is != nil, condition.atMost != nil || condition.atLeast != nil]
        switch (condition.anyOf, condition.field) {
        case (let code?, nil):
            try Self.check(!tests.contains(true), path, "'any_of' takes no 'in', 'is', 'at_most' or 'at_least'")
            let field = try existingField(code, at: path + ".any_of")
            try Self.check(field.type.isMultiple, path + ".any_of",
                           "field '\(code)' is a \(field.type.rawValue) field; 'any_of' needs a checklist or regions field")
        case (nil, let code?):
            try Self.check(tests.filter { $0 }.count == 1, path, "'field' needs exactly one of 'in', 'is', or 'at_most' / 'at_least'")
            let field = try existingField(code, at: path + ".field")
            try validateTest(condition, on: field, at: path)
        default:
            throw Self.problem(path, "a condition needs exactly one of 'any_of' and 'field'")
        }
    }

    private func validateTest(_ condition: Rule.Condition, on field: Field, at path: String) throws {
        let kind = field.type.rawValue
        if let options = condition.in {
            try Self.check(field.type == .choice, path + ".in", "'in' needs a choice field; '\(field.code)' is a \(kind) field")
            try Self.check(!options.isEmpty, path + ".in", "'in' lists no options")
            for option in options {
                try Self.check(field.option(option) != nil, path + ".in", "'\(option)' is not an option of '\(field.code)'",
                               hint: field.allowedAnswers)
            }
        } else if condition.is != nil {
            try Self.check(field.type == .boolean, path + ".is", "'is' needs a boolean field; '\(field.code)' is a \(kind) field")
        } else {
            try Self.check(field.type == .scale, path, "'at_most' and 'at_least' need a scale field; '\(field.code)' is a \(kind) field")
            let range = (field.min ?? 0)...(field.max ?? 0)
            for bound in [condition.atMost, condition.atLeast].compactMap({ $0 }) {
                try Self.check(range.contains(bound), path, "\(bound) is outside \(range.lowerBound)–\(range.upperBound)")
            }
        }
    }

    private func existingField(_ code: String, at path: String) throws -> Field {
        guard let field = field(code) else {
            throw Self.problem(path, "there is no field '\(code)'", hint: "fields: " + fields.map(\.code).joined(separator: ", "))
        }
        return field
    }

    // MARK: - Helpers

    /// Whether the text is a stable snake_case code: lower-case letters, digits and `_`,
    /// starting with a letter or digit.
    static func isCode(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "_" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private static func check(_ condition: Bool, _ path: String, _ message: @autoclosure () -> String,
                              hint: @autoclosure () -> String? = nil) throws {
        guard condition else { throw problem(path, message(), hint: hint()) }
    }

    private static func problem(_ path: String, _ message: String, hint: String? = nil) -> WorkflowError {
        WorkflowError(operation: loadOperation, message: message, field: path, hint: hint)
    }
}
