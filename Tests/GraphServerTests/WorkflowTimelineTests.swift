import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The front door and the case's timeline through the JSON API: referrals and screening,
/// the strategy meeting, transitions plans, alerts, flags and the partnership's settings.
struct WorkflowTimelineTests {
    /// A child turning 18 in about three months (inside the six-month transitions window).
    static var nearlyEighteen: String {
        #"{"record":"entity","id":"CH7","kind":"child","name":"Synthetic Child Seven","dob":"\#(WorkflowWriteTests.day(90 - 18 * 365 - 4))","area":"E08000012"}"#
    }

    @Test func theFrontDoorScreensAndTheCaseKeepsItsTimeline() async throws {
        let fixture = try ServerFixture(extraLines: [Self.nearlyEighteen])
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let referrals = try await coordinator.get("/api/referrals?area=E08000012")
            let refs = (referrals.json["referrals"] as? [[String: Any]] ?? []).compactMap { $0["ref"] as? String }
            #expect(Set(refs) == ["REF-000001", "REF-000002"], "\(referrals.text)")
            let none = try await coordinator.get("/api/referrals?from=2001-01-01&to=2001-12-31")
            #expect((none.json["referrals"] as? [Any])?.isEmpty == true, "\(none.text)")
            let badDate = try await coordinator.get("/api/referrals?from=yesterday")
            #expect(badDate.status == .badRequest && badDate.text.contains("from yesterday is not a date"), "\(badDate.text)")
            let backwards = try await coordinator.get("/api/referrals?from=2026-02-01&to=2026-01-01")
            #expect(backwards.status == .badRequest, "\(backwards.text)")
            // A role that may not list referrals is refused before its dates are read.
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.get("/api/referrals?from=yesterday").status == .forbidden)

            let received = try await coordinator.send(.post, "/api/referrals", json: #"""
                {"child": "CH7", "received_on": "\#(WorkflowWriteTests.day(-1))", "referrer": "Duty worker", "agency": "education", "concern": "cce"}
                """#)
            #expect(received.status == .created, "\(received.text)")
            let ref = try #require(received.json["referral"] as? String, "\(received.text)")
            let badOutcome = try await coordinator.send(.post, "/api/referrals/\(ref)/screening", json: #"{"outcome": "maybe"}"#)
            #expect(badOutcome.status == .badRequest && badOutcome.text.contains("outcome maybe is not one of"), "\(badOutcome.text)")
            let early = try await coordinator.send(.post, "/api/referrals/\(ref)/screening",
                                                   json: #"{"outcome": "section_47", "on": "\#(WorkflowWriteTests.day(-3))"}"#)
            #expect(early.status == .badRequest && early.text.contains("before it was received"), "\(early.text)")
            let screened = try await coordinator.send(.post, "/api/referrals/\(ref)/screening", json: #"{"outcome": "section_47"}"#)
            #expect(screened.status == .ok && screened.json["outcome"] as? String == "section_47", "\(screened.text)")
            let unknown = try await coordinator.send(.post, "/api/referrals/REF-404404/screening", json: #"{"outcome": "section_47"}"#)
            #expect(unknown.status == .notFound && unknown.text.contains("no referral REF-404404"), "\(unknown.text)")

            let opened = try await coordinator.send(.post, "/api/cases", json: #"{"referral": "\#(ref)"}"#)
            #expect(opened.status == .created, "\(opened.text)")
            let ceCase = try #require(opened.json["case"] as? String, "\(opened.text)")
            let undecided = try await coordinator.send(.post, "/api/cases/\(ceCase)/strategy-meeting", json: "{}")
            #expect(undecided.status == .badRequest && undecided.text.contains("decisions"), "\(undecided.text)")
            let met = try await coordinator.send(.post, "/api/cases/\(ceCase)/strategy-meeting", json: #"""
                {"section_47": true, "attendees": ["DS Synthetic:police", "Manager Synthetic:childrens_services"],
                 "decisions": ["joint_visit", "abe_interview"], "no_conference_reason": "Child in need plan agreed",
                 "flags": ["cce:police"]}
                """#)
            #expect(met.status == .ok && met.json["meeting"] as? String == "SM-000002", "\(met.text)")
            let shown = try await coordinator.get("/api/cases/\(ceCase)")
            #expect(shown.json["strategy_meeting_on"] as? String == WorkflowWriteTests.day(0), "\(shown.text)")
            let meetings = shown.json["strategy_meetings"] as? [[String: Any]] ?? []
            #expect(meetings.first?["decisions"] as? [String] == ["joint_visit", "abe_interview"], "\(shown.text)")
            #expect((meetings.first?["flags_set"] as? [[String: Any]])?.first?["flag"] as? String == "cce")

            var transitions = try await coordinator.get("/api/transitions?area=E08000012")
            var row = (transitions.json["transitions"] as? [[String: Any]])?.first { $0["case"] as? String == ceCase }
            #expect(row?["child"] as? String == "CH7" && row?["transitions_plan_on"] is NSNull, "\(transitions.text)")
            #expect((transitions.json["transitions"] as? [[String: Any]])?.contains { $0["child"] as? String == "CH1" } == false,
                    "a child without a date of birth near 18 is not listed: \(transitions.text)")
            let planned = try await coordinator.send(.post, "/api/cases/\(ceCase)/transitions-plan", json: "{}")
            #expect(planned.status == .ok, "\(planned.text)")
            transitions = try await coordinator.get("/api/transitions?area=E08000012")
            row = (transitions.json["transitions"] as? [[String: Any]])?.first { $0["case"] as? String == ceCase }
            #expect(row?["transitions_plan_on"] as? String == WorkflowWriteTests.day(0), "\(transitions.text)")
            let closed = try await coordinator.send(.post, "/api/cases/CASE-404404/strategy-meeting", json: "{}")
            #expect(closed.status == .notFound && closed.text.contains("CASE-404404"), "\(closed.text)")
        }
    }

    @Test func alertsAreRaisedOnceAndReviewedWithANote() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let scan = try await coordinator.send(.post, "/api/alerts/scan", json: #"{"since": "2000-01-01"}"#)
            let raised = scan.json["raised"] as? [[String: Any]] ?? []
            #expect(scan.status == .ok && raised.contains { $0["kind"] as? String == "adult_newly_linked_to_child" }, "\(scan.text)")
            let again = try await coordinator.send(.post, "/api/alerts/scan", json: #"{"since": "2000-01-01"}"#)
            #expect((again.json["raised"] as? [Any])?.isEmpty == true, "each finding is raised once: \(again.text)")

            let open = try await coordinator.get("/api/alerts")
            let alerts = open.json["alerts"] as? [[String: Any]] ?? []
            #expect(alerts.count == raised.count, "\(open.text)")
            let id = try #require(alerts.first?["id"].map { "\($0)" }, "\(open.text)")
            let noNote = try await coordinator.send(.post, "/api/alerts/\(id)/review", json: "{}")
            #expect(noNote.status == .badRequest && noNote.text.contains("note"), "\(noNote.text)")
            let reviewed = try await coordinator.send(.post, "/api/alerts/\(id)/review", json: #"{"note": "Known to the panel; no new risk", "dismiss": true}"#)
            #expect(reviewed.status == .ok && reviewed.json["status"] as? String == "dismissed", "\(reviewed.text)")
            let dismissed = try await coordinator.get("/api/alerts?status=dismissed")
            #expect((dismissed.json["alerts"] as? [Any])?.count == 1, "\(dismissed.text)")
            #expect((try await coordinator.get("/api/alerts").json["alerts"] as? [Any])?.count == raised.count - 1)
            #expect(try await coordinator.get("/api/alerts?status=closed").status == .badRequest)
            #expect(try await coordinator.send(.post, "/api/alerts/notanumber/review", json: #"{"note": "x"}"#).status == .notFound)
            let entry = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(entry.operation == "consultation" && entry.actor == "ccset_coordinator")
        }
    }

    @Test func flagsOnARecordAndTheSettingsInForce() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            #expect(try await coordinator.send(.post, "/api/flags", json: #"{"entity": "AD1", "flag": "adult_of_concern", "owner": "police"}"#).status == .created)
            let flags = try await coordinator.get("/api/flags/AD1")
            let flag = (flags.json["flags"] as? [[String: Any]])?.first
            #expect(flag?["flag"] as? String == "adult_of_concern" && (flag?["present"] as? NSNumber)?.boolValue == true, "\(flags.text)")
            #expect(try await coordinator.get("/api/flags/AD404").status == .notFound)

            let settings = try await coordinator.get("/api/settings?area=E08000012")
            #expect(settings.status == .ok && settings.json["agendaDaysBefore"] != nil, "\(settings.text)")
            let changed = try await coordinator.send(.put, "/api/settings", json: #"{"area": "E08000012", "settings": {"agendaDaysBefore": 5}}"#)
            #expect(changed.status == .ok && changed.json["agendaDaysBefore"] as? Int == 5, "\(changed.text)")
            #expect(try await coordinator.get("/api/settings?area=E08000012").json["agendaDaysBefore"] as? Int == 5)
            #expect(try await coordinator.get("/api/settings?area=E08000015").json["agendaDaysBefore"] as? Int != 5,
                    "another authority keeps its own")
            let unknown = try await coordinator.send(.put, "/api/settings", json: #"{"settings": {"agendaDays": 5}}"#)
            #expect(unknown.status == .badRequest && unknown.text.contains("no setting named agendaDays"), "\(unknown.text)")
            let notObject = try await coordinator.send(.put, "/api/settings", json: #"{"settings": 5}"#)
            #expect(notObject.status == .badRequest && notObject.text.contains("give settings"), "\(notObject.text)")
            let badArea = try await coordinator.send(.put, "/api/settings", json: #"{"area": "X99", "settings": {"agendaDaysBefore": 5}}"#)
            #expect(badArea.status == .badRequest, "\(badArea.text)")
        }
    }
}
