import GraphCore
import GraphQuery
import Testing
@testable import CaseWorkflow

struct AlertTests {
    func kinds(_ findings: [AlertFinding]) -> [String] { findings.map { "\($0.kind) \($0.entities.joined(separator: ","))" }.sorted() }

    @Test func anAdultOfConcernNewlyLinkedToAChildRaisesOneReviewTask() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with"}"#,
        ])
        let engine = QueryEngine(store: fixture.store)
        let today = CalendarDate.today
        let first = try fixture.workflow.scanAlerts(engine: engine, on: today, by: fixture.viewer)
        #expect(kinds(first) == ["adult_newly_linked_to_child AD1,CH1"])
        // The same finding is raised once.
        #expect(try fixture.workflow.scanAlerts(engine: engine, on: today, since: today.adding(days: -7), by: fixture.viewer).isEmpty)
        // Links recorded before `since` are not new.
        try fixture.load([#"{"record":"link","from":"AD2","to":"CH3","kind":"associates_with"}"#])
        #expect(try fixture.workflow.scanAlerts(engine: engine, on: today, since: today.adding(days: 1), by: fixture.viewer).isEmpty)
        // An adult recorded as not of concern raises nothing.
        try fixture.load([#"{"record":"entity","id":"AD3","kind":"adult","name":"Adult Three","of_concern":false}"#,
                          #"{"record":"link","from":"AD3","to":"CH2","kind":"associates_with"}"#])
        let second = try fixture.workflow.scanAlerts(engine: engine, on: today, since: today, by: fixture.viewer)
        #expect(kinds(second) == ["adult_newly_linked_to_child AD2,CH3"])

        let open = try fixture.workflow.alerts(status: "open", by: fixture.viewer)
        #expect(open.count == 2)
        let id = try #require(Int64(open.first?.objectValue?["id"]?.jsonText ?? ""))
        #expect(throws: WorkflowError.self) { try fixture.workflow.reviewAlert(id, dismiss: false, note: "", by: fixture.viewer) }
        try fixture.workflow.reviewAlert(id, dismiss: false, note: "known to the panel", by: fixture.viewer)
        #expect(try fixture.workflow.alerts(status: "open", by: fixture.viewer).count == 1)
    }

    @Test func aCAWNSubjectLinkedToAnotherChildAfterTheNotice() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with"}"#,
        ])
        _ = try fixture.workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cawn, servedOn: CalendarDate.today, child: "CH1"),
                                                  by: fixture.viewer)
        try fixture.load([#"{"record":"link","from":"AD1","to":"CH2","kind":"associates_with"}"#])
        let findings = try fixture.workflow.scanAlerts(engine: QueryEngine(store: fixture.store), on: CalendarDate.today,
                                                       since: CalendarDate.today.adding(days: 1), by: fixture.viewer)
        // Only the CAWN rule fires: the links are not new to the first rule, and CH1 is the child the notice protects.
        #expect(kinds(findings) == ["cawn_subject_new_child AD1,CH2"])
    }

    @Test func aChildLinkedToAdultsOfConcernInTwoAuthorities() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with"}"#,
            #"{"record":"link","from":"CH1","to":"AD2","kind":"associates_with"}"#,
            #"{"record":"link","from":"AD1","to":"CH3","kind":"associates_with"}"#,
        ])
        let findings = try fixture.workflow.scanAlerts(engine: QueryEngine(store: fixture.store), on: CalendarDate.today,
                                                       since: CalendarDate.today.adding(days: 1), by: fixture.viewer)
        #expect(kinds(findings) == ["child_linked_across_authorities CH1,AD1,AD2"])
        #expect(findings.first?.detail.contains("E08000012") == true)
        #expect(findings.first?.detail.contains("E08000014") == true)
    }

    @Test func aVehicleOfConcernSeenAtTwoLocationsOfConcern() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"VE1","kind":"drives"}"#,
            #"{"record":"link","from":"VE1","to":"LO1","kind":"seen_at","first_seen":"2026-02-01"}"#,
            #"{"record":"link","from":"VE1","to":"LO2","kind":"seen_at","first_seen":"2026-02-03"}"#,
        ])
        let engine = QueryEngine(store: fixture.store)
        let later = CalendarDate.today.adding(days: 1)
        _ = try fixture.workflow.setFlag(on: "LO1", FlagChange(flag: "location_of_concern", owner: "police"), on: CalendarDate.today,
                                         review: nil, by: fixture.viewer)
        // One location of concern is not enough.
        #expect(try fixture.workflow.scanAlerts(engine: engine, on: CalendarDate.today, since: later, by: fixture.viewer).isEmpty)
        _ = try fixture.workflow.setFlag(on: "LO2", FlagChange(flag: "location_of_concern", owner: "community_safety"), on: CalendarDate.today,
                                         review: nil, by: fixture.viewer)
        let findings = try fixture.workflow.scanAlerts(engine: engine, on: CalendarDate.today, since: later, by: fixture.viewer)
        #expect(kinds(findings) == ["vehicle_at_locations_of_concern VE1,LO1,LO2"])
    }

    @Test func anOpenAlertAboutAChildOnMACCSEJoinsThePanelAgenda() throws {
        let fixture = try WorkflowFixture([#"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with"}"#])
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        _ = try fixture.workflow.scanAlerts(engine: QueryEngine(store: fixture.store), on: CalendarDate.today, by: fixture.viewer)
        let panel = try fixture.quoratePanel(on: "2026-03-24")
        let agenda = try fixture.workflow.panel(panel, by: fixture.viewer).agenda
        #expect(agenda.contains { $0.item == "alert" && $0.caseRef == ceCase })
    }
}

extension AlertTests {
    @Test func anExpiredCAWNRaisesNothingAndAFlaggedVehicleIsOfConcern() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with"}"#,
            #"{"record":"link","from":"VE1","to":"LO1","kind":"seen_at"}"#,
            #"{"record":"link","from":"VE1","to":"LO2","kind":"seen_at"}"#,
        ])
        let today = CalendarDate.today
        _ = try fixture.workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cawn, servedOn: today.adding(days: -800),
                                                                  expiresOn: today.adding(days: -70), child: "CH1"), by: fixture.viewer)
        try fixture.load([#"{"record":"link","from":"AD1","to":"CH2","kind":"associates_with"}"#])
        for place in ["LO1", "LO2"] {
            _ = try fixture.workflow.setFlag(on: place, FlagChange(flag: "location_of_concern", owner: "police"), on: today, review: nil, by: fixture.viewer)
        }
        _ = try fixture.workflow.setFlag(on: "VE1", FlagChange(flag: "vehicle_of_concern", owner: "police"), on: today, review: nil, by: fixture.viewer)
        let findings = try fixture.workflow.scanAlerts(engine: QueryEngine(store: fixture.store), on: today, since: today.adding(days: 1),
                                                       by: fixture.viewer)
        #expect(kinds(findings) == ["vehicle_at_locations_of_concern VE1,LO1,LO2"])
    }

    @Test func theFirstScanCountsOnlyLinksRecordedThatDay() throws {
        let fixture = try WorkflowFixture([#"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with"}"#])
        let tomorrow = CalendarDate.today.adding(days: 1)
        // Scanning as of tomorrow: yesterday's bulk load is not "new".
        #expect(try fixture.workflow.scanAlerts(engine: QueryEngine(store: fixture.store), on: tomorrow, by: fixture.viewer).isEmpty)
    }
}
