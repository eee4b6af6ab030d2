import Foundation
import Testing
import GraphCore
@testable import GraphStore

/// Rotating the key while another process writes (the service, while an operator runs
/// `cegraph audit rotate-key`): the other process picks the new key up at its next row, so
/// no row is sealed with a key that was already replaced; older rows keep verifying.
struct AuditKeyRotationTests {
    @Test func aRotationByOneProcessIsFollowedByAnother() throws {
        let folder = try Fixture.directory()
        let path = folder.appendingPathComponent("shared.sqlite").path
        let service = try Store.open(path: path)
        let operatorStore = try Store.open(path: path)
        let viewer = Fixture.viewer
        try service.auditQuery("associations", parameters: [:], recordIds: ["CH1"], by: viewer)
        let (old, new) = try operatorStore.rotateAuditKey(by: viewer)
        #expect(old != new)
        try service.auditQuery("associations", parameters: [:], recordIds: ["CH2"], by: viewer)
        let rows = try service.auditEntries(limit: 3)
        #expect(rows.map(\.keyId) == [new, new, old], "the service's row after the rotation is sealed with the new key")
        let found = try service.verifyAuditLog()
        #expect(found.isIntact && found.keys == [old, new], "\(found.summary)")
        // The head file follows both processes, forward only.
        #expect(try AuditHeadFile.read(path: path + ".audit-head")?.seq == 3)
    }
}
