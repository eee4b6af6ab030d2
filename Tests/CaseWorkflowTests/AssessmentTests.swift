import GraphCore
import GraphQuery
import GraphStore
import Testing
@testable import CaseWorkflow

struct AssessmentTests {
    @Test func whatAnAssessmentNamesJoinsTheGraphWithTheAssessmentAsProvenance() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let record = try fixture.assess(ceCase, on: "2026-03-09", scaling: 2, graph: [
            ["record": "entity", "id": "AD9", "kind": "adult", "name": "Adult Nine", "area": "E08000013"],
            ["record": "entity", "id": "HA9", "kind": "handle", "platform": "snapchat", "handle": "@synthetic_nine"],
            ["record": "link", "from": "AD9", "to": "CH1", "kind": "associates_with", "first_seen": "2026-02-20"],
            ["record": "link", "from": "AD9", "to": "HA9", "kind": "uses_handle"],
            ["record": "link", "from": "CH1", "to": "LO1", "kind": "frequents"],
        ])
        #expect(record.outcome.level.description == "merseyside:2")
        #expect(record.intelRef == "assessment/\(record.ref)")

        let engine = QueryEngine(store: fixture.store)
        let answer = try engine.associations(of: "CH1", hops: 1, filter: QueryFilter(), viewer: fixture.viewer)
        let links = try #require(answer.json.objectValue?["links"]?.arrayValue)
        let fromAD9 = try #require(links.first { $0.objectValue?["from"]?.stringValue == "AD9" }?.objectValue)
        let support = fromAD9["intel"]?.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue } ?? []
        #expect(support == [record.intelRef], "\(fromAD9)")
        // The child's risk level is now the assessment's.
        let snapshot = try engine.snapshot()
        let rowid = try #require(try fixture.store.entityRowid(for: "CH1"))
        let child = try #require(snapshot.entity(rowid: rowid))
        #expect(snapshot.risk(of: child) == "merseyside:2")
    }

    @Test func anAssessmentIsMultiAgencyAndAllOrNothing() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let single = try #require(throws: WorkflowError.self) { try fixture.assess(ceCase, on: "2026-03-09", agencies: ["police"]) }
        #expect(single.field == "agencies")
        let audit = try fixture.auditCount()
        // A link whose kind does not fit its ends rejects the whole assessment.
        #expect(throws: StoreError.self) {
            try fixture.assess(ceCase, on: "2026-03-09", graph: [
                ["record": "entity", "id": "AD8", "kind": "adult", "name": "Adult Eight"],
                ["record": "link", "from": "AD8", "to": "CH1", "kind": "uses_phone"],
            ])
        }
        #expect(try fixture.store.entityRowid(for: "AD8") == nil)
        #expect(try fixture.auditCount() == audit)
        let detail = try fixture.workflow.caseDetail(ceCase, asOf: date("2026-06-01"), by: fixture.viewer)
        #expect(detail.assessments.isEmpty)
    }

    @Test func aPartnershipPicksItsFrameworkAndOneHighIndicatorMeansImmediateAction() throws {
        let fixture = try WorkflowFixture()
        try fixture.workflow.updateSettings(["framework": "llr"], for: "E08000012", by: fixture.viewer)
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let record = try fixture.workflow.recordAssessment(AssessmentInput(
            caseRef: ceCase, assessedOn: date("2026-03-09"), concern: .cse, agencies: ["police", "health"],
            answers: ["medium_indicators": .array(["whereabouts_unknown"]), "high_indicators": .array(["abduction_imprisonment"])],
            grading: Grading("1B P")!), by: fixture.viewer)
        #expect(record.outcome.level.description == "llr:high")
        #expect(record.outcome.immediateAction)
        let wrong = try #require(throws: WorkflowError.self) {
            try fixture.assess(ceCase, on: "2026-03-10")  // Merseyside answers against LLR
        }
        #expect(wrong.field != nil)
    }

    @Test func anAssessmentReadFromJSONNamesTheFieldAtFault() throws {
        let good: [String: JSONValue] = ["concern": "cce", "agencies": .array(["police", "health"]), "grading": "2B P", "answers": .object([:])]
        let input = try AssessmentInput(json: good, caseRef: "CASE-000001", today: date("2026-03-09"))
        #expect(input.assessedOn == date("2026-03-09"))
        for (field, value) in [("grading", JSONValue.string("9Z Q")), ("concern", "drugs"), ("assessed_on", "tomorrow"), ("colour", "red")] {
            var bad = good
            bad[field] = value
            let error = try #require(throws: WorkflowError.self) { try AssessmentInput(json: bad, caseRef: "C", today: date("2026-03-09")) }
            #expect(error.field == field)
        }
    }
}

extension AssessmentTests {
    @Test func everyLinkAnAssessmentNamesRestsOnItAndOnlyEntitiesAndLinksAreTaken() throws {
        let fixture = try WorkflowFixture([
            #"{"record":"intel","id":"IN1","date":"2026-02-01","source_evaluation":"2","intelligence_assessment":"C","handling_code":"P"}"#,
        ])
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let record = try fixture.assess(ceCase, on: "2026-03-09", graph: [
            ["record": "link", "from": "AD1", "to": "CH1", "kind": "associates_with", "intel": .array(["IN1"])],
        ])
        let answer = try QueryEngine(store: fixture.store).associations(of: "CH1", hops: 1, filter: QueryFilter(), viewer: fixture.viewer)
        let link = try #require(answer.json.objectValue?["links"]?.arrayValue?.first?.objectValue)
        let support = Set(link["intel"]?.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue } ?? [])
        #expect(support == ["IN1", record.intelRef])
        let refused = try #require(throws: WorkflowError.self) {
            try fixture.assess(ceCase, on: "2026-03-10", review: true, graph: [
                ["record": "intel", "id": "IN2", "date": "2026-03-10", "source_evaluation": "1", "intelligence_assessment": "A", "handling_code": "P"],
            ])
        }
        #expect(refused.field == "graph")
    }
}
