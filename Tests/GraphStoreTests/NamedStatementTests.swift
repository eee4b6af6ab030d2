import GraphCore
import GraphStore
import Testing

/// Every named statement in `queries/` compiles against the migrated schema.
struct NamedStatementTests {
    @Test func everyNamedStatementCompiles() throws {
        let store = try Fixture.memoryStore()
        let names = try store.checkNamedStatements()
        // The files the store, the snapshot, the workflow and the server read, each found.
        for expected in ["resolve_entity", "snapshot_links", "intel/report.by_ref", "server/account.by_id", "server/visibility.panel_children",
                         "workflow/case.by_ref", "workflow/action.scope", "workflow/panel.list"] {
            #expect(names.contains(expected), "\(expected) not found among \(names.count)")
        }
        #expect(names.count > 140, "\(names.count)")
    }
}
