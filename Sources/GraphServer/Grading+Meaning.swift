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
