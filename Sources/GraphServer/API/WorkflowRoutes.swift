import CaseWorkflow
import Foundation
import GraphCore
import GraphStore
import HTTPTypes
import Hummingbird

/// The API's reads of the case workflow: cases, panels, MARTHR meetings, the disruption
/// register, timescales and the quarterly report with its charts. Each goes through
/// ``WorkflowReads``, as the pages do.
struct WorkflowRoutes {
    let services: Services
    var reads: WorkflowReads { WorkflowReads(services: services) }

    func add(to router: Router<AppRequestContext>) {
        router.get("/api/cases", use: cases)
        router.get("/api/cases/{ref}", use: ceCase)
        router.get("/api/assessments/{ref}", use: assessment)
        router.get("/api/panels", use: panels)
        router.get("/api/panels/{ref}", use: panel)
        router.get("/api/panels/{ref}/trends", use: trends)
        router.get("/api/panels/{ref}/pack", use: pack)
        router.get("/api/marthr", use: marthrMeetings)
        router.get("/api/marthr/{ref}", use: marthr)
        router.get("/api/disruptions", use: disruptions)
        router.get("/api/disruptions/{ref}", use: disruption)
        router.get("/api/overdue", use: overdue)
        router.get("/api/main-list", use: mainList)
        router.get("/api/missing", use: missing)
        router.get("/api/placements", use: placements)
        router.get("/api/notifications", use: notifications)
        router.get("/api/reports/quarterly", use: quarterly)
        router.get("/api/reports/quarterly/charts/{name}", use: chart)
        addLists(to: router)
    }

    /// `?area=&status=&format=json|csv`.
    @Sendable func cases(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readCases)
        let csv = try Download.wantsCSV(request)
        let cases = try reads.cases(area: try request.area(services), status: request.query("status"), for: context)
        guard csv else { return try JSONResponse.make(encoding: ["cases": cases]) }
        let (file, ids) = Download.table("cases", try cases.map { try JSONValue(encoding: $0) },
                                         columns: ["ref", "status", "area", "child_ref", "concern", "opened_on", "review_on", "closed_on", "closure"],
                                         ids: ["ref", "child_ref"], name: "cases")
        return try file.response(details: ["area": request.query("area").map(JSONValue.string) ?? .null,
                                           "status": request.query("status").map(JSONValue.string) ?? .null],
                                 recordIds: ids, request: request, context: context, services: services)
    }

    @Sendable func ceCase(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONResponse.make(encoding: reads.ceCase(try context.parameters.require("ref"), for: context))
    }

    /// One assessment in full: every question of its framework with the answer recorded.
    @Sendable func assessment(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONResponse.make(bytes: try reads.assessment(try context.parameters.require("ref"), for: context).jsonData())
    }

    /// `?area=&format=json|csv`.
    @Sendable func panels(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.readPanels)
        let csv = try Download.wantsCSV(request)
        let panels = try reads.panels(area: try request.area(services), for: context)
        guard csv else { return try JSONResponse.make(encoding: ["panels": panels]) }
        let (file, ids) = Download.table("panels", try panels.map { try JSONValue(encoding: $0) },
                                         columns: ["ref", "area", "held_on", "starts_at", "agenda_due_on", "agenda_sent_on", "status"],
                                         ids: ["ref"], name: "panels")
        return try file.response(details: ["area": request.query("area").map(JSONValue.string) ?? .null],
                                 recordIds: ids, request: request, context: context, services: services)
    }

    @Sendable func panel(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONResponse.make(encoding: reads.panel(try context.parameters.require("ref"), for: context))
    }

    @Sendable func marthrMeetings(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONResponse.make(.object(["meetings": .array(try reads.marthrMeetings(for: context))]))
    }

    @Sendable func marthr(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONResponse.make(try reads.marthr(try context.parameters.require("ref"), for: context))
    }

    /// The register: `?show=all|in_force|expiring|breached|pending&area=&subject=&child=&page=&page_size=&format=json|csv`
    /// (the CSV: the page asked for).
    @Sendable func disruptions(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readMarthr)
        let csv = try Download.wantsCSV(request)
        let register = try reads.disruptions(request, for: context)
        guard csv else { return try JSONResponse.make(encoding: register) }
        let (file, ids) = Download.table("disruption register", try register.disruptions.map { try JSONValue(encoding: $0) },
                                         columns: ["ref", "tool", "state", "subject_ref", "subject_label", "child_ref", "child_label",
                                                   "drafted_on", "approved_on", "served_on", "expires_on", "ended_on", "breach_count",
                                                   "last_breached_on", "outcome", "meeting_ref"],
                                         ids: ["ref", "subject_ref", "child_ref"], name: "disruption-register")
        return try file.response(details: ["show": request.query("show").map(JSONValue.string) ?? .null, "page": .number(String(register.page))],
                                 recordIds: ids, request: request, context: context, services: services)
    }

    /// One notice, with its breaches and history.
    @Sendable func disruption(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONResponse.make(encoding: reads.disruption(try context.parameters.require("ref"), for: context))
    }

    @Sendable func overdue(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readCases)
        let items = try services.workflow.timescales(on: .today, area: try request.area(services), includeDueSoon: request.query("due_soon") == "1",
                                                     by: services.viewer(context, purpose: "timescales"))
        return JSONResponse.make(.object(["items": .array(items.map(\.json))]))
    }

    /// The panel's cross-border and trends section (those who run panels).
    @Sendable func trends(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONResponse.make(try reads.panelTrends(try context.parameters.require("ref"), for: context).json)
    }

    /// Missing episodes: `?child=` a child's, else the daily list `?since=&area=` (default:
    /// since the working day before today).
    @Sendable func missing(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readCases)
        let workflow = services.workflow
        let viewer = try services.viewer(context, purpose: "missing episodes")
        let episodes = if let child = request.query("child") {
            try workflow.missingEpisodes(child: child, by: viewer)
        } else {
            try workflow.missingReported(since: try request.date("since") ?? workflow.previousWorkingDay(before: .today, area: try request.area(services)),
                                         area: try request.area(services), by: viewer)
        }
        return try JSONResponse.make(encoding: ["episodes": episodes])
    }

    /// A child's placements, `?child=`.
    @Sendable func placements(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readCases)
        guard let child = request.query("child") else { throw ServerError(.badRequest, "give the child: ?child=") }
        let placements = try services.workflow.placements(child: child, by: try services.viewer(context, purpose: "placements"))
        return try JSONResponse.make(encoding: ["placements": placements])
    }

    /// The notification log, `?area=&status=open|done|all&child=`.
    @Sendable func notifications(_ request: Request, context: AppRequestContext) async throws -> Response {
        let tasks = try reads.notifications(area: try request.area(services), status: request.query("status") ?? "open",
                                            child: request.query("child"), for: context)
        return try JSONResponse.make(encoding: ["notifications": tasks])
    }

    /// The panel's main list, `?area=&format=json|csv`.
    @Sendable func mainList(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readCases)
        let csv = try Download.wantsCSV(request)
        let entries = try reads.mainList(area: try request.area(services), for: context)
        guard csv else { return try JSONResponse.make(encoding: ["cases": entries]) }
        return try Download.csv("main list", MainListEntry.csv(entries), name: "main-list")
            .response(details: ["area": request.query("area").map(JSONValue.string) ?? .null],
                      recordIds: entries.flatMap { [$0.caseRef, $0.childRef] }, request: request, context: context, services: services)
    }

    @Sendable func quarterly(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.readCases)
        let format = request.query("format") ?? "json"
        guard ["json", "csv", "md"].contains(format) else { throw ServerError(.badRequest, "format is json, csv or md") }
        let report = try reads.quarterly(area: try request.area(services), quarter: request.query("quarter"), for: context)
        switch format {
        case "csv":
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: report.csv)))
        case "md":
            return Response(status: .ok, headers: [.contentType: "text/markdown; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: report.markdown())))
        default:
            return JSONResponse.make(report.json)
        }
    }

    /// A chart of the quarterly report, `/api/reports/quarterly/charts/NAME.svg?area=&quarter=`.
    @Sendable func chart(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.readCases)
        let file = try context.parameters.require("name")
        guard file.hasSuffix(".svg") else { throw ServerError.notFound }
        let svg = try reads.chart(String(file.dropLast(".svg".count)), area: try request.area(services), quarter: request.query("quarter"),
                                  for: context)
        return Response(status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: svg)))
    }
}
