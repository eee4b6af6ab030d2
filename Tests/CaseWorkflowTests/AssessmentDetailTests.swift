import Foundation
import GraphCore
import GraphStore
import Testing
@testable import CaseWorkflow

/// Reading one assessment in full (`Workflow.assessment(_:by:)`): every question of its
/// framework in order with the answer recorded, as far as the viewer may see it, audited.
struct AssessmentDetailTests {
    @Test func anAssessmentReadsInFullInTheFrameworksOrder() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let record = try fixture.assess(ceCase, on: "2026-03-09", scaling: 3)
        let detail = try fixture.workflow.assessment(record.ref, by: fixture.viewer)

        #expect(detail.ref == record.ref && detail.ref.hasPrefix("ASMT-"))
        #expect(detail.caseRef == ceCase && detail.childRef == "CH1" && detail.childLabel == "Child One" && detail.area == "E08000012")
        #expect(detail.assessedOn == "2026-03-09" && detail.kind == .new && detail.concern == .cce)
        #expect(detail.agencies == [AssessmentDetail.Agency(code: "childrens_services", name: "Children's social care"),
                                    AssessmentDetail.Agency(code: "police", name: "Police")])
        #expect(detail.framework.code == "merseyside" && detail.grading == "2B P" && detail.intelRef == record.intelRef)
        #expect(detail.risk == "merseyside:3" && detail.riskLabel == "Scaling 3" && !detail.immediateAction)
        #expect(detail.reasons.map(\.conclusion) == record.outcome.reasons.map(\.conclusion) && !detail.reasons.isEmpty)
        #expect(detail.summary == "Synthetic assessment." && !detail.freeTextWithheld)

        // Every question of the framework, in its order, answered or not.
        let framework = try fixture.workflow.frameworks.framework(code: "merseyside")
        #expect(detail.answers.map(\.code) == framework.fields.map(\.code))
        #expect(detail.answers.map(\.question) == framework.fields.map(\.label))
        let answers = Dictionary(uniqueKeysWithValues: detail.answers.map { ($0.code, $0) })
        let scaling = try #require(answers["scaling"])
        #expect(scaling.kind == .scale && scaling.value == .number("3") && scaling.required)
        #expect(scaling.chosen == [AssessmentDetail.Choice(code: "3", label: "3 on the scale from 1 to 10")])
        #expect(scaling.scale?.min == 1 && scaling.scale?.max == 10 && scaling.scale?.minLabel != nil)
        let contexts = try #require(answers["criminal_contexts"])
        #expect(contexts.value == .codes(["out_of_borough_drug_dealing"]))
        #expect(contexts.chosen == [AssessmentDetail.Choice(code: "out_of_borough_drug_dealing", label: "Exploited to deal drugs out of borough")])
        #expect(answers["harm_statement"]?.words == framework.field("harm_statement")?.option("may_be_experiencing_harm")?.label)
        #expect(answers["referral_reason"]?.words == "Criminal exploitation")
        #expect(answers["imminent_risk"]?.value == .flag(false) && answers["imminent_risk"]?.words == "No")
        #expect(answers["professionals_involved"]?.words == "Social worker; police officer")
        #expect(answers["assessment_date"]?.words == "2026-03-09", "the day is the framework's date question too")
        let unanswered = try #require(answers["living_situation"])
        #expect(!unanswered.isAnswered && unanswered.words == nil && unanswered.chosen.isEmpty && !unanswered.withheld)

        // Audited as a consultation, in the read's own transaction.
        let last = try #require(try fixture.store.auditEntries(limit: 1).first)
        #expect(last.operation == "consultation" && last.records.contains(#""assessment":"\#(record.ref)""#) && last.records.contains(ceCase))
    }

    @Test func theJSONFormKeepsEveryKeyAndReadsBack() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let record = try fixture.workflow.recordAssessment(AssessmentInput(
            caseRef: ceCase, assessedOn: date("2026-03-09"), isReview: true, concern: .both, agencies: ["police", "health"],
            answers: ["professionals_involved": "Nurse", "referral_reason": "both", "scaling": .number("10"),
                      "harm_statement": "not_experiencing_harm", "imminent_risk": .bool(false), "criminal_contexts": .array([])],
            grading: Grading("1A P")!), by: fixture.viewer)
        let detail = try fixture.workflow.assessment(record.ref, by: fixture.viewer)
        #expect(detail.kind == .review && detail.summary == nil, "no summary was written: \(String(describing: detail.summary))")
        let answers = Dictionary(uniqueKeysWithValues: detail.answers.map { ($0.code, $0) })
        #expect(answers["criminal_contexts"]?.value == .codes([]) && answers["criminal_contexts"]?.words == "None")
        #expect(answers["scaling"]?.chosen.first?.label.hasPrefix("10: The child is not being exploited") == true)

        let data = try detail.jsonData()
        #expect(try JSONDecoder().decode(AssessmentDetail.self, from: data) == detail)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["ref", "case_ref", "child_ref", "child_label", "assessed_on", "kind", "concern", "agencies", "framework", "grading",
                    "handling_conditions", "intel_ref", "risk", "risk_label", "immediate_action", "reasons", "summary",
                    "free_text_withheld", "answers"] {
            #expect(object.keys.contains(key), "\(key) is always present")
        }
        #expect(object["summary"] is NSNull && object["kind"] as? String == "review")
        let rows = try #require(object["answers"] as? [[String: Any]])
        let living = try #require(rows.first { $0["code"] as? String == "living_situation" })
        #expect(living["value"] is NSNull && living["kind"] as? String == "choice" && (living["chosen"] as? [Any])?.isEmpty == true)
        let scaling = try #require(rows.first { $0["code"] as? String == "scaling" })
        #expect(scaling["value"] as? Int == 10)
    }

    @Test func aHiddenAssessmentAnswersAsAMissingOneAndIsAudited() throws {
        let fixture = try WorkflowFixture()
        let (_, first) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let (_, second) = try fixture.openCase(child: "CH2", received: "2026-03-02")
        let seen = try fixture.assess(first, on: "2026-03-09")
        let hidden = try fixture.assess(second, on: "2026-03-09")
        let ch1 = try #require(try fixture.store.entityRowid(for: "CH1"))
        let member = Viewer(name: "member", purpose: "panel preparation",
                            access: Access(role: .panelMember, scope: Scope(areas: nil, panels: ["E08000012"]), children: ["CH1": ch1],
                                           agency: "health"))
        #expect(try fixture.workflow.assessment(seen.ref, by: member).childRef == "CH1")

        let refused = try #require(throws: WorkflowError.self) { try fixture.workflow.assessment(hidden.ref, by: member) }
        let missing = try #require(throws: WorkflowError.self) { try fixture.workflow.assessment("ASMT-404404", by: member) }
        #expect(refused.kind == .notFound && missing.kind == .notFound)
        #expect(refused.message == "no assessment \(hidden.ref)" && missing.message == "no assessment ASMT-404404")
        #expect(!refused.description.contains(second), "the error does not name the hidden case")
        let refusals = try fixture.store.auditEntries(limit: 10, refusedOnly: true).map(\.records)
        #expect(refusals.contains { $0.contains(#""assessment":"\#(hidden.ref)""#) }, "\(refusals)")
        let recent = try fixture.store.auditEntries(limit: 1).map(\.records)
        #expect(recent.first?.contains(#""found":false"#) == true && recent.first?.contains("ASMT-404404") == true)

        // A coordinator scoped to another authority, likewise; one of Liverpool reads it.
        let wirral = Viewer(name: "wirral", purpose: "t", access: Access(role: .maccseCoordinator, scope: Scope(areas: ["E08000015"])))
        #expect(throws: WorkflowError("assessment", "no assessment \(seen.ref)", field: "assessment",
                                      hint: "a case lists its assessments: `cegraph case show CASE`", kind: .notFound)) {
            try fixture.workflow.assessment(seen.ref, by: wirral)
        }
        let liverpool = Viewer(name: "liverpool", purpose: "t", access: Access(role: .maccseCoordinator, scope: Scope(areas: ["E08000012"])))
        #expect(try fixture.workflow.assessment(hidden.ref, by: liverpool).childRef == "CH2")
    }

    @Test func aCodeCAssessmentKeepsItsFreeTextFromThoseWhoMayNotReadCodeC() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let record = try fixture.workflow.recordAssessment(AssessmentInput(
            caseRef: ceCase, assessedOn: date("2026-03-09"), concern: .cce, agencies: ["police", "childrens_services"],
            answers: ["professionals_involved": "CANARY professionals", "referral_reason": "criminal", "scaling": .number("2"),
                      "harm_statement": "experiencing_harm", "imminent_risk": .bool(true)],
            grading: Grading("2B C")!, handlingConditions: "CANARY conditions", summary: "CANARY summary"), by: fixture.viewer)

        let police = try fixture.workflow.assessment(record.ref, by: fixture.viewer)
        #expect(police.summary == "CANARY summary" && police.handlingConditions == "CANARY conditions" && !police.freeTextWithheld)
        #expect(police.answers.first { $0.code == "professionals_involved" }?.words == "CANARY professionals")

        let partner = Viewer(name: "liverpool", purpose: "t", access: Access(role: .maccseCoordinator, scope: Scope(areas: ["E08000012"])))
        let shared = try fixture.workflow.assessment(record.ref, by: partner)
        #expect(shared.freeTextWithheld && shared.summary == nil && shared.handlingConditions == nil && shared.grading == "2B C")
        let text = try #require(shared.answers.first { $0.code == "professionals_involved" })
        #expect(text.withheld && text.value == nil)
        #expect(shared.answers.first { $0.code == "scaling" }?.value == .number("2"), "a scale is not free text")
        #expect(shared.immediateAction && shared.risk == "merseyside:2")
        #expect(!String(decoding: try shared.jsonData(), as: UTF8.self).contains("CANARY"))
    }

    @Test func anAnswerToAQuestionTheFrameworkNoLongerAsksIsKept() throws {
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let answers: [String: JSONValue] = ["professionals_involved": "Social worker", "referral_reason": "criminal", "scaling": .number("4"),
                                            "harm_statement": "experiencing_harm", "imminent_risk": .bool(false),
                                            "locations_found": "Synthetic station", "nrm_stage": "referred"]
        let record = try fixture.workflow.recordAssessment(AssessmentInput(
            caseRef: ceCase, assessedOn: date("2026-03-09"), concern: .cce, agencies: ["police", "health"], answers: answers,
            grading: Grading("2B P")!), by: fixture.viewer)

        // The partnership's own Merseyside form, without `locations_found` and with the NRM
        // stage's `referred` option renamed away.
        let standard = try RiskFrameworkCatalog.standardDirectory().appendingPathComponent("merseyside.json")
        var definition = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: standard)) as? [String: Any])
        var fields = try #require(definition["fields"] as? [[String: Any]])
        fields.removeAll { $0["code"] as? String == "locations_found" }
        if let index = fields.firstIndex(where: { $0["code"] as? String == "nrm_stage" }) {
            fields[index]["options"] = (fields[index]["options"] as? [[String: Any]] ?? []).filter { $0["code"] as? String != "referred" }
        }
        definition["fields"] = fields
        let directory = fixture.directory.appendingPathComponent("frameworks")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: definition).write(to: directory.appendingPathComponent("merseyside.json"))
        let catalog = try RiskFrameworkCatalog.standard().overriding(with: RiskFrameworkCatalog(directory: directory))
        let workflow = try Workflow(store: fixture.store, frameworks: catalog)

        let detail = try workflow.assessment(record.ref, by: fixture.viewer)
        let last = try #require(detail.answers.last)
        #expect(last.code == "locations_found" && last.kind == nil && last.question == "locations_found" && last.words == "Synthetic station")
        #expect(detail.answers.dropLast().map(\.code) == catalog.frameworks.first { $0.code == .merseyside }?.fields.map(\.code))
        #expect(detail.answers.first { $0.code == "nrm_stage" }?.chosen == [AssessmentDetail.Choice(code: "referred", label: "referred")])
    }
}
