import CaseWorkflow
import GraphCore

extension [LanguageWarning] {
    /// The warnings as the API gives them: where each is, what matched, why, and what to
    /// write instead.
    var json: JSONValue {
        .array(map { warning in
            .object(["line": .number(String(warning.line)), "column": .number(String(warning.column)), "matched": .string(warning.matched),
                     "phrase": .string(warning.phrase), "reason": .string(warning.reason),
                     "suggestions": .array(warning.suggestions.map { .string($0) })])
        })
    }
}
