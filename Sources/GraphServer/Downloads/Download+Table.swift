import Foundation
import GraphCore

extension Download {
    /// A list as CSV: a column per key of its records, in `columns`' order, through
    /// ``CSVText``. The records are the very JSON the API answers the list with, so the CSV
    /// holds what the page shows and nothing else.
    ///
    /// - Parameters:
    ///   - rows: the list's records (JSON objects).
    ///   - columns: the keys to write, in order; a key a record lacks is an empty field.
    ///   - ids: the keys whose values name records, for the audit row.
    /// - Returns: the file, and the records it names.
    static func table(_ what: String, _ rows: [JSONValue], columns: [String], ids: [String], name: String) -> (Download, [String]) {
        let objects = rows.compactMap(\.objectValue)
        let text = CSVText.table(header: columns, rows: objects.map { object in columns.map { cell(object[$0]) } })
        var named: [String] = []
        var seen = Set<String>()
        for object in objects {
            for key in ids {
                if let id = object[key]?.stringValue, seen.insert(id).inserted { named.append(id) }
            }
        }
        return (csv(what, text, name: name), named)
    }

    /// A value as one CSV field: text and numbers as they are, yes or no, a list joined by
    /// `; ` (a report as its id and grading), anything else as JSON.
    static func cell(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return ""
        case .string(let text)?: return text
        case .number(let text)?: return text
        case .bool(let flag)?: return flag ? "yes" : "no"
        case .array(let items)?: return items.map(item).joined(separator: "; ")
        case let other?: return other.jsonText
        }
    }

    /// One item of a list: a record by its id (and grading, for a report).
    private static func item(_ value: JSONValue) -> String {
        guard let object = value.objectValue, let id = object["id"]?.stringValue else { return cell(value) }
        return object["grading"]?.stringValue.map { "\(id) (\($0))" } ?? id
    }
}
