import Foundation
import GraphCore
import GraphServer
import GraphStore
import Hummingbird
import HummingbirdTesting
import Testing

/// The audit log as an auditor pages and filters it: by who, a record, the operation and
/// the days, with counts and the next page, and every matching row as CSV, itself
/// written to the log as a disclosure.
struct AuditFilterTests {
    /// Rows of an answer of `GET /api/audit`.
    static func entries(_ response: TestResponse) -> [[String: Any]] { response.json["entries"] as? [[String: Any]] ?? [] }

    @Test func pagesRunBackThroughTheLogWithCounts() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            try await AuditRefusalTests.refuse(client)
            let auditor = try #require(try await SignedIn.signIn(client, as: "auditor"))
            let first = try await auditor.get("/api/audit?limit=5")
            let matching = try #require(first.json["matching"] as? Int)
            #expect(matching > 10 && Self.entries(first).count == 5 && first.json["newer"] as? Int == 0, "\(first.json)")
            let next = try #require(first.json["next_before"] as? Int)
            #expect(next == Self.entries(first).last?["seq"] as? Int)
            let second = try await auditor.get("/api/audit?limit=5&before=\(next)")
            let seqs = (Self.entries(first) + Self.entries(second)).compactMap { $0["seq"] as? Int }
            #expect(seqs.count == 10 && seqs == seqs.sorted(by: >) && Set(seqs).count == 10, "\(seqs)")
            // The second page sits after the first's five; the read of page one is newer still.
            #expect(second.json["newer"] as? Int == 5 + 1, "\(second.json)")
            let last = try await auditor.get("/api/audit?limit=10000")
            #expect(last.json["next_before"] is NSNull, "\(last.json["next_before"] ?? "")")
            #expect(try await auditor.get("/api/audit?before=x").status == .badRequest)
        }
    }

    @Test func filtersByWhoRecordOperationAndDay() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            try await AuditRefusalTests.refuse(client)
            let auditor = try #require(try await SignedIn.signIn(client, as: "auditor"))
            let member = try await auditor.get("/api/audit?actor=PANEL_mem&limit=10000")
            #expect(!Self.entries(member).isEmpty && Self.entries(member).allSatisfy { $0["actor"] as? String == "panel_member" })
            #expect(member.json["matching"] as? Int == Self.entries(member).count)

            // A record is matched whole, in any case: CH2 is asked for, C nor H2 is not.
            let child = Self.entries(try await auditor.get("/api/audit?record=ch2&limit=10000"))
            #expect(child.contains { ($0["asked"] as? [String: String])?["id"] == "CH2" }, "\(child)")
            #expect(Self.entries(try await auditor.get("/api/audit?record=H2&actor=panel_member")).isEmpty)

            let reads = Self.entries(try await auditor.get("/api/audit?operation=consultation&limit=10000"))
            #expect(!reads.isEmpty && reads.allSatisfy { $0["operation"] as? String == "consultation" })
            let wrong = try await auditor.get("/api/audit?operation=peeking")
            #expect(wrong.status == .badRequest && (wrong.json["error"] as? String)?.hasPrefix("operation:") == true, "\(wrong.text)")

            let today = CalendarDate.today
            #expect(try await auditor.get("/api/audit?to=\(today.adding(days: -1))").json["matching"] as? Int == 0)
            #expect(try await auditor.get("/api/audit?from=\(today.adding(days: 1))").json["matching"] as? Int == 0)
            let bounded = try await auditor.get("/api/audit?from=\(today.adding(days: -1))&to=\(today)&actor=panel_member")
            #expect(bounded.json["matching"] as? Int == member.json["matching"] as? Int)
            let badDay = try await auditor.get("/api/audit?from=23/11/2026")
            #expect(badDay.status == .badRequest && (badDay.json["error"] as? String)?.hasPrefix("from:") == true, "\(badDay.text)")
        }
    }

    @Test func theCSVHoldsEveryMatchingRowAndIsADisclosure() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            try await AuditRefusalTests.refuse(client)
            let auditor = try #require(try await SignedIn.signIn(client, as: "auditor"))
            let matching = try #require(try await auditor.get("/api/audit?refused=1&limit=1").json["matching"] as? Int)
            let csv = try await auditor.get("/api/audit?refused=1&limit=1&format=csv")
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.first == "seq,at,operation,actor,justification,records,recipients")
            #expect(lines.count == 1 + matching && matching == 2, "\(csv.text)")
            let disclosure = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(disclosure.operation == "disclosure" && disclosure.actor == "auditor" && disclosure.recipients == #"["auditor"]"#)
            #expect(disclosure.records.contains(#""audit_log_export""#) && disclosure.records.contains(#""rows":2"#), "\(disclosure.records)")
            let page = try await PageTests.Browser.signIn(client, as: "auditor").text("/audit?actor=panel_member&limit=2")
            #expect(page.contains("Rows 1 to 2 of") && page.contains("id=\"audit-older\"") && page.contains("format=csv"), "\(page)")
        }
    }
}
