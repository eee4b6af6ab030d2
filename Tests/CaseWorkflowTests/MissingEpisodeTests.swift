import GraphCore
import GraphQuery
import Testing
@testable import CaseWorkflow

/// Missing episodes as records (issue 19; seeds 002 §11–13, 003 §3).
struct MissingEpisodeTests {
    @Test func aChildFoundAtAPlaceIsLinkedToItAndTheReturnInterviewIsDue() throws {
        let fixture = try WorkflowFixture()
        let first = try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-01"), from: .care),
                                                       by: fixture.viewer)
        #expect(first.isNew && first.ref == "MISS-000001" && first.timesInWindow == 1)
        // Found on Thursday 2 April 2026 at LO2, with an adult; the episode open is updated.
        let found = try fixture.workflow.recordMissing(MissingInput(child: "CH1", foundOn: date("2026-04-02"), foundAt: "LO2",
                                                                    foundWith: "an older male"), by: fixture.viewer)
        #expect(!found.isNew && found.ref == first.ref)
        let episode = try #require(try fixture.workflow.missingEpisodes(child: "CH1", by: fixture.viewer).first)
        #expect(episode.foundOn == "2026-04-02" && episode.foundAtRef == "LO2" && episode.missingFrom == .care)
        // The place became a dated found_at link resting on the episode's record.
        let snapshot = try QueryEngine(store: fixture.store).snapshot()
        let links = (0..<Int32(snapshot.linkCount)).filter { link in
            let (a, b) = snapshot.ends(link)
            return snapshot.linkKind(link) == .foundAt && Set([snapshot.ref(a), snapshot.ref(b)]) == ["CH1", "LO2"]
        }
        #expect(links.count == 1)
        // 72 hours from Thursday: due Sunday 5 April; late on Tuesday 7 April, after Easter Monday.
        func interview(on day: String) throws -> TimescaleItem? {
            try fixture.workflow.timescales(on: date(day), area: "E08000012", by: fixture.viewer).first { $0.kind == "return_interview" }
        }
        #expect(try interview(on: "2026-04-05") == nil)
        let late = try #require(try interview(on: "2026-04-07"))
        #expect(late.due == date("2026-04-05") && late.ref == first.ref && late.child == "CH1")
        // Offered is not enough; done ends it.
        try fixture.workflow.recordMissing(MissingInput(child: "CH1", episode: first.ref, interview: .offered), by: fixture.viewer)
        #expect(try interview(on: "2026-04-07") != nil)
        try fixture.workflow.recordMissing(MissingInput(child: "CH1", episode: first.ref, interview: .done, interviewOn: date("2026-04-07"),
                                                        interviewBy: "Missing coordinator"), by: fixture.viewer)
        #expect(try interview(on: "2026-04-08") == nil)
    }

    @Test func aChildMissingAgainWithinTheWindowJoinsTheirCasesNextAgenda() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        _ = try fixture.assess(ceCase, on: "2026-03-09")
        let panel = try fixture.quoratePanel(on: "2026-03-24")
        try fixture.workflow.recordDecision(panel: panel, case: ceCase, PanelDecisionInput(decision: .review), by: fixture.viewer)
        let once = try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-01")), by: fixture.viewer)
        #expect(once.addedToAgenda == nil)
        try fixture.workflow.recordMissing(MissingInput(child: "CH1", foundOn: date("2026-04-02")), by: fixture.viewer)
        let twice = try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-20")), by: fixture.viewer)
        #expect(twice.timesInWindow == 2 && twice.addedToAgenda == ceCase)
        let next = try fixture.quoratePanel(on: "2026-04-28")
        let item = try #require(try fixture.workflow.panel(next, by: fixture.viewer).agenda.first { $0.item == "added" })
        #expect(item.reason.contains("reported missing 2 times") && item.reason.contains("missing risk assessment"), "\(item.reason)")
        // Outside the window (90 days by default) it is a first time again.
        try fixture.workflow.recordMissing(MissingInput(child: "CH1", foundOn: date("2026-04-21")), by: fixture.viewer)
        let later = try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-09-01")), by: fixture.viewer)
        #expect(later.timesInWindow == 1 && later.addedToAgenda == nil)
    }

    @Test func badEpisodesAreRefusedNamingTheFieldAndWriteNothing() throws {
        let fixture = try WorkflowFixture()
        let episode = try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-10")), by: fixture.viewer)
        let before = try fixture.auditCount()
        func field(_ input: MissingInput) -> String? {
            do {
                try fixture.workflow.recordMissing(input, by: fixture.viewer)
                return nil
            } catch let error as WorkflowError {
                return error.field
            } catch {
                return "\(error)"
            }
        }
        #expect(field(MissingInput(child: "CH2", foundOn: date("2026-04-11"))) == "reported", "CH2 has no episode open")
        #expect(field(MissingInput(child: "CH1", foundOn: date("2026-04-09"))) == "found", "found before reported")
        #expect(field(MissingInput(child: "CH1", foundOn: date("2026-04-11"), foundAt: "AD1")) == "found_at", "not a place")
        #expect(field(MissingInput(child: "CH1", foundAt: "LO1")) == "found", "where but not when")
        #expect(field(MissingInput(child: "CH1", interview: .done)) == "interview", "not found yet")
        #expect(field(MissingInput(child: "CH2", episode: episode.ref, foundOn: date("2026-04-11"))) == "episode", "another child's")
        #expect(field(MissingInput(child: "AD1", reportedOn: date("2026-04-10"))) == "child")
        #expect(try fixture.auditCount() == before)
    }

    @Test func theDailyListStartsAtThePreviousWorkingDay() throws {
        let fixture = try WorkflowFixture()
        for (child, day) in [("CH1", "2026-04-09"), ("CH2", "2026-04-10"), ("CH3", "2026-04-12")] {
            try fixture.workflow.recordMissing(MissingInput(child: child, reportedOn: date(day)), by: fixture.viewer)
        }
        // Monday 13 April 2026: the list starts on Friday 10 April.
        let since = try fixture.workflow.previousWorkingDay(before: date("2026-04-13"), area: "E08000012")
        #expect(since == date("2026-04-10"))
        #expect(try fixture.workflow.missingReported(since: since, area: nil, by: fixture.viewer).map(\.childRef) == ["CH2", "CH3"])
        // Liverpool's list leaves out CH3, a Wirral child.
        #expect(try fixture.workflow.missingReported(since: since, area: "E08000012", by: fixture.viewer).map(\.childRef) == ["CH2"])
    }
}
