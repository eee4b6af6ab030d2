import Foundation
import GRDB
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The assessment page: the questions of the framework in force in the case's area, a
/// refusal that keeps every answer typed, and an assessment recorded through the same write
/// as the API, its risk level given by the framework's rules.
struct AssessmentPageTests {
    typealias Browser = PageTests.Browser

    /// Merseyside's required answers but the harm statement, as the form posts them.
    static func answers(_ csrf: String) -> [String: String] {
        ["csrf_token": csrf, "form": "assessment", "assessed_on": "", "kind": "review", "concern": "cce",
         "agency.police": "yes", "agency.childrens_services": "yes",
         "answer.professionals_involved": "Social worker and TYPED youth worker", "answer.referral_reason": "criminal",
         "answer.criminal_contexts.in_borough_drug_dealing": "yes", "answer.criminal_contexts.storing_weapons_or_drugs": "yes",
         "answer.scaling": "7", "answer.imminent_risk": "no", "answer.nrm_required": "",
         "source_evaluation": "2", "intelligence_assessment": "B", "handling_code": "P"]
    }

    @Test func aCoordinatorRecordsAnAssessmentAgainstTheAreasFramework() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            #expect(try await coordinator.text("/cases/CASE-000001").contains(#"href="/cases/CASE-000001/assessment""#))
            let form = try await coordinator.text("/cases/CASE-000001/assessment")
            // Liverpool uses Merseyside's framework: its questions, each as its kind of answer.
            #expect(form.contains("Merseyside") && form.contains(#"name="answer.scaling""#) && form.contains(#"name="answer.harm_statement""#))
            #expect(form.contains(#"name="answer.criminal_contexts.in_borough_drug_dealing""#) && form.contains(#"type="checkbox""#))
            #expect(form.contains(#"name="agency.police""#) && form.contains(#"name="source_evaluation""#))
            #expect(!form.contains(#"name="answer.assessment_date""#), "the date is asked once, as assessed_on")
            #expect(form.contains(#"data-lint="q-professionals_involved-warnings""#))

            // A required answer missing: the form again, 400, naming it, with what was typed.
            let refused = try await coordinator.post("/cases/CASE-000001/assessment", Self.answers(coordinator.csrf))
            #expect(refused.status == .badRequest && refused.text.contains("harm_statement"), "\(refused.text.prefix(400))")
            #expect(refused.text.contains("TYPED youth worker"))
            #expect(refused.text.contains(#"name="answer.criminal_contexts.in_borough_drug_dealing" value="yes" checked"#))
            #expect(refused.text.contains(#"<option value="7" selected>"#))
            // One agency alone is never an assessment.
            var alone = Self.answers(coordinator.csrf)
            alone["agency.police"] = nil
            alone["answer.harm_statement"] = "experiencing_harm"
            let single = try await coordinator.post("/cases/CASE-000001/assessment", alone)
            #expect(single.status == .badRequest && single.text.contains("never one agency alone"))

            var complete = Self.answers(coordinator.csrf)
            complete["answer.harm_statement"] = "experiencing_harm"
            let recorded = try await coordinator.post("/cases/CASE-000001/assessment", complete)
            #expect(recorded.status == .seeOther && recorded.headers[.location] == "/cases/CASE-000001")
            let page = try await coordinator.text("/cases/CASE-000001")
            #expect(page.contains("risk <strong>Merseyside scaling 7 of 10 (1 is the most risk, 10 no longer at risk) · merseyside:7</strong>") && page.contains("immediate action"))

            // Stored as the API would store it: typed answers, the date from assessed_on.
            let stored = try await fixture.store.writer.read { db in
                try Row.fetchOne(db, sql: "SELECT kind, agencies, answers, assessed_on FROM assessment ORDER BY id DESC LIMIT 1")
            }
            let answers = try #require(stored?["answers"] as String?)
            #expect(stored?["kind"] == "review" && stored?["agencies"] == #"["childrens_services","police"]"#)
            #expect(answers.contains(#""scaling":7"#) && answers.contains(#""imminent_risk":false"#))
            #expect(answers.contains(#""criminal_contexts":["in_borough_drug_dealing","storing_weapons_or_drugs"]"#), "\(answers)")
            #expect(!answers.contains("nrm_required"), "a blank answer is no answer")
        }
    }

    @Test func onlyACoordinatorMayAssess() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            for role in ["analyst", "marthr_chair", "panel_member", "auditor", "admin"] {
                let browser = try await Browser.signIn(client, as: role)
                #expect(try await browser.get("/cases/CASE-000001/assessment").status == .forbidden, "\(role)")
                let posted = try await browser.post("/cases/CASE-000001/assessment", Self.answers(browser.csrf))
                #expect(posted.status == .forbidden, "\(role)")
                // No link to record one (the case's assessments link to their pages, /assessments/...).
                #expect(try await browser.get("/cases/CASE-000001").text.contains(#"href="/cases/CASE-000001/assessment""#) == false, "\(role)")
            }
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            #expect(try await coordinator.get("/cases/CASE-999999/assessment").status == .notFound)
            // Longer than any form: 413, and nothing kept.
            var huge = Self.answers(coordinator.csrf)
            huge["answer.harm_statement"] = "experiencing_harm"
            huge["summary"] = String(repeating: "é", count: 12_000)
            #expect(try await coordinator.post("/cases/CASE-000001/assessment", huge).status == .contentTooLarge)
        }
        let count = try await fixture.store.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM assessment") }
        #expect(count == 1, "only the fixture's assessment")
    }
}
