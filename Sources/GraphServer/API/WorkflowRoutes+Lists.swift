import CaseWorkflow
import GraphCore
import Hummingbird

/// The API's lists of the front door and the timeline: referrals received, children near
/// 18, the alerts' review tasks, the flags on a record, and the settings in force.
extension WorkflowRoutes {
    func addLists(to router: Router<AppRequestContext>) {
        router.get("/api/referrals", use: referrals)
        router.get("/api/transitions", use: transitions)
        router.get("/api/alerts", use: alerts)
        router.get("/api/flags/{ref}", use: flags)
        router.get("/api/settings", use: settings)
    }

    /// `?area=&from=&to=&format=json|csv` (dates default to the last 90 days up to today).
    @Sendable func referrals(_ request: Request, context: AppRequestContext) async throws -> Response {
        // The role before the dates: a role that may not list referrals learns nothing from
        // which dates it may give.
        _ = try context.requireSensitive(.readCases)
        let csv = try Download.wantsCSV(request)
        let rows = try reads.referrals(area: try request.area(services), from: try request.date("from"), to: try request.date("to"), for: context)
        guard csv else { return JSONResponse.make(.object(["referrals": .array(rows)])) }
        let (file, ids) = Download.table("referrals", rows,
                                         columns: ["ref", "received_on", "area", "agency", "child_ref", "concern", "outcome", "screened_on",
                                                   "immediate_risk", "is_repeat", "case_ref"],
                                         ids: ["ref", "child_ref", "case_ref"], name: "referrals")
        return try file.response(details: ["area": request.query("area").map(JSONValue.string) ?? .null,
                                           "from": request.query("from").map(JSONValue.string) ?? .null,
                                           "to": request.query("to").map(JSONValue.string) ?? .null],
                                 recordIds: ids, request: request, context: context, services: services)
    }

    /// Children on MACCSE near 18, with whether a transitions plan is recorded; `?area=`.
    @Sendable func transitions(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readCases)
        let rows = try services.workflow.transitions(on: .today, area: try request.area(services),
                                                     by: services.viewer(context, purpose: "transitions"))
        return JSONResponse.make(.object(["transitions": .array(rows)]))
    }

    /// The alerts; `?status=open|reviewed|dismissed|all` (default open: the review tasks).
    @Sendable func alerts(_ request: Request, context: AppRequestContext) async throws -> Response {
        let status = request.query("status") ?? "open"
        let rows = try reads.alerts(status: status == "all" ? nil : status, for: context)
        return JSONResponse.make(.object(["alerts": .array(rows)]))
    }

    /// The flags on a child, adult, location or vehicle, each with whether it is present
    /// today. A record the viewer may not see answers as a missing one.
    @Sendable func flags(_ request: Request, context: AppRequestContext) async throws -> Response {
        let ref = try context.parameters.require("ref")
        return JSONResponse.make(.object(["entity": .string(ref), "flags": .array(try reads.flags(on: ref, for: context))]))
    }

    /// The settings in force for `?area=` (its own, over the partnership default, over the
    /// protocols'); no personal data.
    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONResponse.make(try reads.settings(area: try request.area(services), for: context).json)
    }
}
