import CaseWorkflow
import GraphCore

/// The lists of the front door and the timeline, as the API and the pages read them:
/// referrals received, the alerts' review tasks, the flags on a record, and the settings.
extension WorkflowReads {

    /// The referrals received from `from` to `to` (default: the 90 days up to today), of an
    /// area or all. Audited as a consultation.
    func referrals(area: String?, from: CalendarDate?, to: CalendarDate?, for context: AppRequestContext) throws -> [JSONValue] {
        _ = try context.requireSensitive(.readCases)
        let to = to ?? .today
        let from = from ?? to.adding(days: -90)
        guard from <= to else { throw ServerError(.badRequest, "from \(from) is after to \(to)") }
        return try services.workflow.listReferrals(area: area, from: from, to: to, by: services.viewer(context, purpose: "listing referrals"))
    }

    /// The notification log: tasks owned by `area` (or every area the viewer covers), open,
    /// done or all, a child's with `child`. Audited as a consultation.
    func notifications(area: String?, status: String, child: String? = nil, for context: AppRequestContext) throws -> [NotificationTask] {
        _ = try context.requireSensitive(.readCases)
        return try services.workflow.notifications(area: area, status: status, child: child,
                                                   by: services.viewer(context, purpose: "notifications"))
    }

    /// The alerts with a status (`open`, the review tasks; `reviewed`; `dismissed`), or all.
    func alerts(status: String?, for context: AppRequestContext) throws -> [JSONValue] {
        _ = try context.requireSensitive(.readAlerts)
        guard status.map({ ["open", "reviewed", "dismissed"].contains($0) }) ?? true else {
            throw ServerError(.badRequest, "status is open, reviewed, dismissed or all")
        }
        return try services.workflow.alerts(status: status, by: services.viewer(context, purpose: "alerts"))
    }

    /// The flags on a child, adult, location or vehicle, each with whether it is present
    /// today.
    ///
    /// - Throws: ``ServerError/notFound`` for a missing record or one of another kind.
    func flags(on ref: String, for context: AppRequestContext) throws -> [JSONValue] {
        _ = try context.requireSensitive(.readFlags)
        let viewer = try services.viewer(context, purpose: "flags")
        guard try services.store.mayOpen(ref, asked: "flags", by: viewer) else { throw ServerError.notFound }
        do {
            return try services.workflow.flags(on: ref, asOf: .today, by: viewer)
        } catch is WorkflowError {
            throw ServerError.notFound
        }
    }

    /// The settings in force for an area (its own, over the partnership default, over the
    /// protocols'), or the partnership default.
    func settings(area: String?, for context: AppRequestContext) throws -> PartnershipSettings {
        _ = try context.require(.readSettings)
        return try services.workflow.settings(for: area)
    }
}
