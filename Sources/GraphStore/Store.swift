import Foundation
import GRDB
import GRDBSQLite
import GraphCore

/// The cegraph store: one SQLite database holding areas, entities, intelligence, links,
/// their provenance and the audit log.
///
/// The store takes any GRDB `DatabaseWriter` and migrates it on creation, so tests can pass
/// an in-memory `DatabaseQueue` and the tool a `DatabasePool` on a file (WAL, foreign keys
/// on, `synchronous=FULL`).
public final class Store: Sendable {
    /// The database the store reads and writes.
    public let writer: any DatabaseWriter
    /// The group commit for reads' audit rows.
    let auditBatcher: AuditBatcher
    /// The data version as last read (``dataVersion()``).
    let versionMemo: DataVersionMemo
    /// Seals the audit rows: the key ring and the head file.
    let auditSealer: AuditSealer

    /// Wraps a database and brings its schema up to date.
    ///
    /// - Parameter versionRecheck: how old, in seconds, the kept data version may be before
    ///   it is read again: how soon a write by another process is seen (this process's own
    ///   writes are seen at once).
    /// - Throws: ``StoreError`` when a migration fails.
    ///
    /// A store made this way seals its audit rows with a key of its own, held in memory
    /// only: for a database in memory (tests). ``open(path:configuration:)`` keeps the key
    /// and the head in files.
    public convenience init(_ writer: any DatabaseWriter, versionRecheck: Double = StoreConfiguration().versionRecheck) throws {
        try self.init(writer, versionRecheck: versionRecheck, sealer: .ephemeral(), sealLegacy: true)
    }

    init(_ writer: any DatabaseWriter, versionRecheck: Double, sealer: AuditSealer, sealLegacy: Bool) throws {
        self.writer = writer
        versionMemo = DataVersionMemo(recheck: versionRecheck)
        auditSealer = sealer
        auditBatcher = AuditBatcher { batch in try Store.writeBatch(batch, to: writer, sealer: sealer) }
        writer.add(transactionObserver: DataVersionMemo.Observer(versionMemo), extent: .databaseLifetime)
        do {
            try Migrations.migrator().migrate(writer)
            if sealLegacy { try writer.write { db in try AuditLog.sealLegacy(db, sealer) } }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("open", wrapping: error, lead: "could not bring the database schema up to date")
        }
    }

    /// Opens (creating if needed) the database file at `path` and migrates it.
    ///
    /// - Throws: ``StoreError`` naming the path when the file cannot be opened.
    public static func open(path: String, configuration: StoreConfiguration = StoreConfiguration()) throws -> Store {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = configuration.readOnly
        config.busyMode = .timeout(configuration.busyTimeout)
        config.label = "cegraph"
        let cacheKiB = configuration.cacheKiB
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -\(cacheKiB); PRAGMA temp_store = MEMORY")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            if !configuration.readOnly {
                // GRDB sets the writer to `synchronous=NORMAL` when it turns WAL on, after
                // `prepareDatabase` has run: so a commit would not wait for the disk, and an
                // audit row could be lost with the power after its data was shown. Only the
                // writer commits, so FULL is set again on it.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            }
            let files = AuditFiles(database: path, key: configuration.auditKeyPath)
            guard !configuration.readOnly else {
                // Writes nothing: the key ring only verifies (a store without a key file
                // gets one of its own, under which no sealed row verifies).
                let sealer = AuditSealer(keyring: try files.keyringIfPresent() ?? .ephemeral(), headFile: AuditHeadFile(path: files.headPath))
                return try Store(pool, versionRecheck: configuration.versionRecheck, sealer: sealer, sealLegacy: false)
            }
            let (sealer, sealLegacy) = try files.sealer(pool)
            return try Store(pool, versionRecheck: configuration.versionRecheck, sealer: sealer, sealLegacy: sealLegacy)
        } catch let error as StoreError {
            throw error
        } catch {
            let wrapped = StoreError("open", wrapping: error, lead: "cannot open the database \(path)")
            // A file that cannot be opened (no such directory, no permission, not a database)
            // is the path the user gave; a busy or failing disk keeps its own kind.
            let pathCodes: [ResultCode] = [.SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_NOTADB]
            let isPath = (error as? DatabaseError).map { pathCodes.contains($0.resultCode) } ?? false
            guard isPath else { throw wrapped }
            throw StoreError("open", wrapped.message, kind: .input, hint: "check the path and that the directory is writable",
                             detail: wrapped.detail)
        }
    }
}

extension Store {
    /// The bytes SQLite has allocated in this process (page caches, statements), for the
    /// service's health check: it tells a cache filling up from memory leaking.
    public static var sqliteMemoryUsed: Int64 { sqlite3_memory_used() }
}
