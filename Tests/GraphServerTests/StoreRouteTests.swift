import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The store's operations over HTTP: import (all or nothing, errors naming line and
/// field), export (a disclosure with its recipient), counts, and maps in every format.
struct StoreRouteTests {
    static let goodLines = """
        {"record":"entity","id":"AD-UP1","kind":"adult","name":"Uploaded Adult","area":"E08000012"}
        {"record":"intel","id":"IN-UP1","date":"2026-04-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","text":"Seen together."}
        {"record":"link","from":"AD-UP1","to":"CH1","kind":"associates_with","intel":["IN-UP1"]}
        """

    func post(_ signedIn: SignedIn, _ uri: String, _ body: String) async throws -> TestResponse {
        try await signedIn.client.executeRequest(uri: uri, method: .post, headers: [
            .cookie: signedIn.cookie, HTTPField.Name("X-CSRF-Token")!: signedIn.csrf, .contentType: "application/x-ndjson",
        ], body: ByteBuffer(string: body))
    }

    @Test func aCoordinatorImportsAFileAndABadOneKeepsNothing() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let bad = try await post(coordinator, "/api/import?name=night%2Fbatch.jsonl", """
                {"record":"entity","id":"AD-BAD","kind":"adult","name":"Never Kept","area":"E08000012"}
                {"record":"intel","id":"IN-BAD","date":"2026-04-01","source_evaluation":"7","intelligence_assessment":"B","handling_code":"P"}
                """)
            #expect(bad.status == .badRequest)
            let message = bad.json["error"] as? String ?? ""
            #expect(message.contains("batch.jsonl:2") && message.contains("source_evaluation"), "\(message)")
            #expect(!message.contains("/tmp"), "the server's paths stay on the server")
            #expect(try await coordinator.get("/api/entities/AD-BAD").status == .notFound, "all or nothing")

            let good = try await post(coordinator, "/api/import?name=batch.jsonl", StoreRouteTests.goodLines)
            #expect(good.status == .created, "\(good.text)")
            #expect(good.json["entities_added"] as? Int == 1 && good.json["links_added"] as? Int == 1)
            #expect(try await coordinator.get("/api/entities/AD-UP1").text.contains("Uploaded Adult"))
        }
        let row = try #require(try fixture.store.auditEntries(limit: 30).first { $0.operation == "collection" && $0.actor == "ccset_coordinator" })
        #expect(row.records.contains("batch.jsonl"))
    }

    @Test func onlyImportersImportAndTheSizeIsCapped() async throws {
        let fixture = try ServerFixture { $0.maxImportBytes = 64 }
        try await fixture.application.test(.router) { client in
            for role in ["panel_member", "auditor", "admin", "marthr_chair"] {
                let account = try #require(try await SignedIn.signIn(client, as: role))
                #expect(try await post(account, "/api/import", StoreRouteTests.goodLines).status == .forbidden, "\(role)")
            }
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            #expect(try await post(analyst, "/api/import", StoreRouteTests.goodLines).status == .contentTooLarge)
            #expect(try await post(analyst, "/api/import?format=xml", "x").status == .badRequest)
            let signedOut = try await client.executeRequest(uri: "/api/import", method: .post, headers: [:], body: ByteBuffer(string: "x"))
            #expect(signedOut.status == .unauthorized)
        }
    }

    @Test func exportsAreDisclosuresToTheirRecipientAndTheWholeStoreIsForAnalysts() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let graphML = try await coordinator.get("/api/export?format=graphml&root=CH1&hops=1&audience=panel&recipient=MACCSE%20panel")
            #expect(graphML.status == .ok)
            #expect(graphML.headers[.contentType]?.hasPrefix("application/graphml+xml") == true)
            #expect(graphML.text.contains("<graphml") && !graphML.text.contains("CANARY") && !graphML.text.contains("Known Only Through C"))
            #expect(try await coordinator.get("/api/export?format=jsonl").status == .forbidden)
            #expect(try await coordinator.get("/api/export?format=xls").status == .badRequest)
            #expect(try await coordinator.get("/api/export?format=gexf&root=NOBODY").status == .notFound)
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let lines = try await analyst.get("/api/export?format=jsonl&recipient=review%20team")
            #expect(lines.status == .ok)
            #expect(lines.text.split(separator: "\n").count >= 9 && lines.text.contains(#""id":"CH1""#))
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.get("/api/export?format=graphml&root=CH1").status == .forbidden)
        }
        let disclosures = try fixture.store.auditEntries(limit: 40).filter { $0.operation == "disclosure" }
        #expect(disclosures.contains { $0.recipients.contains("MACCSE panel") && $0.records.contains("graphml") })
        #expect(disclosures.contains { $0.recipients.contains("review team") })
    }

    @Test func mapsComeAsSVGPNGOrPDFAndCountsAreForPoliceRoles() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let png = try await analyst.get("/api/maps/CH1?format=png&audience=police")
            #expect(png.status == .ok && png.headers[.contentType] == "image/png")
            #expect(Array(png.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            let pdf = try await analyst.get("/api/maps/CH1?format=pdf")
            #expect(pdf.status == .ok && pdf.text.hasPrefix("%PDF"))
            #expect(try await analyst.get("/api/maps/CH1?format=gif").status == .badRequest)
            let stats = try await analyst.get("/api/stats")
            #expect(stats.status == .ok && (stats.json["entities"] as? Int ?? 0) >= 4)
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.get("/api/stats").status == .forbidden)
        }
    }
}
