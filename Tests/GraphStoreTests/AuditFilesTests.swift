import Foundation
import GRDB
import Testing
import GraphCore
@testable import GraphStore

/// The key and head files beside a database, as a process killed at any moment leaves
/// them: the next open must go on (the crash suite, `CLITests/CrashTests`, kills real
/// processes; these are the states too brief for it to hit by chance).
struct AuditFilesTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-audit-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// An upgrade killed after it made the key and the head but before the seal committed:
    /// the next open seals the old rows, as the first would have.
    @Test func anUpgradeKilledBeforeItsSealIsSealedAtTheNextOpen() throws {
        let database = folder.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: database)
        try Migrations.migrator().migrate(queue, upTo: "0010_panel_chair_and_minutes_approval")
        try queue.write { db in
            for n in 0..<3 { try AuditMigrationTests.appendLegacy(db, records: #"{"n":\#(n)}"#) }
        }
        try queue.close()
        let files = AuditFiles(database: database, key: nil)
        _ = try AuditKeyring.create(path: files.keyPath)
        try AuditHeadFile(path: files.headPath).advance(to: .empty)

        let store = try Store.open(path: database)
        let seal = try #require(try store.auditEntries(limit: 1).first)
        #expect(seal.seq == 4 && seal.records.contains(#""old_rows_intact":true"#), "\(seal.records)")
        let found = try Store.verifyAuditLog(database: database, keyPath: nil)
        #expect(found.isIntact && found.legacyRows == 3, "\(found.summary)")
    }

    /// A whole file is made under a name of the process's own and then named: one left by
    /// a killed process of the same id is cleared, none is left behind, and a file already
    /// there is never replaced.
    @Test func aWholeFileIsNamedOnlyWhenWrittenAndNeverReplacesOne() throws {
        let path = folder.appendingPathComponent("picture.sqlite.audit-key").path
        let leftover = path + ".new-\(getpid())"
        #expect(FileManager.default.createFile(atPath: leftover, contents: Data("half a ke".utf8)))
        #expect(WholeFile.create(path, contents: Array("first\n".utf8)) == .created)
        #expect(WholeFile.create(path, contents: Array("second\n".utf8)) == .exists)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        #expect(WholeFile.replace(path, contents: Array("third\n".utf8)) == .created)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "third\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["picture.sqlite.audit-key"])
        if case .unmade = WholeFile.create(folder.appendingPathComponent("no/such/folder").path, contents: []) {} else {
            Issue.record("a file in a missing folder was not refused as unmade")
        }
    }

    /// A key made on a first open, and a rotation, go through the whole-file path: the key
    /// file loads, and the folder holds nothing else.
    @Test func keysAreMadeAndRotatedWhole() throws {
        let path = folder.appendingPathComponent("k.audit-key").path
        let ring = try AuditKeyring.create(path: path)
        #expect(throws: StoreError.self) { try AuditKeyring.create(path: path) }
        let rotated = try ring.rotated()
        #expect(try AuditKeyring.load(path: path).keys.map(\.id) == rotated.keys.map(\.id) && rotated.keys.count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["k.audit-key"])
    }
}
