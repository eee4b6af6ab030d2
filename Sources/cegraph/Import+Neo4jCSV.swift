import GraphCore
import GraphStore

extension CEGraph.Import {
    /// The conversion counts printed under the import summary of `--format neo4j-csv`.
    static func text(_ conversion: Neo4jCSVSummary) -> String {
        func counts<K: RawRepresentable<String>>(_ counts: [K: Int]) -> String {
            counts.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", ")
        }
        var text = "  converted \(conversion.files.count) Neo4j CSV files into \(conversion.records) records: "
            + "entities \(counts(conversion.entities)); links \(counts(conversion.links)); "
            + "\(conversion.phoneFallbacks) phone numbers outside cegraph's rules kept under +999\n"
        for file in conversion.files {
            text += "  \(file.name): \(file.rows) rows, \(file.mapped) mapped, \(file.dropped) dropped; \(file.note)\n"
            for (reason, count) in file.reasons.sorted(by: { $0.key < $1.key }) {
                text += "    dropped \(count): \(reason)\n"
            }
        }
        return text
    }

    /// The conversion counts as the `conversion` member of `--json` output.
    static func json(_ conversion: Neo4jCSVSummary) -> JSONValue {
        func number(_ value: Int) -> JSONValue { .number(String(value)) }
        func counts<K: RawRepresentable<String>>(_ counts: [K: Int]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, number($0.value)) }))
        }
        return .object([
            "records": number(conversion.records), "entities": counts(conversion.entities),
            "links": counts(conversion.links), "phone_fallbacks": number(conversion.phoneFallbacks),
            "files": .array(conversion.files.map { file in
                .object(["file": .string(file.name), "note": .string(file.note), "rows": number(file.rows),
                         "mapped": number(file.mapped), "dropped": number(file.dropped),
                         "reasons": .object(file.reasons.mapValues(number))])
            }),
        ])
    }
}
