import GraphCore

/// One row of a named query's result, its columns by name.
public struct StoredRow: Sendable, Hashable {
    /// The row's values by column name.
    public let values: [String: StoredValue]

    public init(_ values: [String: StoredValue]) {
        self.values = values
    }

    /// The value of `column`, `null` when the row has no such column.
    public subscript(_ column: String) -> StoredValue { values[column] ?? .null }

    /// The column as text.
    public func text(_ column: String) -> String? { self[column].text }

    /// The column as text, or an empty string when it is null.
    public func string(_ column: String) -> String { self[column].text ?? "" }

    /// The column as an integer.
    public func integer(_ column: String) -> Int64? { self[column].integer }

    /// The column as a real number.
    public func real(_ column: String) -> Double? { self[column].real }

    /// The column as a boolean (non-zero is true), nil when null.
    public func bool(_ column: String) -> Bool? { self[column].integer.map { $0 != 0 } }

    /// The column as a `YYYY-MM-DD` date.
    public func date(_ column: String) -> CalendarDate? { text(column).flatMap(CalendarDate.init) }

    /// The column's JSON text parsed, nil when null or not JSON.
    public func json(_ column: String) -> JSONValue? {
        guard let text = text(column) else { return nil }
        return try? JSONParser.parse(text)
    }
}
