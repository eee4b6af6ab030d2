import CaseWorkflow
import Foundation
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// `GET /api/panels/{ref}/pack`: the panel's briefing pack as a PDF attachment, for whoever
/// may read the panel, its disclosure audited; another area's panel answers as an unknown one.
struct BriefingPackRouteTests {
    @Test func aPanelMemberTakesTheirPanelsPackAndNoOther() async throws {
        let fixture = try ServerFixture()
        let workflow = try Workflow(store: fixture.store)
        let wirral = try workflow.schedulePanel(area: "E08000015", on: .today.adding(days: 9), coChairs: ["A", "B"], by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let pack = try await member.get("/api/panels/PANEL-000001/pack")
            #expect(pack.status == .ok, "\(pack.text.prefix(200))")
            #expect(pack.headers[.contentType] == "application/pdf")
            #expect(pack.headers[.contentDisposition] == "attachment; filename=\"briefing-pack-PANEL-000001.pdf\"")
            let bytes = Data(pack.body.readableBytesView)
            #expect(bytes.starts(with: Data("%PDF-".utf8)))
            // What the member reads in it: their agenda child and the sections; never the
            // other child, nor the adult known only through code-C intelligence.
            let file = fixture.directory.appendingPathComponent("member-pack.pdf")
            try bytes.write(to: file)
            if let text = PDFText.text(file) {
                for expected in ["PANEL-000001", "Visible Child (CH1)", "CASE-000001", "Latest assessment", "Actions due"] {
                    #expect(text.contains(expected), "the member's pack lacks \(expected)")
                }
                for hidden in ["Hidden Child", "CH2", "CASE-000002", "Adult Known Only Through C", "AD2", "CANARY"] {
                    #expect(!text.contains(hidden), "the member's pack shows \(hidden)")
                }
            } else {
                print("poppler-utils (pdftotext) is not installed: the member's pack's text is not checked")
            }
            // A disclosure to the member, naming the panel and their agenda child only.
            let entry = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(entry.operation == "disclosure" && entry.actor == "panel_member" && entry.recipients.contains("panel_member"))
            #expect(entry.records.contains("\"panel\":\"PANEL-000001\"") && entry.records.contains("CASE-000001"), "\(entry.records)")
            #expect(!entry.records.contains("CASE-000002") && !entry.records.contains("AD2"), "\(entry.records)")

            // Another area's panel answers exactly as an unknown one.
            let unknown = try await member.get("/api/panels/PANEL-404404/pack")
            let other = try await member.get("/api/panels/\(wirral)/pack")
            #expect(unknown.status == .notFound && other.status == unknown.status && other.text == unknown.text, "\(other.text)")

            // The panel page links to it.
            let page = try await member.get("/panels/PANEL-000001")
            #expect(page.status == .ok && page.text.contains("href=\"/api/panels/PANEL-000001/pack\""))
        }
    }

    @Test func aRecipientNamedForThePackIsAudited() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "maccse_coordinator"))
            let pack = try await coordinator.get("/api/panels/PANEL-000001/pack?recipient=Liverpool%20panel")
            #expect(pack.status == .ok, "\(pack.text.prefix(200))")
            let entry = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(entry.operation == "disclosure" && entry.recipients.contains("Liverpool panel"), "\(entry.recipients)")
            // An analyst does not read panels.
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            #expect(try await analyst.get("/api/panels/PANEL-000001/pack").status == .forbidden)
        }
    }
}
