import GraphCore
import GraphStore

/// Stored rows as JSON, for the command line and the web service: the reads that have no
/// typed record yet (referrals, alerts, flags, MARTHR meetings and the
/// disruption register). Cases and panels are typed (``CaseDetail``, ``PanelDetail``).
enum WorkflowJSON {
    /// A row's columns as a JSON object; `is_*` and `*_risk` flag columns stay numbers.
    static func object(_ row: StoredRow, dropping: Set<String> = []) -> [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        for (column, value) in row.values where !dropping.contains(column) {
            object[column] = json(value, column: column)
        }
        return object
    }

    /// A row as a JSON object (``object(_:dropping:)``).
    static func record(_ row: StoredRow) -> JSONValue {
        .object(object(row))
    }

    static func array(_ rows: [StoredRow], dropping: Set<String> = []) -> JSONValue {
        .array(rows.map { .object(object($0, dropping: dropping)) })
    }

    static func json(_ value: StoredValue, column: String) -> JSONValue {
        switch value {
        case .null: return .null
        case .integer(let number): return .number(String(number))
        case .real(let number): return .number(String(number))
        case .text(let text):
            // JSON columns come back parsed.
            if let first = text.first, first == "[" || first == "{", let parsed = try? JSONParser.parse(text) { return parsed }
            return .string(text)
        }
    }
}
