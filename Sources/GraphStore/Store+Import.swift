import Crypto
import Foundation
import GRDB
import GraphCore

extension Store {
    /// Imports one file (JSON Lines, or CSV of one kind) in one transaction: every record
    /// is stored, or, on the first error, none is.
    ///
    /// References between records are resolved at the end of the file, so a link may come
    /// before its entities. Importing the same file twice changes nothing. The import is
    /// written to the audit log as a `collection`, in the same transaction.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - options: its format, who is importing and why, and a progress callback.
    /// - Returns: counts of what was added, updated and merged.
    /// - Throws: ``StoreError`` naming the file, line and field of the first problem.
    @discardableResult
    public func importFile(at path: String, options: ImportOptions) throws -> ImportSummary {
        let name = options.name ?? path
        let now = Date().utcStamp
        do {
            // A first load into an empty store runs with foreign keys off (SQLite checks them
            // row by row at ~3 µs a link) and checks them all in one pass before committing.
            let empty = try writer.read { db in try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM ref)") ?? false }
            // A first load or a large file logs one change, "read everything", rather than a row
            // for each record it writes (schema 0016): a query engine reads it whole anyway.
            let bulk = empty || ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > Store.bulkImportBytes
            return try writer.writeWithoutTransaction { db in
                // A 1 GiB page cache for the transaction, and a second sorter thread for the
                // index builds at the end of a bulk load.
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -65_536
                try db.execute(sql: "PRAGMA cache_size = -1048576; PRAGMA threads = 2")
                if empty { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer {
                    try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
                    try? db.execute(sql: "PRAGMA foreign_keys = ON")
                }
                var summary = ImportSummary()
                let started = Date()
                var committing = Date()
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                    if bulk { try db.execute(sql: NamedQuery.workflow("snapshot/bulk.start")) }
                    let counts = try Store.counts(db)
                    let session = try ImportSession(db, now: now)
                    var sha256 = ""
                    switch options.format {
                    case .jsonLines:
                        sha256 = try Store.readJSONLines(path: path, name: name, progress: options.progress) { line, record in
                            try session.apply(record, at: SourceLocation(file: name, line: line))
                        }
                    case .csv(let kind):
                        guard let data = FileManager.default.contents(atPath: path) else {
                            throw StoreError("import", "cannot read \(path)", kind: .input, hint: "check the file name and its permissions")
                        }
                        sha256 = Store.hex(SHA256.hash(data: data))
                        var reader = CSVReader(bytes: [UInt8](data), file: name)
                        if let header = try reader.next() {
                            let builder = try CSVRecordBuilder(kind: kind, header: header, file: name)
                            while let row = try reader.next() {
                                if builder.isBlank(row) { continue }
                                let location = SourceLocation(file: name, line: row.line)
                                let record = try RecordDecoder.decode(try builder.object(for: row), at: location)
                                try session.apply(record, at: location)
                            }
                        }
                        options.progress?(Int64(data.count), Int64(data.count))
                    }
                    let recordsDone = Date()
                    try session.finish()
                    if bulk {
                        try db.execute(sql: NamedQuery.workflow("snapshot/bulk.quiet_end"))
                        try db.execute(sql: NamedQuery.workflow("snapshot/bulk.read_whole"))
                    }
                    try Store.bumpDataVersion(db)
                    let finished = Date()
                    summary = session.summary
                    summary.sha256 = sha256
                    summary.seconds.records = recordsDone.timeIntervalSince(started)
                    summary.seconds.indexes = finished.timeIntervalSince(recordsDone)
                    let after = try Store.counts(db)
                    summary.entitiesAdded = after.entities - counts.entities
                    summary.intelAdded = after.intel - counts.intel
                    summary.linksAdded = after.links - counts.links
                    summary.linksMerged = max(0, session.linkRecords - summary.linksAdded)
                    committing = Date()
                    try AuditLog.append(db, auditSealer, .collection, by: options.viewer, records: Store.auditRecords(
                        file: name, format: options.format, summary: summary, session: session))
                    return .commit
                }
                summary.seconds.commit = Date().timeIntervalSince(committing)
                return summary
            }
        } catch let error as StoreError {
            throw error
        } catch let error as InputError {
            throw StoreError("import", error)
        } catch {
            throw StoreError("import", wrapping: error, lead: name)
        }
    }

    /// Reads and decodes a JSON Lines file on a second thread, calling `apply` with each
    /// record in file order on this one.
    ///
    /// - Returns: the file's SHA-256.
    /// - Throws: the first error, from either side; the reader stops when `apply` throws.
    static func readJSONLines(path: String, name: String, progress: (@Sendable (Int64, Int64) -> Void)?,
                              apply: (Int, InputRecord) throws -> Void) throws -> String {
        let pipe = RecordPipe()
        Thread.detachNewThread {
            var hasher = SHA256()
            var batch = RecordPipe.Batch()
            do {
                try LineReader.forEachLine(path: path, onChunk: { hasher.update(bufferPointer: $0) }, progress: progress) { line, bytes in
                    guard let record = try Store.decodeLine(bytes, at: SourceLocation(file: name, line: line)) else { return }
                    batch.lines.append(line)
                    batch.records.append(record)
                    if batch.records.count == 2_048 {
                        guard pipe.put(batch) else { throw CancellationError() }
                        batch = RecordPipe.Batch()
                    }
                }
                if !batch.records.isEmpty, !pipe.put(batch) { throw CancellationError() }
                pipe.finish(.success(Store.hex(hasher.finalize())))
            } catch {
                // Records before the error still go to the writer, so errors surface in file order.
                if !batch.records.isEmpty { _ = pipe.put(batch) }
                pipe.finish(.failure(error))
            }
        }
        do {
            while let batch = pipe.take() {
                for (line, record) in zip(batch.lines, batch.records) { try apply(line, record) }
            }
            return try pipe.result()
        } catch {
            pipe.cancel()
            throw error
        }
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        // By hand: `String(format:)` per byte cost 8% of the service's CPU (a token digest
        // and an audit hash on every request).
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digest.underestimatedCount * 2)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes one JSON Lines line; `nil` for a blank line.
    static func decodeLine(_ bytes: UnsafeBufferPointer<UInt8>, at location: SourceLocation) throws(InputError) -> InputRecord? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw InputError("not valid JSON: \(error.message) at column \(error.column)", at: location)
        }
        guard case .object(let object) = value else {
            throw InputError("each line must be a JSON object, found \(value.typeName)", at: location)
        }
        return try RecordDecoder.decode(object, at: location)
    }

    static func counts(_ db: Database) throws -> (entities: Int, intel: Int, links: Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM entity) AS e, (SELECT count(*) FROM intel) AS i, (SELECT count(*) FROM link) AS l
            """)!
        return (row["e"], row["i"], row["l"])
    }

    private static func auditRecords(file: String, format: ImportOptions.Format, summary: ImportSummary,
                                     session: ImportSession) -> JSONValue {
        let formatName: String
        switch format {
        case .jsonLines: formatName = "jsonl"
        case .csv(let kind): formatName = "csv:\(kind)"
        }
        func number(_ value: Int) -> JSONValue { .number(String(value)) }
        return .object([
            "file": .string(file), "format": .string(formatName), "sha256": .string(summary.sha256),
            "records": number(summary.records), "entities_added": number(summary.entitiesAdded),
            "entities_updated": number(summary.entitiesUpdated), "ids_merged": number(summary.idsMerged),
            "intel_added": number(summary.intelAdded), "intel_updated": number(summary.intelUpdated),
            "links_added": number(summary.linksAdded), "links_merged": number(summary.linksMerged),
            "ids": .array(session.touched.map { .string($0) }),
            "ids_truncated": .bool(session.touchedCount > session.touched.count),
        ])
    }
}
