import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GraphServer

/// A damaged audit row (bytes where text must be, written past the append-only triggers)
/// does not take the service down: the audit page and API answer, name the fault and show
/// the row's damage, and the service goes on answering.
struct AuditFaultPageTests {
    @Test func aDamagedRowIsShownNotACrash() async throws {
        let fixture = try ServerFixture()
        let seq = try #require(try fixture.store.auditEntries(limit: 1).first?.seq)
        try await fixture.store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE audit_log SET actor = X'FF00FF', at = X'3132' WHERE seq = ?", arguments: [seq])
        }
        try await fixture.application.test(.router) { client in
            let auditor = try await PageTests.Browser.signIn(client, as: "auditor")
            let page = try await auditor.get("/audit?limit=50")
            #expect(page.status == .ok)
            #expect(page.text.contains("The audit log is not intact: row \(seq), column at: stored as blob, not text"), "\(page.text.prefix(800))")
            #expect(page.text.contains("Damaged: at: stored as bytes; actor: stored as bytes"))
            let api = try #require(try await SignedIn.signIn(client, as: "auditor"))
            let answer = try await api.get("/api/audit?limit=50")
            #expect(answer.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any])
            #expect(json["intact"] as? Bool == false)
            #expect((json["fault"] as? String)?.hasPrefix("row \(seq)") == true)
            let entries = try #require(json["entries"] as? [[String: Any]])
            #expect(entries.contains { ($0["damage"] as? String)?.contains("actor") == true })
            // Still serving.
            #expect(try await auditor.get("/audit").status == .ok)
        }
    }
}
