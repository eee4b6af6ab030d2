import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The API's writes of the case workflow: referrals, cases, assessments, panels
/// (schedule, agenda, sending it, attendance, decisions, minutes, actions), NRM, flags, and
/// MARTHR (meetings, nominations, decisions, actions, the disruption register, feedback),
/// screening, strategy meetings, transitions plans, alerts and settings.
/// Each is a ``WorkflowWrite``, the same one the pages' forms make; each is one transaction
/// with its audit row.
struct WorkflowWriteRoutes {
    let services: Services

    func add(to router: Router<AppRequestContext>) {
        router.post("/api/referrals", use: handler(.recordReferral))
        router.post("/api/cases", use: handler(.openCase))
        router.post("/api/cases/{ref}/assessments", use: handler(.assess))
        router.post("/api/panels", use: handler(.schedulePanel))
        router.post("/api/panels/{ref}/agenda", use: handler(.buildAgenda, body: false))
        router.post("/api/panels/{ref}/agenda/send", use: handler(.sendAgenda))
        router.post("/api/panels/{ref}/attendance", use: handler(.attendance))
        router.post("/api/panels/{ref}/decisions", use: handler(.decision))
        router.put("/api/panels/{ref}/minutes", use: handler(.minutes))
        router.post("/api/panels/{ref}/minutes/approval", use: handler(.approveMinutes))
        router.post("/api/panels/{ref}/cancel", use: handler(.cancelPanel))
        router.post("/api/panels/{ref}/actions", use: handler(.panelAction))
        router.post("/api/panels/{ref}/deferrals", use: handler(.deferCase))
        router.post("/api/panels/{ref}/perpetrators", use: handler(.referPerpetrator))
        router.post("/api/cases/{ref}/next-agenda", use: handler(.addToNextAgenda))
        router.post("/api/missing", use: handler(.missing))
        router.post("/api/placements", use: handler(.placement))
        router.post("/api/notifications", use: handler(.notify))
        router.post("/api/notifications/scan", use: handler(.notificationPass))
        router.post("/api/notifications/{ref}/done", use: handler(.notified))
        router.post("/api/cases/{ref}/handover", use: handler(.handover))
        router.post("/api/actions/{ref}", use: handler(.updateAction))
        router.post("/api/cases/{ref}/nrm", use: handler(.nrm))
        router.post("/api/flags", use: handler(.setFlag))
        router.delete("/api/flags/{ref}", use: handler(.removeFlags, body: false))
        router.post("/api/marthr", use: handler(.scheduleMarthr))
        router.post("/api/marthr/{ref}/nominations", use: handler(.nominate))
        router.post("/api/marthr/{ref}/decisions", use: handler(.decideNomination))
        router.post("/api/marthr/{ref}/actions", use: handler(.marthrAction))
        router.post("/api/marthr/{ref}/feedback", use: handler(.feedback))
        router.post("/api/marthr/{ref}/attendance", use: handler(.marthrAttendance))
        router.put("/api/marthr/{ref}/minutes", use: handler(.marthrMinutes))
        router.post("/api/marthr/{ref}/minutes/approval", use: handler(.approveMarthrMinutes))
        router.post("/api/disruptions", use: handler(.disruption))
        router.post("/api/disruptions/drafts", use: handler(.draftDisruption))
        router.post("/api/disruptions/{ref}/approval", use: handler(.approveDisruption))
        router.post("/api/disruptions/{ref}/service", use: handler(.serveDisruption))
        router.post("/api/disruptions/{ref}/breaches", use: handler(.breach))
        router.post("/api/disruptions/{ref}/renewal", use: handler(.renewDisruption))
        router.post("/api/disruptions/{ref}/end", use: handler(.endDisruption))
        router.post("/api/disruptions/{ref}/outcome", use: handler(.disruptionOutcome))
        router.post("/api/referrals/{ref}/screening", use: handler(.screen))
        router.post("/api/cases/{ref}/strategy-meeting", use: handler(.strategyMeeting))
        router.post("/api/cases/{ref}/transitions-plan", use: handler(.transitionsPlan))
        router.post("/api/alerts/scan", use: handler(.scanAlerts))
        router.post("/api/alerts/{ref}/review", use: handler(.reviewAlert))
        router.put("/api/settings", use: handler(.settings))
    }

    /// The route for a write: the role first (403 before the body is read), then the JSON
    /// body (none for `body: false`), then the write, answering with its JSON.
    func handler(_ write: WorkflowWrite, body: Bool = true) -> @Sendable (Request, AppRequestContext) async throws -> Response {
        let services = services
        return { request, context in
            try write.authorise(context)
            let fields = body ? WriteFields(try await request.jsonObject(limit: services.configuration.maxBodyBytes)) : WriteFields([:])
            let result = try write.perform(WorkflowWrite.Input(services: services, ref: context.parameters.get("ref"), fields: fields,
                                                               viewer: services.viewer(context, purpose: write.purpose)))
            return JSONResponse.make(result, status: write.status)
        }
    }
}
