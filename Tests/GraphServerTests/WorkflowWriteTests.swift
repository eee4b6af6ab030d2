import GraphCore
import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The case workflow's writes through the JSON API: panels, actions, NRM, flags and MARTHR,
/// and the list reads the pages use.
struct WorkflowWriteTests {
    static let quorum = #"""
        {"attendees": [{"name": "P", "agency": "police", "signed_confidentiality": true},
                       {"name": "S", "agency": "childrens_services", "signed_confidentiality": true},
                       {"name": "H", "agency": "health", "signed_confidentiality": true},
                       {"name": "E", "agency": "education", "signed_confidentiality": true}]}
        """#

    @Test func aCoordinatorRunsAPanelThroughTheAPI() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let scheduled = try await coordinator.send(.post, "/api/panels", json: #"""
                {"area": "E08000012", "on": "\#(Self.day(21))", "co_chairs": ["DI Synthetic", "Service manager"]}
                """#)
            #expect(scheduled.status == .created && scheduled.json["panel"] as? String == "PANEL-000002", "\(scheduled.text)")
            let noChairs = try await coordinator.send(.post, "/api/panels", json: #"{"area": "E08000012", "on": "\#(Self.day(21))"}"#)
            #expect(noChairs.status == .badRequest && noChairs.text.contains("co_chairs"), "\(noChairs.text)")
            let badDate = try await coordinator.send(.post, "/api/panels", json: #"{"area": "E08000012", "on": "soon", "co_chairs": ["A"]}"#)
            #expect(badDate.status == .badRequest && badDate.text.contains("on soon is not a date"), "\(badDate.text)")

            // Building the agenda answers with the children on it: like a sensitive view, it
            // needs the session's reason (scheduling, which names no one, does not).
            let unreasoned = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator", reason: nil))
            #expect(try await unreasoned.send(.post, "/api/panels/PANEL-000001/agenda").status == .preconditionRequired)
            #expect(try await unreasoned.send(.post, "/api/alerts/scan", json: "{}").status == .preconditionRequired)
            let agenda = try await coordinator.send(.post, "/api/panels/PANEL-000001/agenda")
            #expect(agenda.status == .ok && agenda.text.contains("CASE-000001"), "\(agenda.text)")
            let sent = try await coordinator.send(.post, "/api/panels/PANEL-000001/agenda/send", json: #"{"recipients": ["DI Synthetic", "Health lead"]}"#)
            #expect(sent.status == .ok && sent.json["on_time"] as? Bool == true, "\(sent.text)")
            let disclosure = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(disclosure.operation == "disclosure" && disclosure.recipients.contains("Health lead"))

            // No business before the panel is quorate (seed 002): the rule is named.
            let early = try await coordinator.send(.put, "/api/panels/PANEL-000001/minutes", json: #"{"minutes": "Plan agreed."}"#)
            #expect(early.status == .badRequest && early.text.contains("not quorate, so it cannot keep minutes"), "\(early.text)")
            let attendance = try await coordinator.send(.post, "/api/panels/PANEL-000001/attendance", json: ServerFixture.quorateAttendanceJSON)
            #expect(attendance.json["quorate"] as? Bool == true, "\(attendance.text)")
            let minutes = try await coordinator.send(.put, "/api/panels/PANEL-000001/minutes",
                                                     json: #"{"minutes": "The panel heard she is putting herself at risk."}"#)
            #expect(minutes.status == .ok, "\(minutes.text)")
            let warnings = minutes.json["language_warnings"] as? [[String: Any]] ?? []
            #expect(warnings.first?["matched"] as? String == "putting herself at risk", "\(minutes.text)")

            let action = try await coordinator.send(.post, "/api/panels/PANEL-000001/actions", json: #"""
                {"text": "Share the school's safety plan", "owner": "education", "due_on": "\#(Self.day(14))", "case": "CASE-000001"}
                """#)
            #expect(action.status == .created && action.json["action"] as? String == "ACT-000001", "\(action.text)")
            let noOwner = try await coordinator.send(.post, "/api/panels/PANEL-000001/actions", json: #"{"text": "x", "due_on": "\#(Self.day(1))"}"#)
            #expect(noOwner.status == .badRequest && noOwner.text.contains("owner"), "\(noOwner.text)")
            let done = try await coordinator.send(.post, "/api/actions/ACT-000001", json: #"{"status": "done", "note": "sent"}"#)
            #expect(done.status == .ok, "\(done.text)")
            let badStatus = try await coordinator.send(.post, "/api/actions/ACT-000001", json: #"{"status": "finished"}"#)
            #expect(badStatus.status == .badRequest && badStatus.text.contains("status"), "\(badStatus.text)")

            let panel = try await coordinator.get("/api/panels/PANEL-000001")
            #expect(panel.text.contains("putting herself at risk") && panel.text.contains("\"done\""), "\(panel.text)")
            let panels = try await coordinator.get("/api/panels?area=E08000012")
            #expect((panels.json["panels"] as? [[String: Any]])?.count == 2, "\(panels.text)")
        }
    }

    @Test func nrmStagesAndFlagsThroughTheAPI() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            #expect(try await coordinator.send(.post, "/api/cases/CASE-000001/nrm", json: #"{"stage": "needs_referral"}"#).status == .ok)
            let skipped = try await coordinator.send(.post, "/api/cases/CASE-000001/nrm", json: #"{"stage": "conclusive_grounds"}"#)
            #expect(skipped.status == .badRequest && skipped.text.contains("field stage"), "\(skipped.text)")
            let unknown = try await coordinator.send(.post, "/api/cases/CASE-000001/nrm", json: #"{"stage": "done"}"#)
            #expect(unknown.status == .badRequest && unknown.text.contains("stage done is not one of"), "\(unknown.text)")
            let referred = try await coordinator.send(.post, "/api/cases/CASE-000001/nrm", json: #"{"stage": "referred", "multi_agency_forum": true}"#)
            #expect(referred.status == .ok, "\(referred.text)")
            #expect(try await coordinator.get("/api/cases/CASE-000001").text.contains("referred"))

            let flagged = try await coordinator.send(.post, "/api/flags", json: #"{"entity": "AD1", "flag": "adult_of_concern", "owner": "police"}"#)
            #expect(flagged.status == .created && (flagged.json["effect"] as? String ?? "").contains("adult_of_concern flag set"), "\(flagged.text)")
            let child = try await coordinator.send(.post, "/api/flags", json: #"{"entity": "CH1", "flag": "cce", "owner": "police"}"#)
            #expect(child.status == .badRequest && child.text.contains("field entity"), "a child's flags come from panel decisions: \(child.text)")
            let removed = try await coordinator.send(.delete, "/api/flags/AD1")
            #expect(removed.status == .ok && removed.text.contains("kept on police systems until"), "\(removed.text)")
        }
    }

    @Test func theMARTHRChairDecidesNominationsAlwaysWithAReason() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let chair = try #require(try await SignedIn.signIn(client, as: "marthr_chair"))
            let scheduled = try await chair.send(.post, "/api/marthr", json: #"{"on": "\#(Self.day(40))", "chair": "DCI Synthetic"}"#)
            #expect(scheduled.status == .created && scheduled.json["marthr"] as? String == "MARTHR-000002", "\(scheduled.text)")
            let nominated = try await chair.send(.post, "/api/marthr/MARTHR-000001/nominations", json: #"""
                {"subject": "AD1", "case": "CASE-000001", "claims": [2], "reasons": ["linked to a child on MACCSE"]}
                """#)
            #expect(nominated.status == .created, "\(nominated.text)")
            let noReasons = try await chair.send(.post, "/api/marthr/MARTHR-000001/nominations", json: #"{"subject": "AD2"}"#)
            #expect(noReasons.status == .badRequest && noReasons.text.contains("field reason"), "\(noReasons.text)")
            let fromQuery = try await chair.send(.post, "/api/marthr/MARTHR-000001/nominations", json: #"{"from_query": true, "top": 3}"#)
            #expect(fromQuery.status == .created && fromQuery.json["nominated"] is [Any], "\(fromQuery.text)")

            for body in [#"{"subject": "AD1", "accept": false}"#, #"{"subject": "AD1", "accept": false, "reason": "   "}"#] {
                let refused = try await chair.send(.post, "/api/marthr/MARTHR-000001/decisions", json: body)
                #expect(refused.status == .badRequest && refused.text.contains("reason"), "\(refused.text)")
            }
            var meeting = try await chair.get("/api/marthr/MARTHR-000001")
            let proposed = (meeting.json["nominations"] as? [[String: Any]])?.first { $0["subject_ref"] as? String == "AD1" }
            #expect(proposed?["status"] as? String == "proposed", "nothing kept from a refused decision: \(meeting.text)")
            let declined = try await chair.send(.post, "/api/marthr/MARTHR-000001/decisions",
                                                json: #"{"subject": "AD1", "accept": false, "reason": "no information suggesting risk beyond MACCSE's plan"}"#)
            #expect(declined.status == .ok && declined.json["status"] as? String == "declined", "\(declined.text)")
            meeting = try await chair.get("/api/marthr/MARTHR-000001")
            #expect(meeting.text.contains("no information suggesting risk"), "\(meeting.text)")

            let action = try await chair.send(.post, "/api/marthr/MARTHR-000001/actions", json: #"""
                {"category": "gather_intelligence", "text": "Check licensing records", "owner": "licensing", "due_on": "\#(Self.day(30))", "subject": "AD1"}
                """#)
            #expect(action.status == .created, "\(action.text)")
            let noCategory = try await chair.send(.post, "/api/marthr/MARTHR-000001/actions", json: #"""
                {"text": "x", "owner": "police", "due_on": "\#(Self.day(30))"}
                """#)
            #expect(noCategory.status == .badRequest && noCategory.text.contains("category"), "\(noCategory.text)")

            let cawn = #"{"subject": "AD1", "tool": "cawn", "served_on": "\#(Self.day(0))", "meeting": "MARTHR-000001""#
            let noChild = try await chair.send(.post, "/api/disruptions", json: cawn + "}")
            #expect(noChild.status == .badRequest && noChild.text.contains("field child"), "\(noChild.text)")
            let served = try await chair.send(.post, "/api/disruptions", json: cawn + #", "child": "CH1"}"#)
            #expect(served.status == .created && served.json["disruption"] as? String == "DISR-000001", "\(served.text)")
            #expect(try await chair.send(.post, "/api/disruptions/DISR-000001/outcome", json: #"{"outcome": "complied"}"#).status == .ok)
            let register = try await chair.get("/api/disruptions")
            #expect(register.text.contains("DISR-000001") && register.text.contains("complied"), "\(register.text)")

            let feedback = try await chair.send(.post, "/api/marthr/MARTHR-000001/feedback",
                                                json: #"{"case": "CASE-000001", "text": "Partners heard she is putting herself at risk."}"#)
            #expect(feedback.status == .created && !((feedback.json["language_warnings"] as? [Any]) ?? []).isEmpty, "\(feedback.text)")
            let meetings = try await chair.get("/api/marthr")
            #expect((meetings.json["meetings"] as? [[String: Any]])?.count == 2, "\(meetings.text)")
        }
    }

    @Test func listsShowWhatEachRoleMaySee() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let cases = try await analyst.get("/api/cases?area=E08000012&status=open")
            #expect(Set((cases.json["cases"] as? [[String: Any]] ?? []).compactMap { $0["ref"] as? String }) == ["CASE-000001", "CASE-000002"])
            #expect(try await analyst.get("/api/cases?status=maybe").status == .badRequest)
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect((try await member.get("/api/panels").json["panels"] as? [[String: Any]])?.compactMap { $0["ref"] as? String } == ["PANEL-000001"])
            let other = try #require(try await SignedIn.signIn(client, as: "wirral_member"))
            #expect((try await other.get("/api/panels").json["panels"] as? [Any])?.isEmpty == true)
        }
    }

    /// The workflow's writes: method, address, the roles allowed, and what an allowed role's
    /// empty body gets (400, or 200 for the writes that need no input).
    static let writes: [(HTTPRequest.Method, String, Set<String>, HTTPResponse.Status)] = {
        // The coordinators of the case work: the police's CCSET coordinator and the local
        // authority's MACCSE coordinator; flags and alerts are the police's alone.
        let coordinator: Set<String> = ["ccset_coordinator", "maccse_coordinator"], police: Set<String> = ["ccset_coordinator"]
        let chair: Set<String> = ["marthr_chair"]
        let both: Set<String> = ["ccset_coordinator", "marthr_chair"]
        let actionUpdaters: Set<String> = ["ccset_coordinator", "marthr_chair", "maccse_coordinator", "panel_member"]
        return [
            (.post, "/api/panels", coordinator, .badRequest),
            (.post, "/api/panels/PANEL-000001/agenda/send", coordinator, .ok),
            (.put, "/api/panels/PANEL-000001/minutes", coordinator, .badRequest),
            (.post, "/api/panels/PANEL-000001/cancel", coordinator, .badRequest),
            (.post, "/api/panels/PANEL-000001/actions", coordinator, .badRequest),
            (.post, "/api/actions/ACT-000001", actionUpdaters, .badRequest),
            (.post, "/api/cases/CASE-000001/nrm", coordinator, .badRequest),
            (.post, "/api/flags", police, .badRequest),
            (.delete, "/api/flags/AD1", police, .ok),
            (.post, "/api/marthr", both, .badRequest),
            (.post, "/api/marthr/MARTHR-000001/nominations", both, .badRequest),
            (.post, "/api/marthr/MARTHR-000001/actions", chair, .badRequest),
            (.post, "/api/marthr/MARTHR-000001/feedback", chair, .badRequest),
            (.post, "/api/disruptions", both, .badRequest),
            (.post, "/api/disruptions/DISR-000001/outcome", both, .badRequest),
            (.post, "/api/panels/PANEL-000001/agenda", coordinator, .ok),
            (.post, "/api/referrals/REF-000001/screening", coordinator, .badRequest),
            (.post, "/api/cases/CASE-000001/strategy-meeting", coordinator, .badRequest),
            (.post, "/api/panels/PANEL-000001/deferrals", coordinator, .badRequest),
            (.post, "/api/panels/PANEL-000001/perpetrators", both, .badRequest),
            (.post, "/api/cases/CASE-000001/next-agenda", coordinator, .badRequest),
            (.post, "/api/missing", coordinator, .badRequest),
            (.post, "/api/placements", coordinator, .badRequest),
            (.post, "/api/notifications", coordinator, .badRequest),
            (.post, "/api/notifications/scan", coordinator, .ok),
            (.post, "/api/notifications/NOT-000001/done", coordinator, .badRequest),
            (.post, "/api/cases/CASE-000001/handover", coordinator, .badRequest),
            (.post, "/api/cases/CASE-000001/transitions-plan", coordinator, .ok),
            (.post, "/api/alerts/scan", police, .ok),
            (.post, "/api/alerts/1/review", police, .badRequest),
            (.put, "/api/settings", ["admin", "ccset_coordinator", "maccse_coordinator"], .badRequest),
        ]
    }()

    /// Every role on every new write: a role that may not write is refused (403) before its
    /// input is read; a role that may gets its empty input refused as bad (400), or, for the
    /// writes that need no input, done.
    @Test func everyRoleOnEveryWorkflowWrite() async throws {
        let fixture = try ServerFixture()
        let writes = Self.writes
        try await fixture.application.test(.router) { client in
            for (method, uri, _, _) in writes {
                let signedOut = try await client.executeRequest(uri: uri, method: method, headers: [.contentType: "application/json"],
                                                                body: ByteBuffer(string: "{}"))
                #expect(signedOut.status == .unauthorized, "signed out: \(uri)")
            }
            for role in Role.allCases.map(\.rawValue) {
                let session = try #require(try await SignedIn.signIn(client, as: role))
                for (method, uri, allowed, expectedForAllowed) in writes {
                    let response = try await session.send(method, uri, json: "{}")
                    let expected: HTTPResponse.Status = allowed.contains(role) ? expectedForAllowed : .forbidden
                    #expect(response.status == expected, "\(role) \(method) \(uri): \(response.status) \(response.text.prefix(100))")
                    let forged = try await session.send(method, uri, csrf: false, json: "{}")
                    #expect(forged.status == .forbidden, "\(role) \(uri) without the CSRF token")
                }
            }
        }
    }

    /// A day counted from today, as `YYYY-MM-DD`.
    static func day(_ offset: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
    }
}
