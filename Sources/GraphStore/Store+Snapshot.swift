import GRDB
import GRDBSQLite
import GraphCore

/// One row of a named query, read through SQLite's C API without building GRDB rows.
///
/// The query engine loads millions of rows into its snapshot; reading columns in place
/// (text as bytes, dates as integers) keeps that to a few seconds.
public struct SnapshotRow {
    fileprivate let handle: OpaquePointer

    /// Whether column `index` is NULL.
    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// Column `index` as an integer (0 for NULL).
    public func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// Column `index` as an integer, or nil for NULL.
    public func optionalInt64(_ index: Int32) -> Int64? {
        isNull(index) ? nil : int64(index)
    }

    /// Column `index` as text, or nil for NULL.
    public func text(_ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: pointer)
    }

    /// Calls `body` with column `index`'s UTF-8 bytes (empty for NULL), valid only inside it.
    public func withBytes<Result>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let pointer = sqlite3_column_text(handle, index) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, index))))
    }
}

/// Reads named queries inside one read transaction, so every table is seen at the same
/// data version.
public struct SnapshotReader {
    fileprivate let db: Database

    /// The data version this transaction sees.
    public func version() throws -> Int64 {
        try Int64.fetchOne(db, sql: NamedQuery.sql("snapshot_version")) ?? 0
    }

    /// The last row of the store's change log this transaction sees (schema 0016).
    public func changeSeq() throws -> Int64 {
        try Int64.fetchOne(db, sql: NamedQuery.sql("snapshot_change_seq")) ?? 0
    }

    /// Runs `queries/<name>.sql` and calls `body` for every row.
    ///
    /// - Throws: ``StoreError`` when the query fails, or what `body` throws.
    public func scan(_ name: String, _ body: (SnapshotRow) throws -> Void) throws {
        try scan(name, arguments: StatementArguments(), body)
    }

    /// Runs `queries/<name>.sql` with `:ids` bound to a JSON array of database ids (the
    /// rows a delta re-reads, issue 22) and calls `body` for every row.
    public func scan(_ name: String, ids: [Int64], _ body: (SnapshotRow) throws -> Void) throws {
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        try scan(name, arguments: ["ids": list], body)
    }

    /// Runs `queries/<name>.sql` with named integer arguments and calls `body` for every row.
    public func scan(_ name: String, integers: [String: Int64], _ body: (SnapshotRow) throws -> Void) throws {
        try scan(name, arguments: StatementArguments(integers.mapValues { $0 as (any DatabaseValueConvertible)? }), body)
    }

    private func scan(_ name: String, arguments: StatementArguments, _ body: (SnapshotRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: NamedQuery.sql(name))
        if !arguments.isEmpty { try statement.setArguments(arguments) }
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw StoreError.database("query", connection: db.sqliteConnection, lead: "the database could not be read")
            }
            try body(SnapshotRow(handle: handle))
        }
    }
}

extension Store {
    /// Runs `body` inside one read transaction with a reader of named queries.
    ///
    /// - Throws: ``StoreError`` when the database cannot be read.
    public func readSnapshot<Result>(_ body: (SnapshotReader) throws -> Result) throws -> Result {
        do {
            return try writer.read { db in
                // Reading the whole file through memory maps saves copying it through read(2).
                try db.execute(sql: "PRAGMA mmap_size = \(Store.snapshotMapBytes)")
                return try body(SnapshotReader(db: db))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("query", wrapping: error, lead: "the database could not be read")
        }
    }

    /// How much of the file a snapshot read may map into memory (SQLite caps it at its
    /// compile-time maximum).
    static let snapshotMapBytes = 1 << 32

    /// The data version: it changes whenever graph data is written. Kept in memory between
    /// writes (``DataVersionMemo``): a write through this store is seen at once, one by
    /// another process within ``StoreConfiguration/versionRecheck`` seconds.
    public func dataVersion() throws -> Int64 {
        try versionMemo.version { try readSnapshot { try $0.version() } }
    }

    /// Increments the data version inside the caller's write transaction.
    static func bumpDataVersion(_ db: Database) throws {
        try db.execute(sql: "UPDATE data_version SET version = version + 1 WHERE id = 1")
        try db.execute(sql: NamedQuery.sql("snapshot_change_prune"))
    }

    /// Imports of files larger than this log one change for the query engine, "read
    /// everything", instead of one for each record (schema 0016).
    static let bulkImportBytes = 8 << 20

    /// The database id of the entity that `ref` names (its own id or one merged into it).
    public func entityRowid(for ref: String) throws -> Int64? {
        do {
            return try writer.read { db in try Int64.fetchOne(db, sql: NamedQuery.sql("resolve_entity"), arguments: [ref]) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("query", wrapping: error, lead: "the database could not be read")
        }
    }

    /// Writes a `disclosure` audit row for a map or an export leaving the system: what it
    /// shows, for which audience, the ids it names (capped at 10,000, with the full count),
    /// and to whom.
    ///
    /// Call it before the output is written: if the row cannot be written, nothing leaves.
    public func auditDisclosure(_ what: [String: JSONValue], recordIds: [String], recipients: [String], by viewer: Viewer) throws {
        var records = what
        records["count"] = .number(String(recordIds.count))
        records["ids"] = .array(recordIds.prefix(10_000).map { .string($0) })
        do {
            try appendBatched(AuditBatcher.Pending(.disclosure, viewer: viewer, records: .object(records), recipients: recipients))
        } catch {
            throw StoreError("audit", wrapping: error, lead: "the audit log could not be written, so nothing was disclosed")
        }
    }

    /// Appends a read's audit row through the group commit (``AuditBatcher``): concurrent
    /// reads share a transaction, and each returns only once its row is durable.
    func appendBatched(_ item: AuditBatcher.Pending) throws {
        try auditBatcher.submit(item)
    }

    /// Writes a batch of reads' audit rows in one transaction (the ``AuditBatcher``'s write).
    static func writeBatch(_ batch: [AuditBatcher.Pending], to writer: any DatabaseWriter, sealer: AuditSealer) throws {
        try writer.write { db in
            for pending in batch {
                try AuditLog.append(db, sealer, pending.operation, by: pending.viewer, records: pending.records, recipients: pending.recipients)
            }
        }
    }

    /// Writes a `consultation` audit row for a query: what was asked and which records the
    /// answer named (capped at 10,000 ids, with the full count).
    ///
    /// Call it before the answer leaves the process: a query whose audit row cannot be
    /// written must not be answered.
    public func auditQuery(_ verb: String, parameters: [String: JSONValue], recordIds: [String], by viewer: Viewer) throws {
        do {
            try auditBatcher.submit(Store.consultation(verb, parameters: parameters, recordIds: recordIds, by: viewer))
        } catch {
            throw Store.withheld(error)
        }
    }

    /// ``auditQuery(_:parameters:recordIds:by:)`` for a caller that can wait without
    /// holding a thread (a service's request): the same row, the same guarantee.
    public func auditQuery(_ verb: String, parameters: [String: JSONValue], recordIds: [String], by viewer: Viewer) async throws {
        do {
            try await auditBatcher.submit(Store.consultation(verb, parameters: parameters, recordIds: recordIds, by: viewer))
        } catch {
            throw Store.withheld(error)
        }
    }

    private static func consultation(_ verb: String, parameters: [String: JSONValue], recordIds: [String], by viewer: Viewer) -> AuditBatcher.Pending {
        let cap = 10_000
        let records = JSONValue.object([
            "query": .string(verb),
            "parameters": .object(parameters),
            "count": .number(String(recordIds.count)),
            "ids": .array(recordIds.prefix(cap).map { .string($0) }),
        ])
        return AuditBatcher.Pending(.consultation, viewer: viewer, records: records, recipients: [])
    }

    private static func withheld(_ error: any Error) -> StoreError {
        StoreError("audit", wrapping: error, lead: "the audit log could not be written, so the answer is withheld")
    }
}
