import Foundation
import GraphCore
import GRDB
import GraphStore
import Testing

/// The data version kept in memory: this store's writes are seen at once, another
/// process's once the kept version is older than `versionRecheck`.
struct DataVersionTests {
    static let entity = #"{"record":"entity","id":"C1","kind":"child","name":"Willow Newt"}"#

    @Test func aWriteThroughThisStoreIsSeenByTheNextRead() throws {
        let store = try Store.open(path: try Fixture.directory().appendingPathComponent("v.sqlite").path,
                                   configuration: StoreConfiguration(versionRecheck: 3600))
        let before = try store.dataVersion()
        #expect(try store.dataVersion() == before)
        try Fixture.load(store, DataVersionTests.entity)
        #expect(try store.dataVersion() == before + 1)
        try store.transaction { try $0.bumpDataVersion() }
        #expect(try store.dataVersion() == before + 2)
    }

    @Test func aRolledBackWriteLeavesTheVersion() throws {
        let store = try Store.open(path: try Fixture.directory().appendingPathComponent("v.sqlite").path,
                                   configuration: StoreConfiguration(versionRecheck: 3600))
        let before = try store.dataVersion()
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try store.transaction { tx in
                try tx.bumpDataVersion()
                throw Abandon()
            }
        }
        #expect(try store.dataVersion() == before)
    }

    @Test func anotherProcesssWriteIsSeenAfterTheRecheck() throws {
        let path = try Fixture.directory().appendingPathComponent("v.sqlite").path
        let serving = try Store.open(path: path, configuration: StoreConfiguration(versionRecheck: 1.5))
        let importing = try Store.open(path: path)
        let before = try serving.dataVersion()
        try Fixture.load(importing, DataVersionTests.entity)
        // Kept: the other connection's commit is not seen until the recheck.
        #expect(try serving.dataVersion() == before)
        Thread.sleep(forTimeInterval: 1.6)
        #expect(try serving.dataVersion() == before + 1)
    }
}

/// Checkpoints in the background: the writer's own are off while it runs, and the log is
/// still moved into the file.
struct BackgroundCheckpointTests {
    @Test func theLogIsCheckpointedOffTheWritePathAndTheWriterGetsItsOwnBack() throws {
        let path = try Fixture.directory().appendingPathComponent("c.sqlite").path
        let store = try Store.open(path: path)
        let checkpoints = try #require(try store.checkpointInBackground(every: 0.05))
        #expect(try store.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 0)
        let fileSize = { (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        let before = try fileSize()
        for index in 0..<300 {
            try store.auditQuery("associations", parameters: [:], recordIds: (0..<50).map { "E\(index)-\($0)" }, by: Fixture.viewer)
        }
        // The rows reach the database file only through a checkpoint, and the writer takes
        // none: so the file grows only if the background connection copies the log in.
        let deadline = Date().addingTimeInterval(10)
        while try fileSize() <= before, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try fileSize() > before)
        // Under steady writes the log is still started again from the top: its file stays
        // a fraction of what was written through it.
        let wal = path + "-wal"
        var written = 0
        let writeUntil = Date().addingTimeInterval(1.5)
        while Date() < writeUntil {
            let ids = (0..<200).map { "S\(written)-\($0)" }
            try store.auditQuery("associations", parameters: [:], recordIds: ids, by: Fixture.viewer)
            written += 1
        }
        let walBytes = (try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        #expect(written > 100)
        #expect(walBytes < written * 4_096 / 2, "the log holds \(walBytes) bytes after \(written) commits of a page or more each")
        checkpoints.stop()
        #expect(try store.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 1000)
        #expect(try store.auditEntries(limit: 500).count >= 200)
        #expect(try store.verifyAuditLog().isIntact)
        #expect(try Store(DatabaseQueue()).checkpointInBackground() == nil)
    }
}
