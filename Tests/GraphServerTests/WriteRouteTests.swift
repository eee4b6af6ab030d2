import GraphCore
import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Intelligence entry and the workflow's writes through the API.
struct WriteRouteTests {
    static let report = #"""
        {"intel": {"id": "IN-NEW", "date": "2026-03-01", "source_evaluation": "2", "intelligence_assessment": "B",
                   "handling_code": "P", "text": "Seen together; she is putting herself at risk."},
         "entities": [{"id": "VE9", "kind": "vehicle", "vrm": "zz99 zzz"}],
         "links": [{"from": "AD1", "to": "VE9", "kind": "drives", "first_seen": "2026-02-28"}]}
        """#

    @Test func aCoordinatorEntersGradedIntelligenceAndIsWarnedAboutLanguage() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let response = try await coordinator.send(.post, "/api/intel", json: Self.report)
            #expect(response.status == .created, "\(response.text)")
            let warnings = response.json["language_warnings"] as? [[String: Any]] ?? []
            #expect(warnings.first?["matched"] as? String == "putting herself at risk")
            let vehicle = try await coordinator.get("/api/entities/VE9")
            #expect(vehicle.status == .ok && vehicle.text.contains("ZZ99ZZZ") && vehicle.text.contains("IN-NEW"))
            // Without the CSRF token nothing is written.
            let forged = try await coordinator.send(.post, "/api/intel", csrf: false, json: Self.report.replacingOccurrences(of: "IN-NEW", with: "IN-FORGED"))
            #expect(forged.status == .forbidden)
            // A bad grading is refused, naming it, and nothing from the entry is kept.
            let bad = try await coordinator.send(.post, "/api/intel", json: Self.report.replacingOccurrences(of: "IN-NEW", with: "IN-BAD")
                .replacingOccurrences(of: #""intelligence_assessment": "B""#, with: #""intelligence_assessment": "Q""#)
                .replacingOccurrences(of: "VE9", with: "VE10"))
            #expect(bad.status == .badRequest && bad.text.contains("intelligence_assessment"), "\(bad.text)")
            #expect(try await coordinator.get("/api/entities/VE10").status == .notFound)
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.send(.post, "/api/intel", json: Self.report).status == .forbidden)
        }
    }

    @Test func theWorkflowThroughTheAPI() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let referral = try await coordinator.send(.post, "/api/referrals", json: #"""
                {"child": "CH2", "referrer": "School nurse", "agency": "health", "concern": "cse", "note": "He is streetwise."}
                """#)
            #expect(referral.status == .created, "\(referral.text)")
            #expect((referral.json["language_warnings"] as? [Any])?.count == 1)
            // A panel that is not quorate cannot decide.
            let refused = try await coordinator.send(.post, "/api/panels/PANEL-000001/decisions", json: #"{"case": "CASE-000001", "decision": "review"}"#)
            #expect(refused.status == .badRequest && refused.text.contains("not quorate"), "\(refused.text)")
            let attendance = try await coordinator.send(.post, "/api/panels/PANEL-000001/attendance", json: ServerFixture.quorateAttendanceJSON)
            #expect(attendance.json["quorate"] as? Bool == true, "\(attendance.text)")
            let decided = try await coordinator.send(.post, "/api/panels/PANEL-000001/decisions", json: #"""
                {"case": "CASE-000001", "decision": "review", "set_flags": [{"flag": "cce", "owner": "police"}]}
                """#)
            #expect(decided.status == .created, "\(decided.text)")
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.send(.post, "/api/referrals", json: "{}").status == .forbidden)
            let chair = try #require(try await SignedIn.signIn(client, as: "marthr_chair"))
            let noMeeting = try await chair.send(.post, "/api/marthr/MARTHR-999999/decisions",
                                                 json: #"{"subject": "AD1", "accept": true, "reason": "criterion 2"}"#)
            #expect(noMeeting.status == .notFound && noMeeting.text.contains("no MARTHR meeting"))
        }
    }
}

extension WriteRouteTests {
    /// Every role on every write: a role that may not write is refused (403) before its
    /// input is read; a role that may gets its empty input refused as bad (400).
    @Test func everyRoleOnEveryWrite() async throws {
        let fixture = try ServerFixture()
        let writes: [(String, Set<String>)] = [
            ("/api/intel", ["ccset_coordinator", "analyst"]),
            ("/api/lint", ["ccset_coordinator", "analyst", "marthr_chair", "maccse_coordinator"]),
            ("/api/referrals", ["ccset_coordinator", "maccse_coordinator"]),
            ("/api/cases", ["ccset_coordinator", "maccse_coordinator"]),
            ("/api/cases/CASE-000001/assessments", ["ccset_coordinator", "maccse_coordinator"]),
            ("/api/panels/PANEL-000001/attendance", ["ccset_coordinator", "maccse_coordinator"]),
            ("/api/panels/PANEL-000001/decisions", ["ccset_coordinator", "maccse_coordinator"]),
            ("/api/marthr/MARTHR-000001/decisions", ["marthr_chair"]),
        ]
        try await fixture.application.test(.router) { client in
            for (uri, _) in writes {
                let signedOut = try await client.executeRequest(uri: uri, method: .post, headers: [.contentType: "application/json"],
                                                                body: ByteBuffer(string: "{}"))
                #expect(signedOut.status == .unauthorized, "signed out: \(uri)")
            }
            for role in Role.allCases.map(\.rawValue) {
                let session = try #require(try await SignedIn.signIn(client, as: role))
                for (uri, allowed) in writes {
                    let response = try await session.send(.post, uri, json: "{}")
                    let expected: HTTPResponse.Status = allowed.contains(role) ? .badRequest : .forbidden
                    #expect(response.status == expected, "\(role) \(uri): \(response.status) \(response.text.prefix(100))")
                }
            }
        }
    }
}
