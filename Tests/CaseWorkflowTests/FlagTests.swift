import GraphCore
import Testing
@testable import CaseWorkflow

struct FlagTests {
    func present(_ fixture: WorkflowFixture, _ id: String, on day: String) throws -> [String] {
        try fixture.workflow.flags(on: id, asOf: date(day), by: fixture.viewer)
            .compactMap { $0.objectValue }.filter { $0["present"] == .number("1") }
            .map { "\($0["flag"]!.stringValue!):\($0["owner_agency"]!.stringValue!)" }
    }

    @Test func aPoliceFlagRemovedByThePanelStaysSixMonths() throws {
        let fixture = try WorkflowFixture()
        let (ceCase, march) = try fixture.caseOnMarchPanel()
        try fixture.workflow.recordDecision(panel: march, case: ceCase, PanelDecisionInput(
            decision: .review, setFlags: [FlagChange(flag: "cce", owner: "police"), FlagChange(flag: "cce", owner: "childrens_services")]),
                                            by: fixture.viewer)
        #expect(try present(fixture, "CH1", on: "2026-03-25").sorted() == ["cce:childrens_services", "cce:police"])
        let june = try fixture.quoratePanel(on: "2026-06-16")
        let effects = try fixture.workflow.recordDecision(panel: june, case: ceCase, PanelDecisionInput(decision: .remove), by: fixture.viewer)
        #expect(effects.contains("cce flag (police) removed, kept on police systems until 2026-12-16"))
        // Children's services' flag goes at once; the police flag is still present for six
        // months, to the end of the day it expires.
        #expect(try present(fixture, "CH1", on: "2026-06-17") == ["cce:police"])
        #expect(try present(fixture, "CH1", on: "2026-12-16") == ["cce:police"])
        #expect(try present(fixture, "CH1", on: "2026-12-17") == [])
    }

    @Test func thePanelCanKeepThePoliceFlagLongerAndTheRetentionIsASetting() throws {
        let fixture = try WorkflowFixture()
        try fixture.workflow.updateSettings(["policeFlagRetentionMonths": .number("3")], for: "E08000012", by: fixture.viewer)
        let (_, first) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let (_, second) = try fixture.openCase(child: "CH2", received: "2026-03-02")
        _ = try fixture.assess(first, on: "2026-03-09")
        _ = try fixture.assess(second, on: "2026-03-09")
        let march = try fixture.quoratePanel(on: "2026-03-24")
        for ceCase in [first, second] {
            try fixture.workflow.recordDecision(panel: march, case: ceCase, PanelDecisionInput(
                decision: .review, setFlags: [FlagChange(flag: "cce", owner: "police")]), by: fixture.viewer)
        }
        let june = try fixture.quoratePanel(on: "2026-06-16")
        try fixture.workflow.recordDecision(panel: june, case: first, PanelDecisionInput(decision: .remove), by: fixture.viewer)
        try fixture.workflow.recordDecision(panel: june, case: second, PanelDecisionInput(
            decision: .removeKeepPoliceFlag, policeFlagUntil: date("2027-01-31")), by: fixture.viewer)
        #expect(try present(fixture, "CH1", on: "2026-09-16") == ["cce:police"])
        #expect(try present(fixture, "CH1", on: "2026-09-17") == [])
        #expect(try present(fixture, "CH2", on: "2027-01-31") == ["cce:police"])
        #expect(try present(fixture, "CH2", on: "2027-02-01") == [])
        // Keeping the police flag needs its date, after the meeting.
        let (_, third) = try fixture.openCase(child: "CH3", received: "2026-05-04")
        _ = try fixture.assess(third, on: "2026-05-11")
        let wirral = try fixture.quoratePanel(on: "2026-06-16", area: "E08000015")
        for until in [nil, date("2026-06-16")] {
            let error = try #require(throws: WorkflowError.self) {
                try fixture.workflow.recordDecision(panel: wirral, case: third, PanelDecisionInput(
                    decision: .removeKeepPoliceFlag, policeFlagUntil: until), by: fixture.viewer)
            }
            #expect(error.field == "police_flag_until")
        }
    }

    @Test func adultsAndLocationsAreFlaggedByCoordinatorsAndChildrenOnlyThroughPanels() throws {
        let fixture = try WorkflowFixture()
        _ = try fixture.workflow.setFlag(on: "LO1", FlagChange(flag: "location_of_concern", owner: "police"), on: date("2026-03-02"),
                                         review: nil, by: fixture.viewer)
        _ = try fixture.workflow.setFlag(on: "AD1", FlagChange(flag: "adult_of_concern", owner: "police"), on: date("2026-03-02"),
                                         review: nil, by: fixture.viewer)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.setFlag(on: "CH1", FlagChange(flag: "cse", owner: "police"), on: date("2026-03-02"), review: nil, by: fixture.viewer)
        }
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.setFlag(on: "LO1", FlagChange(flag: "location_of_concern", owner: "police"), on: date("2026-03-03"),
                                         review: nil, by: fixture.viewer)
        }
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.setFlag(on: "LO2", FlagChange(flag: "cse", owner: "police"), on: date("2026-03-03"), review: nil, by: fixture.viewer)
        }
        let effects = try fixture.workflow.removeFlags(on: "LO1", on: date("2026-04-01"), by: fixture.viewer)
        #expect(effects == ["location_of_concern flag (police) removed, kept on police systems until 2026-10-01"])
    }
}

extension FlagTests {
    @Test func aReviewDecisionMovesTheChildsFlagReviewsWithIt() throws {
        let fixture = try WorkflowFixture()
        let (ceCase, march) = try fixture.caseOnMarchPanel()
        try fixture.workflow.recordDecision(panel: march, case: ceCase, PanelDecisionInput(
            decision: .review, setFlags: [FlagChange(flag: "cce", owner: "police")]), by: fixture.viewer)
        let june = try fixture.quoratePanel(on: "2026-06-16")
        try fixture.workflow.recordDecision(panel: june, case: ceCase, PanelDecisionInput(decision: .review, reviewOn: date("2026-08-11")),
                                            by: fixture.viewer)
        let flag = try fixture.workflow.flags(on: "CH1", asOf: date("2026-06-17"), by: fixture.viewer).first?.objectValue
        #expect(flag?["review_on"]?.stringValue == "2026-08-11")
        #expect(try fixture.workflow.timescales(on: date("2026-07-01"), area: "E08000012", by: fixture.viewer)
            .allSatisfy { $0.kind != "flag_review" })
        #expect(try fixture.workflow.panel(june, by: fixture.viewer).status == "held")
    }
}

extension FlagTests {
    @Test func flagsNameThePanelThatSetAndRemovedThem() throws {
        let fixture = try WorkflowFixture()
        let (ceCase, march) = try fixture.caseOnMarchPanel()
        try fixture.workflow.recordDecision(panel: march, case: ceCase, PanelDecisionInput(
            decision: .review, setFlags: [FlagChange(flag: "cse", owner: "police")]), by: fixture.viewer)
        let june = try fixture.quoratePanel(on: "2026-06-16")
        try fixture.workflow.recordDecision(panel: june, case: ceCase, PanelDecisionInput(decision: .remove), by: fixture.viewer)
        let flag = try #require(try fixture.workflow.flags(on: "CH1", asOf: date("2026-06-17"), by: fixture.viewer).first?.objectValue)
        #expect(flag["set_at_panel"]?.stringValue == march)
        #expect(flag["removed_at_panel"]?.stringValue == june)
    }

    @Test func afterAgenciesCouldNotEngageTheFlagsStayUntilTheirOwnersRemoveThem() throws {
        let fixture = try WorkflowFixture()
        let (ceCase, march) = try fixture.caseOnMarchPanel()
        try fixture.workflow.recordDecision(panel: march, case: ceCase, PanelDecisionInput(
            decision: .review, setFlags: [FlagChange(flag: "cce", owner: "childrens_services")]), by: fixture.viewer)
        // While the case is open only the panel removes the child's flags.
        #expect(throws: WorkflowError.self) { try fixture.workflow.removeFlags(on: "CH1", on: date("2026-04-01"), by: fixture.viewer) }
        let june = try fixture.quoratePanel(on: "2026-06-16")
        let effects = try fixture.workflow.recordDecision(panel: june, case: ceCase, PanelDecisionInput(
            decision: .closedUnableToEngage, reason: "no agency could make contact"), by: fixture.viewer)
        #expect(effects.contains("the child's flags stay with their owners for review"))
        #expect(try present(fixture, "CH1", on: "2026-06-17") == ["cce:childrens_services"])
        let removed = try fixture.workflow.removeFlags(on: "CH1", on: date("2026-07-01"), by: fixture.viewer)
        #expect(removed == ["cce flag (childrens_services) removed"])
    }

    @Test func aVehicleCanBeFlaggedAsOfConcern() throws {
        let fixture = try WorkflowFixture()
        _ = try fixture.workflow.setFlag(on: "VE1", FlagChange(flag: "vehicle_of_concern", owner: "police"), on: date("2026-03-02"),
                                         review: nil, by: fixture.viewer)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.setFlag(on: "VE1", FlagChange(flag: "cse", owner: "police"), on: date("2026-03-02"), review: nil, by: fixture.viewer)
        }
        #expect(try present(fixture, "VE1", on: "2026-03-03") == ["vehicle_of_concern:police"])
    }
}
