import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API.
///
/// Imports run the same few statements millions of times; GRDB's `StatementArguments`
/// costs several times SQLite's own work per row at that rate (RECIPES.md: 80–90k rows/s
/// through GRDB against 222k raw), so the hot statements bind directly. GRDB still
/// prepares, owns and finalises the statement.
struct FastStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// A value to bind.
    enum Value {
        case integer(Int64)
        case text(String?)
    }

    func bind(_ index: Int32, _ value: Value) {
        switch value {
        case .integer(let integer): bind(index, integer)
        case .text(let text): bind(index, text)
        }
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        var copy = value
        copy.withUTF8 { buffer in
            _ = buffer.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), FastStatement.transient)
            }
        }
    }

    /// Binds UTF-8 bytes that stay valid and unchanged until the statement has run.
    func bindStatic(_ index: Int32, _ bytes: UnsafePointer<UInt8>?, count: Int) {
        // SQLite takes NULL as the SQL NULL, so an empty string needs a real pointer.
        let empty: StaticString = ""
        let start = bytes ?? empty.utf8Start
        start.withMemoryRebound(to: CChar.self, capacity: max(count, 1)) { chars in
            _ = sqlite3_bind_text(handle, index, chars, Int32(count), nil)
        }
    }

    /// Runs the statement and returns the first column of its first row, if any.
    ///
    /// - Throws: ``StoreError`` with SQLite's message (a failed `CHECK`, a trigger's
    ///   `RAISE`), which the caller places at the input's line.
    @discardableResult
    func run() throws(StoreError) -> Int64? {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var result: Int64?
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_ROW {
                if result == nil { result = sqlite3_column_int64(handle, 0) }
                continue
            }
            if code == SQLITE_DONE { return result }
            throw StoreError.database("import", connection: connection, lead: "the database refused the record")
        }
    }

    /// Runs a query and returns its first row's columns as text (nil for NULL), if any.
    func firstRow(columns: Int32) throws(StoreError) -> [String?]? {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else {
            throw StoreError.database("import", connection: connection, lead: "the database could not be read")
        }
        return (0..<columns).map { column in
            guard let text = sqlite3_column_text(handle, column) else { return nil }
            return String(cString: text)
        }
    }
}
