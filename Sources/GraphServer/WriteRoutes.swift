import CaseWorkflow
import Foundation
import GraphCore
import GraphStore
import HTTPTypes
import Hummingbird

/// The API's writes for referrals, cases and assessments (intelligence entry is
/// ``IntelRoutes``, the rest of the case workflow ``WorkflowWriteRoutes``). Each is one
/// transaction with its audit row; free text comes back with its child-first language
/// warnings, and is stored as written.
struct WriteRoutes {
    let services: Services

    func add(to router: Router<AppRequestContext>) {
        router.post("/api/referrals", use: referral)
        router.post("/api/cases", use: openCase)
        router.post("/api/cases/{ref}/assessments", use: assessment)
    }

    var limit: Int { services.configuration.maxBodyBytes }

    @Sendable func referral(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require([.ccsetCoordinator])
        let body = try await request.jsonObject(limit: limit)
        func text(_ field: String) throws -> String {
            guard let value = body[field]?.stringValue, !value.trimmingWhitespace().isEmpty else {
                throw ServerError(.badRequest, "give \(field)")
            }
            return value
        }
        guard let concern = Concern(rawValue: try text("concern")) else { throw ServerError(.badRequest, "concern is cse, cce or both") }
        let outcome = try body["outcome"]?.stringValue.map { text -> ScreeningOutcome in
            guard let outcome = ScreeningOutcome(rawValue: text) else { throw ServerError(.badRequest, "outcome \(text) is not a screening outcome") }
            return outcome
        }
        let record = try services.workflow.recordReferral(ReferralInput(
            child: try text("child"), area: body["area"]?.stringValue, receivedOn: try WriteRoutes.date(body, "received_on") ?? .today,
            referrer: try text("referrer"), agency: try text("agency"), concern: concern, outcome: outcome,
            screenedOn: try WriteRoutes.date(body, "screened_on") ?? (outcome == nil ? nil : .today),
            immediateRisk: body["immediate_risk"] == .bool(true), note: body["note"]?.stringValue),
            by: services.viewer(context, purpose: "recording a referral"))
        return JSONResponse.make(.object(["referral": .string(record.ref), "repeat_of": record.repeatOf.map { .string($0) } ?? .null,
                                          "language_warnings": WriteRoutes.json(record.warnings)]), status: .created)
    }

    @Sendable func openCase(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require([.ccsetCoordinator])
        let body = try await request.jsonObject(limit: limit)
        guard let referral = body["referral"]?.stringValue else { throw ServerError(.badRequest, "give referral") }
        let ref = try services.workflow.openCase(referral: referral, on: try WriteRoutes.date(body, "on") ?? .today,
                                                 by: services.viewer(context, purpose: "opening a MACCSE case"))
        return JSONResponse.make(.object(["case": .string(ref)]), status: .created)
    }

    @Sendable func assessment(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require([.ccsetCoordinator])
        let ref = try context.parameters.require("ref")
        let input = try AssessmentInput(json: try await request.jsonObject(limit: limit), caseRef: ref, today: .today)
        let record = try services.workflow.recordAssessment(input, by: services.viewer(context, purpose: "recording an assessment"))
        return JSONResponse.make(.object(["assessment": .string(record.ref), "intel": .string(record.intelRef), "outcome": record.outcome.json,
                                          "language_warnings": WriteRoutes.json(record.warnings)]), status: .created)
    }

    static func date(_ body: [String: JSONValue], _ field: String) throws -> CalendarDate? {
        guard let text = body[field]?.stringValue else { return nil }
        guard let date = CalendarDate(text) else { throw ServerError(.badRequest, "\(field) \(text) is not a date (YYYY-MM-DD)") }
        return date
    }

    static func json(_ warnings: [LanguageWarning]) -> JSONValue {
        .array(warnings.map { warning in
            .object(["line": .number(String(warning.line)), "column": .number(String(warning.column)), "matched": .string(warning.matched),
                     "phrase": .string(warning.phrase), "reason": .string(warning.reason),
                     "suggestions": .array(warning.suggestions.map { .string($0) })])
        })
    }
}
