import CaseWorkflow
import GraphCore

/// The front door and the case's timeline: screening a referral, the strategy meeting, a
/// transitions plan, the alerts' review tasks and the partnership's settings.
extension WorkflowWrite {
    /// `{"outcome", "on"?}` on a referral: the front door's screening outcome.
    static let screen = WorkflowWrite(permission: .workCases, purpose: "screening a referral", status: .ok) { input in
        let fields = input.fields
        let outcome = try fields.choice("outcome", ScreeningOutcome.self)
        let on = try fields.date("on") ?? .today
        try input.services.workflow.screenReferral(try input.record, outcome: outcome, on: on, by: input.viewer)
        return .object(["referral": .string(try input.record), "outcome": .string(outcome.rawValue), "on": .string(on.description)])
    }

    /// `{"on"?, "kind"?, "section_47"?, "attendees"?, "decisions", "no_conference_reason"?,
    /// "flags"?, "note"?}` on a case → `{"case", "meeting", "language_warnings"}`: a strategy
    /// meeting's record. `attendees` and `flags` are lists of `NAME:AGENCY` and
    /// `FLAG:OWNER[:ID]` (a form's textarea gives one a line); `decisions` a list of codes.
    static let strategyMeeting = WorkflowWrite(permission: .workCases, purpose: "recording a strategy meeting", status: .ok) { input in
        let fields = input.fields
        // A list of objects (the pages' rows, or the API's) or of `NAME:AGENCY` lines.
        let objects = { (field: String) in fields.values[field]?.arrayValue?.first?.objectValue != nil }
        let attendees = objects("attendees") ? try WorkflowWrite.attendees(fields) : try fields.list("attendees").map { text -> Attendee in
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ServerError(.badRequest, "attendees: write each as NAME:AGENCY, not \(Excerpt(text))", field: "attendees")
            }
            return Attendee(name: parts[0], agency: parts[1], signedConfidentiality: true)
        }
        let flags = objects("flags") ? try WorkflowWrite.flagChanges(WriteFields(["set_flags": fields.values["flags"] ?? .null]))
            : try fields.list("flags").map { text -> FlagChange in
            let parts = text.split(separator: ":").map { String($0).trimmingWhitespace() }
            guard parts.count == 2 || parts.count == 3 else { throw ServerError(.badRequest, "flags: write each as FLAG:OWNER[:ID], not \(Excerpt(text))", field: "flags") }
            return FlagChange(entity: parts.count == 3 ? parts[2] : nil, flag: parts[0], owner: parts[1])
        }
        let decisions = try fields.list("decisions").map { code -> StrategyMeeting.Decision in
            guard let decision = StrategyMeeting.Decision(rawValue: code) else {
                throw ServerError(.badRequest, "decisions: \(Excerpt(code)) is not one of " + WriteFields.allowed(StrategyMeeting.Decision.self))
            }
            return decision
        }
        let (ref, warnings) = try input.services.workflow.recordStrategyMeeting(StrategyMeetingInput(
            caseRef: try input.record, kind: try fields.optionalChoice("kind", StrategyMeeting.Kind.self) ?? .strategy,
            heldOn: try fields.date("on") ?? .today, section47: try fields.bool("section_47") ?? false, attendees: attendees,
            decisions: decisions, noConferenceReason: fields.optional("no_conference_reason"), flags: flags, note: fields.optional("note")),
            by: input.viewer)
        return .object(["case": .string(try input.record), "meeting": .string(ref), "language_warnings": warnings.json])
    }

    /// `{"on"?}` on a case: a transitions plan is in place for a child approaching 18.
    static let transitionsPlan = WorkflowWrite(permission: .workCases, purpose: "recording a transitions plan", status: .ok) { input in
        let on = try input.fields.date("on") ?? .today
        try input.services.workflow.recordTransitionsPlan(case: try input.record, on: on, by: input.viewer)
        return .object(["case": .string(try input.record), "transitions_plan_on": .string(on.description)])
    }

    /// `{"since"?}` → `{"raised": [..], "notifications": [..]}`: scans the graph for the
    /// alert rules, each new finding an open review task, then runs the notification pass. Links recorded on or after `since` count as new
    /// (default: the day of the last scan).
    static let scanAlerts = WorkflowWrite(permission: .reviewAlerts, purpose: "scanning for alerts", status: .ok,
                                          showsPersonalData: true) { input in
        // The alert scan runs the notification pass too (issue 19), in the same transaction.
        let (raised, pass) = try input.services.workflow.scanAlertsAndNotify(engine: input.services.engine, on: .today,
                                                                             since: try input.fields.date("since"), by: input.viewer)
        return .object(["raised": .array(raised.map { finding in
            .object(["kind": .string(finding.kind), "entities": .array(finding.entities.map { .string($0) }), "detail": .string(finding.detail)])
        }), "notifications": .array(pass.raised.map { .string($0) })])
    }

    /// `{"note", "dismiss"?}` on an alert: closes its review task as reviewed (or dismissed).
    static let reviewAlert = WorkflowWrite(permission: .reviewAlerts, purpose: "reviewing an alert", status: .ok) { input in
        guard let id = Int64(try input.record) else { throw ServerError.notFound }
        let dismiss = try input.fields.bool("dismiss") ?? false
        try input.services.workflow.reviewAlert(id, dismiss: dismiss, note: try input.fields.text("note", "what the review found"), by: input.viewer)
        return .object(["alert": .number(String(id)), "status": .string(dismiss ? "dismissed" : "reviewed")])
    }

    /// `{"area"?, "settings": {..}}` → the settings now in force: changes a local
    /// authority's settings (or, without `area`, the partnership default). Fields left out
    /// keep their value; docs/WORKFLOW.md lists them.
    static let settings = WorkflowWrite(permission: .changeSettings, purpose: "changing partnership settings", status: .ok) { input in
        guard case .object(let changes)? = input.fields.values["settings"] else {
            throw ServerError(.badRequest, "give settings: a JSON object of the settings to change, e.g. {\"agendaDaysBefore\": 5}")
        }
        return try input.services.workflow.updateSettings(changes, for: input.fields.optional("area"), by: input.viewer).json
    }
}
