import CaseWorkflow
import Foundation
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Reading an assessment in full: `GET /api/assessments/{ref}` and the page
/// `/assessments/{ref}`, for each account, with every question of the framework and its
/// answer, audited; a hidden assessment answers as a missing one.
struct AssessmentReadTests {
    /// The fixture, with an assessment of CH2's case too (CASE-000002, on no agenda): ASMT-000002.
    static func fixture() throws -> ServerFixture {
        let fixture = try ServerFixture()
        try fixture.services.workflow.recordAssessment(AssessmentInput(
            caseRef: "CASE-000002", assessedOn: .today, concern: .cse, agencies: ["police", "health"],
            answers: ["professionals_involved": "Hidden professionals", "referral_reason": "sexual", "scaling": .number("2"),
                      "harm_statement": "experiencing_harm", "imminent_risk": .bool(false)],
            grading: Grading("2B P")!, summary: "HIDDEN summary"), by: ServerFixture.viewer)
        return fixture
    }

    /// What each account gets for the agenda child's assessment (ASMT-000001) and for the
    /// other child's (ASMT-000002).
    static let expected: [(account: String, agendaChild: HTTPResponse.Status, otherChild: HTTPResponse.Status)] = [
        ("analyst", .ok, .ok), ("ccset_coordinator", .ok, .ok), ("marthr_chair", .ok, .ok),
        ("maccse_coordinator", .ok, .ok), ("panel_member", .ok, .notFound),
        ("auditor", .forbidden, .forbidden), ("admin", .forbidden, .forbidden),
        ("sefton_coordinator", .notFound, .notFound), ("wirral_member", .notFound, .notFound), ("wirral_analyst", .notFound, .notFound),
    ]

    @Test func eachAccountReadsTheAssessmentsItMaySee() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let signedOut = try await client.executeRequest(uri: "/api/assessments/ASMT-000001", method: .get, headers: [:], body: nil)
            #expect(signedOut.status == .unauthorized)
            for (account, agendaChild, otherChild) in Self.expected {
                let session = try #require(try await SignedIn.signIn(client, as: account))
                let first = try await session.get("/api/assessments/ASMT-000001")
                let second = try await session.get("/api/assessments/ASMT-000002")
                let missing = try await session.get("/api/assessments/ASMT-404404")
                #expect(first.status == agendaChild, "\(account) ASMT-000001: \(first.status) \(first.text.prefix(120))")
                #expect(second.status == otherChild, "\(account) ASMT-000002: \(second.status) \(second.text.prefix(120))")
                #expect(first.headers[.cacheControl] == "no-store")
                if second.status == .notFound {
                    // Hidden reads exactly as missing: the same status and the same body.
                    #expect(missing.status == .notFound && second.text == missing.text, "\(account)")
                    #expect(!second.text.contains("CASE-000002") && !second.text.contains("HIDDEN"))
                }
                if otherChild == .forbidden { #expect(missing.status == .forbidden, "\(account): refused before any lookup") }
            }
            // The reason comes first for a sensitive read.
            let noReason = try #require(try await SignedIn.signIn(client, as: "panel_member", reason: nil))
            #expect(try await noReason.get("/api/assessments/ASMT-000001").status == .preconditionRequired)
        }
    }

    @Test func everyAnswerComesWithItsQuestionInTheFrameworksOrder() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member", reason: "panel preparation"))
            let response = try await member.get("/api/assessments/ASMT-000001")
            #expect(response.status == .ok && response.headers[.contentType] == "application/json; charset=utf-8")
            let detail = try JSONDecoder().decode(AssessmentDetail.self, from: Data(response.text.utf8))
            #expect(detail.ref == "ASMT-000001" && detail.caseRef == "CASE-000001" && detail.childRef == "CH1")
            #expect(detail.childLabel == "Visible Child" && detail.kind == .new && detail.concern == .cce && detail.grading == "2B P")
            #expect(detail.risk == "merseyside:3" && detail.riskLabel == "Scaling 3" && !detail.reasons.isEmpty)
            #expect(detail.agencies.map(\.code) == ["childrens_services", "police"])
            let framework = try fixture.services.workflow.frameworks.framework(code: "merseyside")
            #expect(detail.answers.map(\.code) == framework.fields.map(\.code))
            for answer in detail.answers {
                let field = try #require(framework.field(answer.code))
                #expect(answer.question == field.label && answer.kind == field.type && answer.required == field.required)
            }
            // Every answer recorded is there, with its question and, for a choice, its option's label.
            let answered = detail.answers.filter(\.isAnswered).map(\.code).sorted()
            #expect(answered == ["assessment_date", "harm_statement", "imminent_risk", "professionals_involved", "referral_reason", "scaling"])
            let harm = try #require(detail.answers.first { $0.code == "harm_statement" })
            #expect(harm.chosen.map(\.label) == [framework.field("harm_statement")?.option("may_be_experiencing_harm")?.label].compactMap { $0 })
            #expect(detail.answers.first { $0.code == "professionals_involved" }?.value == .text("Social worker"))

            // Shape: every answer an object with its question, kind, value and choices.
            let rows = try #require(response.json["answers"] as? [[String: Any]])
            #expect(rows.allSatisfy { Set($0.keys) == ["code", "question", "kind", "required", "value", "chosen", "scale", "withheld"] })

            // Audited: the consultation names the assessment and carries the reason given.
            let row = try #require(try fixture.store.auditEntries(limit: 5).first { $0.records.contains(#""assessment":"ASMT-000001""#) })
            #expect(row.operation == "consultation" && row.actor == "panel_member" && row.justification.contains("panel preparation"))
            #expect(row.records.contains("CASE-000001") && row.records.contains("CH1"))
        }
    }

    @Test func aHiddenAssessmentIsAuditedAsRefused() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            #expect(try await member.get("/api/assessments/ASMT-000002").status == .notFound)
            let refusals = try fixture.store.auditEntries(limit: 5, refusedOnly: true)
            #expect(refusals.contains { $0.actor == "panel_member" && $0.records.contains(#""assessment":"ASMT-000002""#) }, "\(refusals.map(\.records))")
        }
    }

    @Test func theCaseNamesItsAssessmentsAndLinksThem() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let detail = try await member.get("/api/cases/CASE-000001").json
            let assessments = try #require(detail["assessments"] as? [[String: Any]])
            #expect(assessments.map { $0["ref"] as? String } == ["ASMT-000001"])
            let browser = try await PageTests.Browser.signIn(client, as: "panel_member")
            #expect(try await browser.text("/cases/CASE-000001").contains(#"<a href="/assessments/ASMT-000001">ASMT-000001</a>"#))
            // The panel's agenda item names the assessment to decide on, and links it.
            let panel = try await member.get("/api/panels/PANEL-000001").json
            let agenda = try #require(panel["agenda"] as? [[String: Any]])
            #expect(agenda.contains { $0["assessment_ref"] as? String == "ASMT-000001" }, "\(agenda)")
            #expect(try await browser.text("/panels/PANEL-000001").contains(#"href="/assessments/ASMT-000001""#))
        }
    }

    @Test func thePageLaysOutEveryQuestionAndAnswer() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try await PageTests.Browser.signIn(client, as: "panel_member")
            let response = try await member.get("/assessments/ASMT-000001")
            #expect(response.status == .ok && response.headers[.contentType] == "text/html; charset=utf-8")
            let page = response.text
            let framework = try fixture.services.workflow.frameworks.framework(code: "merseyside")
            var position = page.startIndex
            for field in framework.fields {
                // Each question in the framework's order (HTML-escaped as the page writes it).
                let label = field.label.replacingOccurrences(of: "'", with: "&#39;")
                let found = try #require(page.range(of: label, range: position..<page.endIndex), "\(field.code) in order")
                position = found.upperBound
            }
            #expect(page.contains("Criminal exploitation") && page.contains("Social worker") && page.contains("3 on the scale from 1 to 10"))
            #expect(page.contains("merseyside:3") && page.contains("Scaling 3") && page.contains("Not answered."))
            #expect(page.contains(#"href="/cases/CASE-000001""#) && page.contains(#"href="/entities/CH1""#))

            // The other child's assessment: the very page a missing one gives.
            let hidden = try await member.get("/assessments/ASMT-000002"), missing = try await member.get("/assessments/ASMT-404404")
            #expect(hidden.status == .notFound && missing.status == .notFound)
            #expect(hidden.text.replacingOccurrences(of: member.csrf, with: "") == missing.text.replacingOccurrences(of: member.csrf, with: ""))
            #expect(!hidden.text.contains("HIDDEN"))
            let auditor = try await PageTests.Browser.signIn(client, as: "auditor")
            #expect(try await auditor.get("/assessments/ASMT-000001").status == .forbidden)
            let signedOut = try await client.executeRequest(uri: "/assessments/ASMT-000001", method: .get, headers: [:], body: nil)
            #expect(signedOut.status == .seeOther && signedOut.headers[.location] == "/sign-in")
            let coordinator = try await PageTests.Browser.signIn(client, as: "maccse_coordinator")
            #expect(try await coordinator.text("/assessments/ASMT-000002").contains("HIDDEN summary"))
        }
    }

    @Test func aHostileAnswerIsEscapedAndAChecklistListed() async throws {
        let fixture = try ServerFixture()
        try fixture.services.workflow.recordAssessment(AssessmentInput(
            caseRef: "CASE-000001", assessedOn: .today, isReview: true, concern: .cce, agencies: ["police", "health"],
            answers: ["professionals_involved": "<script>alert(1)</script>", "referral_reason": "criminal", "scaling": .number("4"),
                      "harm_statement": "experiencing_harm", "imminent_risk": .bool(false),
                      "criminal_contexts": .array(["online", "financial"])],
            grading: Grading("2B P")!, summary: "<img src=x onerror=alert(2)>"), by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let analyst = try await PageTests.Browser.signIn(client, as: "analyst")
            let page = try await analyst.text("/assessments/ASMT-000002")
            #expect(!page.contains("<script>alert") && page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.contains("<img src=x") && page.contains("&lt;img src=x onerror=alert(2)&gt;"))
            #expect(page.contains("Immediate action."), "experiencing harm means immediate action, said at the top")
            #expect(page.contains("<ul><li>Financial</li><li>Online</li></ul>"), "a checklist's options as a list, in the framework's order")
        }
    }
}
