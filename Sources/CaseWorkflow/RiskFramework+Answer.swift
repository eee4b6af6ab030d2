import GraphCore

extension RiskFramework {
    /// One answer after it has been checked against its field.
    enum Answer: Sendable, Equatable {
        case number(Int)
        case option(String)
        case options([String])
        case text(String)
        case date(CalendarDate)
        case flag(Bool)
    }

    /// The operation named in errors about answers.
    static let assessOperation = "assess"

    /// Checks every answer against its field and returns them typed.
    ///
    /// A JSON `null` counts as not answered, since forms send `null` for an empty input.
    /// The first problem found is thrown, unknown fields first and then in form order, so
    /// that the same answers always give the same error.
    ///
    /// - Parameter answers: The answers by field code.
    /// - Returns: The answers given, by field code, typed.
    /// - Throws: ``WorkflowError`` naming the field and what it allows.
    func checkedAnswers(_ answers: [String: JSONValue]) throws -> [String: Answer] {
        for code in answers.keys.sorted() where field(code) == nil {
            throw WorkflowError(operation: Self.assessOperation, message: "there is no such field in framework \(self.code.rawValue)",
                                field: code, hint: "fields: " + fields.map(\.code).joined(separator: ", "))
        }
        var checked: [String: Answer] = [:]
        for field in fields {
            guard let value = answers[field.code], value != .null else {
                if field.required {
                    throw Self.wrong(field, "is required but has no answer")
                }
                continue
            }
            checked[field.code] = try answer(value, for: field)
        }
        return checked
    }

    private func answer(_ value: JSONValue, for field: Field) throws -> Answer {
        switch (field.type, value) {
        case (.scale, .number(let text)):
            guard let number = Int(text) else { throw Self.wrong(field, "\(Excerpt.bare(text)) is not a whole number") }
            let low = field.min ?? 0, high = field.max ?? 0
            guard (low...high).contains(number) else { throw Self.wrong(field, "\(number) is outside \(low)–\(high)") }
            return .number(number)
        case (.choice, .string(let code)):
            return .option(try option(code, of: field))
        case (.checklist, .array(let items)), (.regions, .array(let items)):
            var codes: [String] = []
            for item in items {
                guard let code = item.stringValue else {
                    throw Self.wrong(field, "the list holds \(item.typeName), not an option code")
                }
                guard !codes.contains(code) else { throw Self.wrong(field, "\(Excerpt(code, quote: "'")) is listed twice") }
                codes.append(try option(code, of: field))
            }
            return .options(codes)
        case (.text, .string(let text)):
            guard !field.required || !text.allSatisfy(\.isWhitespace) else {
                throw Self.wrong(field, "is required but the text is empty")
            }
            return .text(text)
        case (.date, .string(let text)):
            guard let date = CalendarDate(text) else { throw Self.wrong(field, "\(Excerpt(text, quote: "'")) is not a date") }
            return .date(date)
        case (.boolean, .bool(let flag)):
            return .flag(flag)
        default:
            throw Self.wrong(field, "expected \(field.allowedAnswers), got \(value.typeName)")
        }
    }

    private func option(_ code: String, of field: Field) throws -> String {
        guard field.option(code) != nil else { throw Self.wrong(field, "\(Excerpt(code, quote: "'")) is not one of its options") }
        return code
    }

    private static func wrong(_ field: Field, _ message: String) -> WorkflowError {
        WorkflowError(operation: assessOperation, message: message, field: field.code, hint: field.allowedAnswers)
    }

    /// The answer as a panel reads it: `question: answer`, with option labels for codes.
    func phrase(_ answer: Answer, of field: Field) -> String {
        let text: String
        switch answer {
        case .number(let number): text = String(number)
        case .option(let code): text = field.option(code)?.label ?? code
        case .options(let codes): text = codes.map { field.option($0)?.label ?? $0 }.joined(separator: "; ")
        case .text(let value): text = value
        case .date(let date): text = date.description
        case .flag(let flag): text = flag ? "yes" : "no"
        }
        return field.label.hasSuffix("?") ? "\(field.label) \(text)" : "\(field.label): \(text)"
    }
}
