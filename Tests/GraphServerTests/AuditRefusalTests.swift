import Foundation
import GraphCore
import GraphServer
import GraphStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The reads refused for need-to-know, as an auditor finds them: `GET /api/audit?refused=1`
/// and the audit page's `?refused=1`, each listing who asked, when, and for what; a missing
/// record is not a refusal.
struct AuditRefusalTests {
    /// Liverpool's panel member asks for a child on no agenda (CH2), a code-C report and a
    /// record that does not exist: two refusals and one read of nothing.
    static func refuse(_ client: any TestClientProtocol) async throws {
        let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
        for path in ["/api/entities/CH2", "/api/intel/INC", "/api/entities/CH404"] {
            #expect(try await member.get(path).status == .notFound)
        }
    }

    @Test func theAPIListsOnlyTheRefusalsWithWhatWasAsked() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            try await Self.refuse(client)
            let auditor = try #require(try await SignedIn.signIn(client, as: "auditor"))
            let response = try await auditor.get("/api/audit?refused=1")
            #expect(response.status == .ok)
            #expect(response.json["refused_only"] as? Bool == true && response.json["intact"] as? Bool == true)
            let entries = try #require(response.json["entries"] as? [[String: Any]])
            #expect(entries.count == 2, "\(entries)")
            for entry in entries {
                #expect(entry["actor"] as? String == "panel_member" && entry["operation"] as? String == "consultation")
                #expect((entry["records"] as? [String: Any])?["refused"] as? Bool == true)
                #expect((entry["at"] as? String)?.isEmpty == false)
            }
            let asked = entries.compactMap { $0["asked"] as? [String: String] }
            #expect(asked == [["what": "intel", "id": "INC"], ["what": "entity", "id": "CH2"]], "newest first: \(asked)")
            // The missing record is in the full log, not among the refusals.
            let all = try #require(try await auditor.get("/api/audit?limit=10000").json["entries"] as? [[String: Any]])
            #expect(all.contains { ($0["asked"] as? [String: String])?["id"] == "CH404" })
            #expect(try await auditor.get("/api/audit?refused=0&limit=10000").json["refused_only"] as? Bool == false)
            // Reading the refusals is itself audited.
            let read = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(read.actor == "auditor" && read.justification.contains("reading the audit log"), "\(read)")

            let bad = try await auditor.get("/api/audit?refused=maybe")
            #expect(bad.status == .badRequest && (bad.json["error"] as? String)?.contains("refused") == true)
        }
    }

    @Test(arguments: Role.allCases.filter { $0 != .auditor })
    func onlyAuditorsReadTheRefusals(_ role: Role) async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let signedIn = try #require(try await SignedIn.signIn(client, as: role.rawValue))
            #expect(try await signedIn.get("/api/audit?refused=1").status == .forbidden)
            let browser = try await PageTests.Browser.signIn(client, as: role.rawValue)
            #expect(try await browser.get("/audit?refused=1").status == .forbidden)
        }
    }

    @Test func theAuditPageListsTheRefusalsWhoWhenAndWhat() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let auditor = try await PageTests.Browser.signIn(client, as: "auditor", reason: nil)
            let empty = try await auditor.get("/audit?refused=1")
            #expect(empty.status == .ok && empty.text.contains("No read has been refused."))

            try await Self.refuse(client)
            let all = try await auditor.get("/audit")
            #expect(all.text.contains(#"<a href="/audit?refused=1&amp;limit=200">refused reads only</a>"#), "the toggle: \(all.text.prefix(1500))")
            let page = try await auditor.get("/audit?refused=1")
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("<h1>Audit log: refused reads</h1>"))
            #expect(text.contains(#"aria-current="page">refused reads only</a>"#))
            #expect(text.components(separatedBy: #"<td data-label="Who">panel_member</td>"#).count - 1 == 2, "\(text)")
            #expect(text.contains(#"entity <span class="id">CH2</span>"#) && text.contains(#"intel <span class="id">INC</span>"#))
            #expect(!text.contains("CH404"), "a missing record is not a refusal")
            #expect(text.contains(#"<input type="hidden" name="refused" value="1">"#), "the rows form keeps the toggle")
            #expect(try await auditor.get("/audit?refused=2").status == .badRequest)
        }
    }
}
