import GraphCore
import Testing
@testable import CaseWorkflow

/// The panel's main list (issue 18): every open case with its risk as red, amber or yellow.
struct MainListTests {
    @Test func everyOpenCaseIsListedWithItsColourReviewDecisionFlagsAndNRM() throws {
        let fixture = try WorkflowFixture()
        let (_, first) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        _ = try fixture.assess(first, on: "2026-03-09", scaling: 2)
        let (_, second) = try fixture.openCase(child: "CH2", received: "2026-03-03")
        _ = try fixture.assess(second, on: "2026-03-10", scaling: 8)
        try fixture.workflow.recordNRM(case: second, stage: .needsReferral, on: date("2026-03-10"), multiAgencyForum: nil, by: fixture.viewer)
        let panel = try fixture.quoratePanel(on: "2026-03-24")
        try fixture.workflow.recordDecision(panel: panel, case: first, PanelDecisionInput(
            decision: .review, reviewOn: date("2026-05-05"), setFlags: [FlagChange(flag: "cse", owner: "police")]), by: fixture.viewer)
        try fixture.workflow.recordDecision(panel: panel, case: second, PanelDecisionInput(decision: .review, reviewOn: date("2026-04-28")),
                                            by: fixture.viewer)
        // A Wirral case is another authority's list.
        let (_, wirral) = try fixture.openCase(child: "CH3", received: "2026-03-04")

        let list = try fixture.workflow.mainList(area: "E08000012", by: fixture.viewer)
        #expect(list.map(\.caseRef) == [second, first], "soonest review first")
        let red = try #require(list.last)
        #expect(red.colour == .red)
        #expect(red.risk == "merseyside:2")
        #expect(red.riskLabel == "Scaling 2")
        #expect(red.reviewOn == "2026-05-05")
        #expect(red.lastDecision == "review" && red.lastDecisionOn == "2026-03-24" && red.lastPanel == panel)
        #expect(red.flags.contains("cse"))
        let yellow = try #require(list.first)
        #expect(yellow.colour == .yellow)
        #expect(yellow.nrmStage == "needs_referral")
        #expect(try fixture.workflow.mainList(area: nil, by: fixture.viewer).map(\.caseRef).contains(wirral))

        // The partnership maps its levels as it chooses; "none" takes the colour away.
        try fixture.workflow.updateSettings(["riskColours": .object(["2": .string("amber"), "8": .string("none")])], for: "E08000012",
                                            by: fixture.viewer)
        let mapped = try fixture.workflow.mainList(area: "E08000012", by: fixture.viewer)
        #expect(mapped.map(\.colour) == [nil, .amber])
        for bad: JSONValue in [.object(["11": .string("red")]), .object(["2": .string("green")])] {
            #expect(throws: WorkflowError.self) {
                try fixture.workflow.updateSettings(["riskColours": bad], for: "E08000012", by: fixture.viewer)
            }
        }

        // The CSV: a header, then a line a case; a hostile label cannot run as a formula.
        let csv = MainListEntry.csv(mapped)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first == MainListEntry.csvHeader.joined(separator: ","))
        #expect(lines.count == 3)
        #expect(lines.last?.hasPrefix("\(first),E08000012,CH1,Child One,merseyside:2,Scaling 2,amber,2026-05-05,review,2026-03-24,\(panel),") == true,
                "\(lines.last ?? "")")
    }

    @Test func theListIsAuditedNamingEachCase() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        _ = try fixture.workflow.mainList(area: "E08000012", by: fixture.viewer)
        let entry = try #require(try fixture.store.auditEntries(limit: 1).first)
        #expect(entry.records.contains(#""workflow":"main_list""#))
        #expect(entry.records.contains(ceCase))
    }
}
