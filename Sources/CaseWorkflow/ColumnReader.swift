import Foundation
import GraphCore
import GraphStore

/// Reads a typed record's fields from a stored row, column by name, strictly.
///
/// A column the named statement no longer returns (renamed or dropped in `queries/`), a
/// null where the record needs a value, or a value of another type throws an internal
/// ``WorkflowError``. So a rule of need-to-know that reads a typed field (a child's ref, a
/// case's, the day a panel was held) never meets a column silently missing: the read fails,
/// and nothing is shown.
struct ColumnReader {
    let row: StoredRow
    /// What the row is, for the error: `case`, `panel action`.
    let record: String

    init(_ row: StoredRow, _ record: String) {
        self.row = row
        self.record = record
    }

    /// A text column that holds a value.
    func text(_ column: String) throws -> String {
        guard let text = try optionalText(column) else { throw fault(column, "is null") }
        return text
    }

    /// A text column that may be null.
    func optionalText(_ column: String) throws -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let text): return text
        default: throw fault(column, "is not text")
        }
    }

    /// An integer column that holds a value.
    func integer(_ column: String) throws -> Int64 {
        guard case .integer(let number) = try value(column) else { throw fault(column, "is not an integer") }
        return number
    }

    /// A yes-or-no column (0 or 1) that holds a value.
    func flag(_ column: String) throws -> Bool {
        guard let flag = try optionalFlag(column) else { throw fault(column, "is null") }
        return flag
    }

    /// A yes-or-no column (0 or 1) that may be null.
    func optionalFlag(_ column: String) throws -> Bool? {
        switch try value(column) {
        case .null: return nil
        case .integer(let number): return number != 0
        default: throw fault(column, "is not 0 or 1")
        }
    }

    /// A JSON column decoded as `type`: `[String]` for a list of names, ``JSONValue`` for a
    /// document kept as it was stored.
    func json<T: Decodable>(_ column: String, as type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(try text(column).utf8))
        } catch let error as WorkflowError {
            throw error
        } catch {
            throw fault(column, "is not the JSON expected (\(error))")
        }
    }

    private func value(_ column: String) throws -> StoredValue {
        guard let value = row.values[column] else { throw fault(column, "is missing") }
        return value
    }

    private func fault(_ column: String, _ problem: String) -> WorkflowError {
        WorkflowError(operation: "read", message: "the stored \(record)'s column \(column) \(problem)", field: column, kind: .internal)
    }
}
