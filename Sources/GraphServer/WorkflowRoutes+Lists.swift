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

    /// `?area=&from=&to=` (dates default to the last 90 days up to today).
    @Sendable func referrals(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(WorkflowReads.caseWorkers)
        let to = try request.date("to") ?? .today
        let from = try request.date("from") ?? to.adding(days: -90)
        guard from <= to else { throw ServerError(.badRequest, "from \(from) is after to \(to)") }
        let rows = try services.workflow.listReferrals(area: request.query("area"), from: from, to: to,
                                                       by: services.viewer(context, purpose: "listing referrals"))
        return JSONResponse.make(.object(["referrals": .array(rows)]))
    }

    /// Children on MACCSE near 18, with whether a transitions plan is recorded; `?area=`.
    @Sendable func transitions(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(WorkflowReads.caseWorkers)
        let rows = try services.workflow.transitions(on: .today, area: request.query("area"),
                                                     by: services.viewer(context, purpose: "transitions"))
        return JSONResponse.make(.object(["transitions": .array(rows)]))
    }

    /// The alerts; `?status=open|reviewed|dismissed|all` (default open: the review tasks).
    @Sendable func alerts(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(WorkflowReads.caseWorkers)
        let status = request.query("status") ?? "open"
        guard ["open", "reviewed", "dismissed", "all"].contains(status) else {
            throw ServerError(.badRequest, "status is open, reviewed, dismissed or all")
        }
        let rows = try services.workflow.alerts(status: status == "all" ? nil : status, by: services.viewer(context, purpose: "alerts"))
        return JSONResponse.make(.object(["alerts": .array(rows)]))
    }

    /// The flags on a child, adult, location or vehicle, each with whether it is present
    /// today. A record the viewer may not see answers as a missing one.
    @Sendable func flags(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(WorkflowReads.caseWorkers)
        let ref = try context.parameters.require("ref")
        let rows: [JSONValue]
        do {
            rows = try services.workflow.flags(on: ref, asOf: .today, by: services.viewer(context, purpose: "flags"))
        } catch is WorkflowError {
            throw ServerError.notFound
        }
        return JSONResponse.make(.object(["entity": .string(ref), "flags": .array(rows)]))
    }

    /// The settings in force for `?area=` (its own, over the partnership default, over the
    /// protocols'); no personal data.
    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require([.admin, .ccsetCoordinator, .marthrChair])
        return JSONResponse.make(try services.workflow.settings(for: request.query("area")).json)
    }
}
