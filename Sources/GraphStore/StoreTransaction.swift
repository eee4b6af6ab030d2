import Crypto
import Foundation
import GRDB
import GraphCore

/// One transaction on the store, handed to the workflow and the server: named SQL, graph
/// records applied as an import would apply them, the audit log and the data version.
///
/// Everything done through one transaction commits together or not at all, the audit row
/// included. The SQL lives in `queries/workflow/*.sql`, one file per concern, each holding
/// statements under `-- name: NAME` headings; callers name a statement as `file.name`.
public struct StoreTransaction {
    let db: Database
    /// The time the transaction began, ISO 8601 UTC, for `created_at` columns.
    public let now: String
    /// Seals the audit rows written in the transaction.
    let sealer: AuditSealer

    init(_ db: Database, now: String, sealer: AuditSealer) {
        self.db = db
        self.now = now
        self.sealer = sealer
    }

    /// Runs the named statement.
    ///
    /// - Parameters:
    ///   - name: `file.statement`, e.g. `referral.insert` for `queries/workflow/referral.sql`.
    ///   - arguments: values for the statement's `:name` parameters.
    /// - Returns: the rowid of the last row inserted (meaningful after an INSERT).
    /// - Throws: ``StoreError`` when the statement fails, e.g. on a broken constraint.
    @discardableResult
    public func execute(_ name: String, _ arguments: [String: StoredValue] = [:]) throws -> Int64 {
        try run(name) {
            let sql = try NamedQuery.workflow(name)
            try db.execute(sql: sql, arguments: try bind(arguments, for: sql, name: name))
            return db.lastInsertedRowID
        }
    }

    /// The rows the named query returns.
    ///
    /// - Throws: ``StoreError`` when the query fails.
    public func rows(_ name: String, _ arguments: [String: StoredValue] = [:]) throws -> [StoredRow] {
        try run(name) {
            let sql = try NamedQuery.workflow(name)
            return try Row.fetchAll(db, sql: sql, arguments: try bind(arguments, for: sql, name: name)).map(StoreTransaction.storedRow)
        }
    }

    /// The first row the named query returns, if any.
    public func row(_ name: String, _ arguments: [String: StoredValue] = [:]) throws -> StoredRow? {
        try rows(name, arguments).first
    }

    /// Applies graph records (entities, intelligence, links) exactly as an import of the
    /// same JSON Lines would: normalisation, merging by key, link rules and provenance.
    ///
    /// - Parameters:
    ///   - records: the records in the data contract's form (FORMAT.md §1).
    ///   - source: a name for error messages, e.g. `assessment A-12`.
    /// - Returns: the ids the records touched.
    /// - Throws: ``StoreError`` naming the record (as a line of `source`) and field.
    @discardableResult
    public func apply(_ records: [[String: JSONValue]], source: String) throws -> [String] {
        do {
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let session = try ImportSession(db, now: now)
            for (index, object) in records.enumerated() {
                let location = SourceLocation(file: source, line: index + 1)
                try session.apply(try RecordDecoder.decode(object, at: location), at: location)
            }
            try session.finish()
            try Store.bumpDataVersion(db)
            return session.touched
        } catch let error as StoreError {
            throw error
        } catch let error as InputError {
            throw StoreError("import", error)
        } catch {
            throw StoreError("import", wrapping: error, lead: source)
        }
    }

    /// The database id of the entity `ref` names (its own id or one merged into it).
    public func entityRowid(for ref: String) throws -> Int64? {
        try run("resolve_entity") {
            try Int64.fetchOne(db, sql: NamedQuery.sql("resolve_entity"), arguments: [ref])
        }
    }

    /// Appends an audit row in this transaction.
    ///
    /// - Parameters:
    ///   - operation: the kind of processing (s.62).
    ///   - viewer: who acted and why.
    ///   - records: what was touched.
    ///   - recipients: to whom anything was disclosed.
    public func audit(_ operation: AuditLog.Operation, by viewer: Viewer, records: JSONValue,
                      recipients: [String] = []) throws {
        try run("audit") { try AuditLog.append(db, sealer, operation, by: viewer, records: records, recipients: recipients) }
    }

    /// Marks the graph as changed, so that query snapshots are rebuilt. Call it after any
    /// write that the query engine can see.
    public func bumpDataVersion() throws {
        try run("data_version") { try Store.bumpDataVersion(db) }
    }

    /// The current data version.
    public func dataVersion() throws -> Int64 {
        try run("data_version") { try Int64.fetchOne(db, sql: "SELECT version FROM data_version WHERE id = 1") ?? 0 }
    }

    private func run<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("workflow", wrapping: error, statement: name)
        }
    }

    /// The arguments the statement names, with `:now` supplied when the caller did not.
    /// Every other parameter must be given (`.null` for none): a missing one would bind
    /// NULL silently and hide a caller's mistake.
    ///
    /// - Throws: ``StoreError`` naming the statement and the missing parameter.
    func bind(_ arguments: [String: StoredValue], for sql: String, name statement: String) throws -> StatementArguments {
        var values: [String: (any DatabaseValueConvertible)?] = [:]
        let names = Set(StoreTransaction.parameterNames(in: sql))
        var given = arguments
        if given["now"] == nil { given["now"] = .text(now) }
        if let missing = names.sorted().first(where: { given[$0] == nil }) {
            throw StoreError("workflow", "a statement was run without one of its values", kind: .internal,
                             hint: "this is a bug in cegraph", detail: "\(statement) needs :\(missing)")
        }
        for (name, value) in given where names.contains(name) {
            switch value {
            case .null: values[name] = DatabaseValue.null
            case .integer(let number): values[name] = number
            case .real(let number): values[name] = number
            case .text(let text): values[name] = text
            }
        }
        return StatementArguments(values)
    }

    /// The `:name` parameters of a statement.
    static func parameterNames(in sql: String) -> [String] {
        var names: [String] = []
        var index = sql.startIndex
        while let colon = sql[index...].firstIndex(of: ":") {
            var end = sql.index(after: colon)
            guard end < sql.endIndex, sql[end].isLetter else {
                index = end
                continue
            }
            while end < sql.endIndex, sql[end].isLetter || sql[end].isNumber || sql[end] == "_" { end = sql.index(after: end) }
            if end > sql.index(after: colon) { names.append(String(sql[sql.index(after: colon)..<end])) }
            index = end
        }
        return names
    }

    static func storedRow(_ row: Row) -> StoredRow {
        var values: [String: StoredValue] = [:]
        for (column, value) in row {
            switch value.storage {
            case .null: values[column] = .null
            case .int64(let number): values[column] = .integer(number)
            case .double(let number): values[column] = .real(number)
            case .string(let text): values[column] = .text(text)
            case .blob(let data): values[column] = .text(String(decoding: data, as: UTF8.self))
            }
        }
        return StoredRow(values)
    }
}

extension Store {
    /// The SHA-256 of `text`, as 64 hex digits: how session and API tokens are kept, so
    /// that the database never holds one that could be used.
    public static func digest(_ text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// Runs `body` in one write transaction: everything it does commits together, or, if it
    /// throws, nothing does.
    ///
    /// - Throws: what `body` throws, or ``StoreError`` when the database cannot be written.
    @discardableResult
    public func transaction<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        let now = Date().utcStamp
        do {
            return try writer.write { db in try body(StoreTransaction(db, now: now, sealer: auditSealer)) }
        } catch let error as DatabaseError {
            throw StoreError("workflow", wrapping: error, lead: "the database could not be written")
        }
    }

    /// Runs `body` in one read transaction (a consistent view; writes are refused).
    ///
    /// - Throws: what `body` throws, or ``StoreError`` when the database cannot be read.
    public func reading<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        let now = Date().utcStamp
        do {
            return try writer.read { db in try body(StoreTransaction(db, now: now, sealer: auditSealer)) }
        } catch let error as DatabaseError {
            throw StoreError("workflow", wrapping: error, lead: "the database could not be read")
        }
    }
}
