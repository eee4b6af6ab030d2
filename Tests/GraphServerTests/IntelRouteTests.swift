import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Intelligence entry through the API: reading a report with its history, editing it with
/// a reason, and the live child-first language check. Records are synthetic.
struct IntelRouteTests {
    static func edit(assessment: String = "A", reason: String? = "source since tested") -> String {
        let reasonField = reason.map { #", "reason": "\#($0)""# } ?? ""
        return #"""
            {"intel": {"date": "2026-02-01", "source_evaluation": "1", "intelligence_assessment": "\#(assessment)",
                       "handling_code": "P", "text": "Corroborated: she is putting herself at risk.", "about": ["CH1"]},
             "entities": [{"id": "VE7", "kind": "vehicle", "vrm": "zz77 zzz"}],
             "links": [{"from": "AD1", "to": "VE7", "kind": "drives", "first_seen": "2026-01-30"}]\#(reasonField)}
            """#
    }

    @Test func aCoordinatorEditsAReportAndTheEarlierVersionIsKept() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let edited = try await coordinator.send(.put, "/api/intel/IN1", json: Self.edit())
            #expect(edited.status == .ok, "\(edited.text)")
            #expect(edited.json["version_kept"] as? Int == 1)
            #expect((edited.json["language_warnings"] as? [[String: Any]])?.first?["matched"] as? String == "putting herself at risk")

            let report = try await coordinator.get("/api/intel/IN1")
            #expect(report.status == .ok, "\(report.text)")
            #expect(report.json["grading"] as? String == "1A P")
            #expect((report.json["about"] as? [[String: Any]])?.map { $0["id"] as? String } == ["CH1"])
            let links = (report.json["links"] as? [[String: Any]] ?? []).map { link in
                "\((link["from"] as? [String: Any])?["id"] ?? "") \(link["kind"] ?? "") \((link["to"] as? [String: Any])?["id"] ?? "")"
            }
            #expect(Set(links) == ["AD1 associates_with CH1", "CH2 associates_with CH1", "AD1 drives VE7"], "\(links)")
            let history = try #require(report.json["history"] as? [[String: Any]])
            #expect(history.count == 1 && history.first?["grading"] as? String == "2B P")
            #expect(history.first?["changed_by"] as? String == "ccset_coordinator" && history.first?["reason"] as? String == "source since tested")
            #expect((history.first?["fields"] as? [String: Any])?["text"] as? String == "Shareable report.")
            // Who submitted the report stays as it was.
            #expect(report.json["submitted_by"] is NSNull)

            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let again = try await analyst.send(.put, "/api/intel/IN1", json: Self.edit(assessment: "B", reason: "assessment revised"))
            #expect(again.status == .ok && again.json["version_kept"] as? Int == 2, "\(again.text)")
        }
    }

    @Test func aWrongEditIsRefusedAndKeepsNothing() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let bad = try await coordinator.send(.put, "/api/intel/IN1", json: Self.edit(assessment: "Q"))
            #expect(bad.status == .badRequest && bad.text.contains("intelligence_assessment"), "\(bad.text)")
            let noReason = try await coordinator.send(.put, "/api/intel/IN1", json: Self.edit(reason: nil))
            #expect(noReason.status == .badRequest && noReason.text.contains("reason"), "\(noReason.text)")
            let forged = try await coordinator.send(.put, "/api/intel/IN1", csrf: false, json: Self.edit())
            #expect(forged.status == .forbidden)
            let renamed = try await coordinator.send(.put, "/api/intel/IN1", json: Self.edit().replacingOccurrences(of: #"{"date""#, with: #"{"id": "IN9", "date""#))
            #expect(renamed.status == .badRequest && renamed.text.contains("cannot change"), "\(renamed.text)")
            #expect(try await coordinator.send(.put, "/api/intel/IN404", json: Self.edit()).status == .notFound)
            let report = try await coordinator.get("/api/intel/IN1")
            #expect(report.json["grading"] as? String == "2B P" && (report.json["history"] as? [Any])?.isEmpty == true)
            #expect(try await coordinator.get("/api/entities/VE7").status == .notFound)
            // A new report under a taken id would change it without its history.
            let taken = try await coordinator.send(.post, "/api/intel", json: #"""
                {"intel": {"id": "IN1", "date": "2026-02-01", "source_evaluation": "1", "intelligence_assessment": "A", "handling_code": "P"}}
                """#)
            #expect(taken.status == .conflict && taken.text.contains("already a report"), "\(taken.text)")
        }
    }

    @Test func rolesAreCheckedBeforeTheBodyIsRead() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            for role in ["marthr_chair", "panel_member", "auditor", "admin"] {
                let session = try #require(try await SignedIn.signIn(client, as: role))
                #expect(try await session.send(.put, "/api/intel/IN1", json: "not json").status == .forbidden, "\(role)")
            }
            let signedOut = try await client.executeRequest(uri: "/api/intel/IN1", method: .put, headers: [.contentType: "application/json"],
                                                            body: ByteBuffer(string: Self.edit()))
            #expect(signedOut.status == .unauthorized)
        }
    }

    @Test func aCodeCReportIsMissingForANonPoliceRole() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let full = try await analyst.get("/api/intel/INC")
            #expect(full.status == .ok && full.text.contains("Police only"), "\(full.text)")

            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let hidden = try await member.get("/api/intel/INC"), missing = try await member.get("/api/intel/IN404")
            #expect(hidden.status == .notFound && hidden.status == missing.status && hidden.text == missing.text)
            // A shareable report about their agenda child, without the other child.
            let shared = try await member.get("/api/intel/IN1")
            #expect(shared.status == .ok && shared.text.contains("AD1") && !shared.text.contains("CH2"), "\(shared.text)")
            let otherPanel = try #require(try await SignedIn.signIn(client, as: "wirral_member"))
            #expect(try await otherPanel.get("/api/intel/IN1").status == .notFound)
            let auditor = try #require(try await SignedIn.signIn(client, as: "auditor"))
            #expect(try await auditor.get("/api/intel/INC").status == .forbidden)
            #expect(try await auditor.get("/api/intel/IN404").status == .forbidden)
            // A report once graded C keeps that version from a non-police viewer after it is regraded P.
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let regraded = try await coordinator.send(.put, "/api/intel/INC", json: #"""
                {"intel": {"date": "2026-02-02", "source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "P",
                           "text": "Shareable now.", "about": ["CH1"]}, "reason": "conditions lifted by the source agency"}
                """#)
            #expect(regraded.status == .ok, "\(regraded.text)")
            let now = try await member.get("/api/intel/INC")
            #expect(now.status == .ok && !now.text.contains("CANARY") && !now.text.contains("Police only"), "\(now.text)")
            #expect((now.json["history"] as? [Any])?.isEmpty == true)
            #expect((try await analyst.get("/api/intel/INC").json["history"] as? [Any])?.count == 1)
        }
    }

    @Test func aPanelMemberSeesNoEarlierVersionForItMayNameAChildOffTheirAgendas() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            func edit(about: String, text: String, reason: String) async throws {
                let answer = try await coordinator.send(.put, "/api/intel/IN1", json: #"""
                    {"intel": {"date": "2026-02-01", "source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "P",
                               "text": "\#(text)", "about": \#(about)}, "reason": "\#(reason)"}
                    """#)
                #expect(answer.status == .ok, "\(answer.text)")
            }
            try await edit(about: #"["CH1", "CH2"]"#, text: "Both children seen, the other one is SENTINEL.", reason: "second child named")
            try await edit(about: #"["CH1"]"#, text: "One child seen.", reason: "second child taken off")

            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let shared = try await member.get("/api/intel/IN1")
            #expect(shared.status == .ok, "\(shared.text)")
            for hidden in ["CH2", "Hidden Child", "SENTINEL", "second child"] {
                #expect(!shared.text.contains(hidden), "\(hidden) shown to a panel member")
            }
            #expect((shared.json["history"] as? [Any])?.isEmpty == true && shared.json["history_withheld"] as? Int == 2)
            let page = try await member.get("/intel/IN1")
            #expect(page.status == .ok && !page.text.contains("SENTINEL") && page.text.contains("earlier versions are not shown"))
            // Other roles see every version, as before.
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let full = try await analyst.get("/api/intel/IN1")
            #expect((full.json["history"] as? [Any])?.count == 2 && full.text.contains("SENTINEL") && full.json["history_withheld"] == nil)
        }
    }

    @Test func readingAReportNeedsTheSessionsReasonAndIsAudited() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let unreasoned = try #require(try await SignedIn.signIn(client, as: "analyst", reason: nil))
            #expect(try await unreasoned.get("/api/intel/IN1").status == .preconditionRequired)
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            #expect(try await analyst.get("/api/intel/IN1").status == .ok)
            let newest = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(newest.operation == "consultation" && newest.records.contains("IN1") && newest.justification.contains("automated test"))
        }
    }

    @Test func theLanguageCheckAnswersWarnings() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            for role in ["ccset_coordinator", "analyst", "marthr_chair", "maccse_coordinator"] {
                let session = try #require(try await SignedIn.signIn(client, as: role))
                let answer = try await session.send(.post, "/api/lint", json: #"{"text": "She keeps putting herself at risk."}"#)
                #expect(answer.status == .ok, "\(role): \(answer.text)")
                let warning = try #require((answer.json["warnings"] as? [[String: Any]])?.first)
                #expect(warning["matched"] as? String == "putting herself at risk")
                #expect(!((warning["suggestions"] as? [String]) ?? []).isEmpty)
                let clean = try await session.send(.post, "/api/lint", json: #"{"text": "The child is being exploited."}"#)
                #expect((clean.json["warnings"] as? [Any])?.isEmpty == true)
                #expect(try await session.send(.post, "/api/lint", json: "{}").status == .badRequest)
                #expect(try await session.send(.post, "/api/lint", csrf: false, json: #"{"text": "x"}"#).status == .forbidden)
            }
            for role in ["panel_member", "auditor", "admin"] {
                let session = try #require(try await SignedIn.signIn(client, as: role))
                #expect(try await session.send(.post, "/api/lint", json: #"{"text": "x"}"#).status == .forbidden, "\(role)")
            }
        }
    }
}
