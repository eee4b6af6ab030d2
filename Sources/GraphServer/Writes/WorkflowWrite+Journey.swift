import CaseWorkflow
import GraphCore

/// The child's journey and the duties to tell others (issue 19): placements, the
/// notification log and the handover at 18.
extension WorkflowWrite {
    /// `{"child", "ref"?, "placed_by"?, "lives_in"?, "type"?, "placement"?, "location"?,
    /// "started"?, "ended"?, "incoming"?, "ce_risk"?, "screened"?, "note"?}` → `{"placement",
    /// "new", "notifications", "language_warnings"}` (``Workflow/recordPlacement(_:on:by:)``).
    static let placement = WorkflowWrite(permission: .workCases, purpose: "recording a placement", status: .ok) { input in
        let fields = input.fields
        let record = try input.services.workflow.recordPlacement(PlacementInput(
            child: try fields.text("child", "the child"), ref: fields.optional("ref"), placedBy: try input.localAuthority("placed_by"),
            livesIn: try input.localAuthority("lives_in"), kind: try fields.optionalChoice("type", Placement.Kind.self) ?? .other,
            placement: fields.optional("placement"), location: fields.optional("location"), startedOn: try fields.date("started"),
            endedOn: try fields.date("ended"), incoming: try fields.bool("incoming") ?? false, ceRisk: try fields.bool("ce_risk"),
            screenedOn: try fields.date("screened"), note: fields.optional("note")), on: .today, by: input.viewer)
        return .object(["placement": .string(record.ref), "new": .bool(record.isNew),
                        "notifications": .array(record.notifications.map { .string($0) }), "language_warnings": record.warnings.json])
    }

    /// `{"child", "to", "contact", "event"?, "because"}` → `{"notification"}`: a duty to tell
    /// raised by hand (an arrest in another force area, say).
    static let notify = WorkflowWrite(permission: .workCases, purpose: "raising a notification", status: .created) { input in
        let fields = input.fields
        let ref = try input.services.workflow.raiseNotification(
            child: try fields.text("child", "the child"), to: try fields.text("to", "the authority or force to tell"),
            contact: try fields.choice("contact", NotificationTask.Contact.self),
            source: try fields.optionalChoice("event", NotificationTask.Source.self) ?? .other,
            because: try fields.text("because", "why they must be told"), on: .today, by: input.viewer)
        return .object(["notification": .string(ref)])
    }

    /// `{"how", "disclosed", "on"?, "note"?}` on a notification: done, kept as a disclosure.
    static let notified = WorkflowWrite(permission: .workCases, purpose: "recording a notification done", status: .ok) { input in
        let fields = input.fields
        let warnings = try input.services.workflow.completeNotification(
            try input.record, on: try fields.date("on") ?? .today, how: try fields.choice("how", NotificationTask.How.self),
            disclosed: try fields.text("disclosed", "what was shared with them"), note: fields.optional("note"), by: input.viewer)
        return .object(["notification": .string(try input.record), "done": .bool(true), "language_warnings": warnings.json])
    }

    /// `{"child"?}` → `{"raised", "extended", "cases"}`: the notification pass over every
    /// open case the account covers (or one child's).
    static let notificationPass = WorkflowWrite(permission: .workCases, purpose: "running the notification pass", status: .ok,
                                                showsPersonalData: true) { input in
        let result = try input.services.workflow.notificationPass(engine: input.services.engine, on: .today,
                                                                  child: input.fields.optional("child"), by: input.viewer)
        return .object(["raised": .array(result.raised.map { .string($0) }), "extended": .array(result.extended.map { .string($0) }),
                        "cases": .number(String(result.cases))])
    }

    /// `{"to"?, "on"?}` on a case: the child who turned 18 handed over to adult services.
    static let handover = WorkflowWrite(permission: .workCases, purpose: "recording a handover to adult services", status: .ok) { input in
        let to = input.fields.optional("to") ?? "adult_services"
        let on = try input.fields.date("on") ?? .today
        try input.services.workflow.handOver(case: try input.record, to: to, on: on, by: input.viewer)
        return .object(["case": .string(try input.record), "handover_to": .string(to), "handover_on": .string(on.description)])
    }
}
