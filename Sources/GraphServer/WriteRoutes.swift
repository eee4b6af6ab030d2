import CaseWorkflow
import Foundation
import GraphCore
import GraphStore
import HTTPTypes
import Hummingbird

/// The API's write for assessments, whose answers follow the risk framework's questions
/// (intelligence entry is ``IntelRoutes``; referrals, cases and the rest of the case
/// workflow are ``WorkflowWriteRoutes``). It is one transaction with its audit row; free
/// text comes back with its child-first language warnings, and is stored as written.
struct WriteRoutes {
    let services: Services

    func add(to router: Router<AppRequestContext>) {
        router.post("/api/cases/{ref}/assessments", use: assessment)
    }

    var limit: Int { services.configuration.maxBodyBytes }

    @Sendable func assessment(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require([.ccsetCoordinator])
        let ref = try context.parameters.require("ref")
        let input = try AssessmentInput(json: try await request.jsonObject(limit: limit), caseRef: ref, today: .today)
        let record = try services.workflow.recordAssessment(input, by: services.viewer(context, purpose: "recording an assessment"))
        return JSONResponse.make(.object(["assessment": .string(record.ref), "intel": .string(record.intelRef), "outcome": record.outcome.json,
                                          "language_warnings": WriteRoutes.json(record.warnings)]), status: .created)
    }

    static func json(_ warnings: [LanguageWarning]) -> JSONValue {
        .array(warnings.map { warning in
            .object(["line": .number(String(warning.line)), "column": .number(String(warning.column)), "matched": .string(warning.matched),
                     "phrase": .string(warning.phrase), "reason": .string(warning.reason),
                     "suggestions": .array(warning.suggestions.map { .string($0) })])
        })
    }
}
