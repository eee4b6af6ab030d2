import GraphCore
import Testing
@testable import CaseWorkflow

struct NRMTests {
    @Test func stagesGoInOrderAndKeepTheirHistory() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.recordNRM(case: ceCase, stage: .conclusiveGrounds, on: date("2026-03-03"), multiAgencyForum: nil, by: fixture.viewer)
        }
        try fixture.workflow.recordNRM(case: ceCase, stage: .needsReferral, on: date("2026-03-03"), multiAgencyForum: nil, by: fixture.viewer)
        try fixture.workflow.recordNRM(case: ceCase, stage: .referred, on: date("2026-03-05"), multiAgencyForum: true, by: fixture.viewer)
        let skip = try #require(throws: WorkflowError.self) {
            try fixture.workflow.recordNRM(case: ceCase, stage: .conclusiveGrounds, on: date("2026-03-06"), multiAgencyForum: nil, by: fixture.viewer)
        }
        #expect(skip.hint?.contains("positive_reasonable_grounds") == true)
        let backwards = try #require(throws: WorkflowError.self) {
            try fixture.workflow.recordNRM(case: ceCase, stage: .positiveReasonableGrounds, on: date("2026-03-04"), multiAgencyForum: nil,
                                           by: fixture.viewer)
        }
        #expect(backwards.field == "on")
        try fixture.workflow.recordNRM(case: ceCase, stage: .positiveReasonableGrounds, on: date("2026-03-10"), multiAgencyForum: nil, by: fixture.viewer)
        try fixture.workflow.recordNRM(case: ceCase, stage: .conclusiveGrounds, on: date("2026-06-01"), multiAgencyForum: nil, by: fixture.viewer)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.recordNRM(case: ceCase, stage: .negative, on: date("2026-06-02"), multiAgencyForum: nil, by: fixture.viewer)
        }
        let nrm = try #require(try fixture.workflow.caseDetail(ceCase, asOf: date("2026-06-01"), by: fixture.viewer).nrm.first)
        #expect(nrm.stage == "conclusive_grounds")
        #expect(nrm.submittedOn == "2026-03-05")
        #expect(nrm.multiAgencyForum == true)
        #expect(nrm.history.count == 4)
    }
}
