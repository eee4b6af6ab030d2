import GraphCore

/// Turns what a user types into an FTS5 query, normalising it as the data is normalised:
/// `ab12 cde` looks for the VRM `AB12CDE`, `07700 900123` for `+447700900123`, `@Night_Owl`
/// for the handle `night_owl`; each word may be the start of a name or alias.
struct SearchQuery {
    /// The FTS5 MATCH expression, or `nil` when the text has nothing to search for.
    let expression: String?

    init(_ text: String) {
        var alternatives: [String] = []
        let words = SearchQuery.words(text)
        if !words.isEmpty {
            alternatives.append(words.map { SearchQuery.prefix($0) }.joined(separator: " AND "))
        }
        var forms: [String] = []
        if let vrm = Normalise.vrm(text) { forms.append(vrm) }
        if let phone = Normalise.phone(text) { forms.append(contentsOf: Normalise.phoneSearchForms(phone)) }
        if let postcode = Normalise.postcode(text) { forms.append(Normalise.compact(postcode)) }
        if let handle = Normalise.handle(text) {
            let parts = SearchQuery.words(handle)
            if parts.count > 1 { alternatives.append("\"" + parts.joined(separator: " ") + "\"") }
        }
        let compact = Normalise.compact(text).filter { $0.isLetter || $0.isNumber }
        if compact.count >= 2 { forms.append(compact) }
        for form in Set(forms).sorted() { alternatives.append(SearchQuery.prefix(form)) }
        expression = alternatives.isEmpty ? nil : alternatives.map { "(\($0))" }.joined(separator: " OR ")
    }

    /// Runs of letters and digits, lower-cased: the tokens FTS5's unicode61 tokenizer makes.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    private static func prefix(_ token: String) -> String {
        "\"" + token.lowercased().replacing("\"", with: "\"\"") + "\"*"
    }
}
