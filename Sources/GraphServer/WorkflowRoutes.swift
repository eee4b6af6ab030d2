import CaseWorkflow
import Foundation
import GraphCore
import GraphStore
import HTTPTypes
import Hummingbird

/// Cases, panels, timescales and the quarterly report.
struct WorkflowRoutes {
    let services: Services

    static let caseWorkers: Set<Role> = [.ccsetCoordinator, .marthrChair, .analyst]

    func add(to router: Router<AppRequestContext>) {
        router.get("/api/cases/{ref}", use: ceCase)
        router.get("/api/panels/{ref}", use: panel)
        router.get("/api/overdue", use: overdue)
        router.get("/api/reports/quarterly", use: quarterly)
    }

    @Sendable func ceCase(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireSensitive(WorkflowRoutes.caseWorkers.union([.panelMember]))
        let ref = try context.parameters.require("ref")
        let viewer = services.viewer(context, purpose: "viewing a case")
        let detail: JSONValue
        do {
            detail = try services.workflow.caseDetail(ref, asOf: .today, by: viewer)
        } catch is WorkflowError {
            throw ServerError.notFound
        }
        if account.role == .panelMember {
            guard let child = detail.objectValue?["child_ref"]?.stringValue, try services.visibility.maySee(child, account: account) else {
                throw ServerError.notFound
            }
        }
        return JSONResponse.make(detail)
    }

    @Sendable func panel(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireSensitive([.ccsetCoordinator, .marthrChair, .panelMember])
        let ref = try context.parameters.require("ref")
        let detail: JSONValue
        do {
            detail = try services.workflow.panel(ref, by: services.viewer(context, purpose: "viewing a panel"))
        } catch is WorkflowError {
            throw ServerError.notFound
        }
        if account.role == .panelMember, !account.panelAreas.contains(detail.objectValue?["area"]?.stringValue ?? "") {
            throw ServerError.notFound
        }
        return JSONResponse.make(detail)
    }

    @Sendable func overdue(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require([.ccsetCoordinator, .marthrChair])
        let items = try services.workflow.timescales(on: .today, area: request.query("area"), includeDueSoon: request.query("due_soon") == "1",
                                                     by: services.viewer(context, purpose: "timescales"))
        return JSONResponse.make(.object(["items": .array(items.map(\.json))]))
    }

    @Sendable func quarterly(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(WorkflowRoutes.caseWorkers)
        guard let area = request.query("area"), let quarter = request.query("quarter") else {
            throw ServerError(.badRequest, "give area (a local authority code) and quarter (YYYYQn)")
        }
        let report = try services.workflow.quarterlyReport(area: area, quarter: quarter, by: services.viewer(context, purpose: "quarterly report"))
        switch request.query("format") ?? "json" {
        case "csv":
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: report.csv)))
        case "md":
            return Response(status: .ok, headers: [.contentType: "text/markdown; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: report.markdown())))
        case "json":
            return JSONResponse.make(report.json)
        default:
            throw ServerError(.badRequest, "format is json, csv or md")
        }
    }
}
