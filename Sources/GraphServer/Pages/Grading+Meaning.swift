import GraphCore

/// What each part of the 3x5x2 grading means, in the words the entry form and the report
/// page show beside the code (College of Policing APP, intelligence management).
extension Grading.SourceEvaluation {
    var meaning: String {
        switch self {
        case .reliable: "reliable"
        case .untested: "untested"
        case .notReliable: "not reliable"
        }
    }
}

extension Grading.Assessment {
    var meaning: String {
        switch self {
        case .a: "known directly to the source"
        case .b: "known indirectly to the source, corroborated"
        case .c: "known indirectly to the source"
        case .d: "not known"
        case .e: "suspected to be false"
        }
    }
}

extension Grading.HandlingCode {
    var meaning: String {
        switch self {
        case .p: "lawful sharing permitted"
        case .c: "lawful sharing permitted with conditions"
        }
    }
}

extension Grading {
    /// The grading's three `<select>`s as a form shows them (the `grading-choice` partial),
    /// each code with its meaning, the given ones selected (P when no handling code is).
    static func choices(source: String?, assessment: String?, handling: String?) -> [String: Any] {
        let source = source.flatMap(SourceEvaluation.init(rawValue:))
        let assessment = assessment.flatMap(Assessment.init(rawValue:))
        let handling = handling.flatMap(HandlingCode.init(rawValue:)) ?? .p
        return [
            "sourceOptions": SourceEvaluation.allCases.map { option -> [String: Any] in
                ["value": option.rawValue, "label": "\(option.rawValue) · \(option.meaning)", "selected": option == source]
            },
            "assessmentOptions": Assessment.allCases.map { option -> [String: Any] in
                ["value": option.rawValue, "label": "\(option.rawValue) · \(option.meaning)", "selected": option == assessment]
            },
            "handlingOptions": HandlingCode.allCases.map { option -> [String: Any] in
                ["value": option.rawValue, "label": "\(option.rawValue) · \(option.meaning)", "selected": option == handling]
            },
            "conditionsHidden": handling != .c,
        ]
    }
}
