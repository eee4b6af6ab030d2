import Foundation
import GraphCore
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CaseWorkflow

/// The disruption register and MARTHR's meeting record over HTTP: a notice's life through
/// the API, the register's filters and counts, the pages, the entity page's notices in
/// force, and who may see and do what.
struct DisruptionRouteTests {
    static let day = WorkflowWriteTests.day

    @Test func aNoticeGoesFromDraftToBreachThroughTheAPI() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let chair = try #require(try await SignedIn.signIn(client, as: "marthr_chair"))
            let noChild = try await coordinator.send(.post, "/api/disruptions/drafts", json: #"{"subject": "AD1", "tool": "cawn"}"#)
            #expect(noChild.status == .badRequest && noChild.text.contains("field child"), "\(noChild.text)")
            let drafted = try await coordinator.send(.post, "/api/disruptions/drafts", json: #"""
                {"subject": "AD1", "tool": "cawn", "child": "CH1", "expires_on": "\#(Self.day(20))", "meeting": "MARTHR-000001"}
                """#)
            #expect(drafted.status == .created && drafted.json["disruption"] as? String == "DISR-000001", "\(drafted.text)")
            let unapproved = try await coordinator.send(.post, "/api/disruptions/DISR-000001/service", json: #"{"served_on": "\#(Self.day(0))"}"#)
            #expect(unapproved.status == .conflict && unapproved.text.contains("has not been approved"), "\(unapproved.text)")
            // The coordinator drafts; the chair approves.
            let notChair = try await coordinator.send(.post, "/api/disruptions/DISR-000001/approval", json: #"{"approver_role": "Chief Inspector"}"#)
            #expect(notChair.status == .forbidden)
            let noRank = try await chair.send(.post, "/api/disruptions/DISR-000001/approval", json: #"{}"#)
            #expect(noRank.status == .badRequest && noRank.text.contains("approver_role"), "\(noRank.text)")
            let approved = try await chair.send(.post, "/api/disruptions/DISR-000001/approval",
                                                json: #"{"approved_by": "C Insp Synthetic", "approver_role": "Chief Inspector"}"#)
            #expect(approved.status == .ok, "\(approved.text)")
            let served = try await coordinator.send(.post, "/api/disruptions/DISR-000001/service", json: #"{"served_on": "\#(Self.day(-1))"}"#)
            #expect(served.status == .badRequest && served.text.contains("served_on"), "before its approval: \(served.text)")
            #expect(try await coordinator.send(.post, "/api/disruptions/DISR-000001/service", json: #"{"served_on": "\#(Self.day(0))"}"#)
                .status == .ok)
            let noRecord = try await coordinator.send(.post, "/api/disruptions/DISR-000001/breaches",
                                                      json: #"{"breached_on": "\#(Self.day(0))", "note": "Seen"}"#)
            #expect(noRecord.status == .badRequest && noRecord.text.contains("field record"), "\(noRecord.text)")
            let breach = try await coordinator.send(.post, "/api/disruptions/DISR-000001/breaches", json: #"""
                {"breached_on": "\#(Self.day(0))", "record": "OCC-77", "note": "Seen with the child at the address"}
                """#)
            #expect(breach.status == .created, "\(breach.text)")

            let expiring = try await chair.get("/api/disruptions?show=expiring")
            let counts = expiring.json["counts"] as? [String: Int]
            #expect(counts?["expiring"] == 1 && counts?["breached"] == 1 && counts?["in_force"] == 1, "\(expiring.text)")
            let rows = expiring.json["disruptions"] as? [[String: Any]]
            #expect(rows?.first?["ref"] as? String == "DISR-000001" && rows?.first?["in_force"] as? Int == 1, "\(expiring.text)")
            #expect(try await chair.get("/api/disruptions?show=sometimes").status == .badRequest)
            #expect(try await chair.get("/api/disruptions?page=0").status == .badRequest)
            let one = try await chair.get("/api/disruptions/DISR-000001")
            #expect(one.status == .ok && (one.json["breaches"] as? [Any])?.count == 1 && one.json["approver_role"] as? String == "Chief Inspector",
                    "\(one.text)")
            #expect(try await chair.get("/api/disruptions/DISR-999999").status == .notFound)
            let overdue = try await chair.get("/api/overdue")
            #expect(overdue.text.contains("notice_expiry") && overdue.text.contains("DISR-000001"), "\(overdue.text)")

            // Partners do not see MARTHR's register, nor its reminders.
            for role in ["maccse_coordinator", "panel_member"] {
                let partner = try #require(try await SignedIn.signIn(client, as: role))
                #expect(try await partner.get("/api/disruptions").status == .forbidden, "\(role)")
                #expect(try await partner.get("/api/disruptions/DISR-000001").status == .forbidden, "\(role)")
            }
            let maccse = try #require(try await SignedIn.signIn(client, as: "maccse_coordinator"))
            #expect(!(try await maccse.get("/api/overdue").text.contains("DISR-000001")))

            // The map marks the subject of a notice in force for police audiences, never a panel's.
            let policeMap = try await chair.get("/api/maps/AD1?audience=police")
            #expect(policeMap.status == .ok && policeMap.text.contains("CAWN in force") && policeMap.text.contains("notice in force"),
                    "\(policeMap.text.prefix(400))")
            #expect(!(try await chair.get("/api/maps/AD1?audience=panel").text.contains("in force")))

            let ended = try await coordinator.send(.post, "/api/disruptions/DISR-000001/end", json: #"{"outcome": "Subject charged"}"#)
            #expect(ended.status == .ok, "\(ended.text)")
            #expect(!(try await chair.get("/api/maps/AD1?audience=police").text.contains("CAWN in force")), "an ended notice is not drawn")
            let renewed = try await coordinator.send(.post, "/api/disruptions/DISR-000001/renewal", json: #"{"expires_on": "\#(Self.day(400))"}"#)
            #expect(renewed.status == .conflict && renewed.text.contains("not renewed"), "\(renewed.text)")
        }
    }

    @Test func theRegisterAndNoticePagesAndTheEntityPagesNotices() async throws {
        let fixture = try ServerFixture()
        let workflow = fixture.services.workflow, viewer = ServerFixture.viewer
        let ref = try workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cawn, servedOn: .today, expiresOn: CalendarDate.today.adding(days: 400),
                                                                child: "CH1"), by: viewer)
        try await fixture.application.test(.router) { client in
            let coordinator = try await PageTests.Browser.signIn(client, as: "ccset_coordinator")
            let register = try await coordinator.text("/disruptions?show=in_force")
            #expect(register.contains("<h1>Disruption register</h1>") && register.contains(#"href="/disruptions/\#(ref)""#), "\(register)")
            #expect(register.contains("In force (1)") && register.contains(#"id="draft-notice""#))
            let drafted = try await coordinator.post("/disruptions/drafts", [
                "form": "draft", "subject": "AD1", "tool": "cce_warning_notice", "csrf_token": coordinator.csrf,
            ])
            #expect(drafted.status == .seeOther && drafted.headers[.location] == "/disruptions/DISR-000002", "\(drafted.status)")
            let refused = try await coordinator.post("/disruptions/drafts", [
                "form": "draft", "subject": "AD1", "tool": "harbouring_notice", "note": "typed", "csrf_token": coordinator.csrf,
            ])
            #expect(refused.status == .badRequest && refused.text.contains("names the child it protects") && refused.text.contains("typed"))

            let page = try await coordinator.text("/disruptions/\(ref)")
            #expect(page.contains(#"id="record-breach""#) && page.contains("in force"), "\(page)")
            let breach = try await coordinator.post("/disruptions/\(ref)/breaches", [
                "form": "breach", "breached_on": CalendarDate.today.description, "record": "OCC-9", "note": "Seen at the school gate",
                "csrf_token": coordinator.csrf,
            ])
            #expect(breach.status == .seeOther, "\(breach.status) \(breach.text)")
            let after = try await coordinator.text("/disruptions/\(ref)")
            #expect(after.contains("Seen at the school gate") && after.contains("OCC-9") && after.contains("breached 1×"), "\(after)")
            // The draft has no breach form, and only the chair approves it.
            let draft = try await coordinator.text("/disruptions/DISR-000002")
            #expect(!draft.contains(#"id="record-breach""#) && !draft.contains(#"id="approve-notice""#) && draft.contains("served only once approved"))
            let chair = try await PageTests.Browser.signIn(client, as: "marthr_chair")
            #expect(try await chair.text("/disruptions/DISR-000002").contains(#"id="approve-notice""#))

            // The entity pages: the adult's notice against them, the child's protecting them.
            let adult = try await chair.text("/entities/AD1")
            #expect(adult.contains("Notices in force") && adult.contains(ref), "\(adult)")
            let child = try await chair.text("/entities/CH1")
            #expect(child.contains("Notices in force") && child.contains(ref) && child.contains("protecting"), "\(child)")
            let maccse = try await PageTests.Browser.signIn(client, as: "maccse_coordinator")
            let partnerView = try await maccse.text("/entities/CH1")
            #expect(partnerView.contains("Visible Child") && !partnerView.contains("Notices in force") && !partnerView.contains(ref), "\(partnerView)")
            #expect(try await maccse.get("/disruptions").status == .forbidden)
        }
    }

    @Test func theMeetingPageKeepsAttendanceMinutesAndTheConfidentialityAgreement() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let chair = try await PageTests.Browser.signIn(client, as: "marthr_chair")
            let nominated = try await chair.post("/marthr/MARTHR-000001/nominations", [
                "form": "nominate", "subject": "AD1", "case": "CASE-000001", "claim2": "2", "reasons": "Linked to a child on MACCSE",
                "csrf_token": chair.csrf,
            ])
            #expect(nominated.status == .seeOther)
            func attend(_ attendees: String) async throws -> TestResponse {
                try await chair.post("/marthr/MARTHR-000001/attendance", ["form": "attendance", "attendees": attendees, "csrf_token": chair.csrf])
            }
            func accept() async throws -> TestResponse {
                try await chair.post("/marthr/MARTHR-000001/decisions", [
                    "form": "nomination:AD1", "subject": "AD1", "accept": "true", "reason": "criterion 2", "csrf_token": chair.csrf,
                ])
            }
            #expect(try await attend("Sam Visitor:housing:unsigned").status == .seeOther)
            let waiting = try await chair.text("/marthr/MARTHR-000001")
            #expect(waiting.contains("Business waits") && waiting.contains("Sam Visitor"), "\(waiting)")
            let refused = try await accept()
            #expect(refused.status == .badRequest && refused.text.contains("Sam Visitor (housing) has not signed the confidentiality agreement"),
                    "\(refused.text)")
            #expect(try await attend("Sam Visitor:housing").status == .seeOther)
            #expect(try await accept().status == .seeOther)
            let minutes = try await chair.post("/marthr/MARTHR-000001/minutes", [
                "form": "minutes", "minutes": "Partners agreed a CAWN.", "csrf_token": chair.csrf,
            ])
            #expect(minutes.status == .seeOther)
            let approved = try await chair.post("/marthr/MARTHR-000001/minutes/approval", ["form": "approve-minutes", "csrf_token": chair.csrf])
            #expect(approved.status == .seeOther)
            let page = try await chair.text("/marthr/MARTHR-000001")
            #expect(page.contains("Everyone present has signed") && page.contains("Partners agreed a CAWN.") && page.contains("Approved by"),
                    "\(page)")
            #expect(!page.contains(#"id="record-minutes""#), "approved minutes are not changed")
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let notChair = try await coordinator.send(.post, "/api/marthr/MARTHR-000001/minutes/approval", json: "{}")
            #expect(notChair.status == .forbidden)
        }
    }
}
