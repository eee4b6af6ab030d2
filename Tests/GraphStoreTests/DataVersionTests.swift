import Foundation
import GraphCore
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
