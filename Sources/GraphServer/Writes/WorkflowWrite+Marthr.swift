import CaseWorkflow
import GraphCore
import GraphQuery

/// MARTHR's writes: meetings, nominations, the chair's decisions, actions, the disruption
/// register and feedback to MACCSE.
extension WorkflowWrite {

    /// `{"on", "chair", "force"?}` → `{"marthr"}`.
    static let scheduleMarthr = WorkflowWrite(permission: .prepareMarthr, purpose: "scheduling a MARTHR meeting", status: .created) { input in
        let fields = input.fields
        let ref = try input.services.workflow.scheduleMarthr(on: try fields.requiredDate("on"), chair: try fields.text("chair", "the police chair"),
                                                             force: fields.optional("force"), by: input.viewer)
        return .object(["marthr": .string(ref)])
    }

    /// `{"from_query": true, "top"?}` (the best candidates of the MARTHR query, with their
    /// criteria, score and evidence), or `{"subject", "case"?, "claims": [1-4], "reasons": [..]}`
    /// (from a panel case, or a partner) → `{"nominated", "confirmed"}` (the claimed
    /// thresholds the evidence confirms).
    static let nominate = WorkflowWrite(permission: .prepareMarthr, purpose: "nominating to MARTHR", status: .created) { input in
        let fields = input.fields, ref = try input.record
        if try fields.bool("from_query") == true {
            let nominated = try input.services.workflow.nominateFromQuery(marthr: ref, engine: input.services.engine,
                                                                          top: try fields.integer("top", in: 1...100) ?? 5, by: input.viewer)
            return .object(["nominated": .array(nominated.map { .string($0) })])
        }
        guard let subject = fields.optional("subject") else {
            throw ServerError(.badRequest, "give subject (with reasons, and the case it comes from if any), or from_query: true")
        }
        let confirmed = try input.services.workflow.nominate(marthr: ref, subject: subject, fromCase: fields.optional("case"),
                                                             claims: try claims(fields), reasons: try fields.list("reasons"),
                                                             engine: input.services.engine, by: input.viewer)
        return .object(["nominated": .array([.string(subject)]), "confirmed": .array(confirmed.map { .number(String($0)) })])
    }

    /// The thresholds a nomination claims: `claims` (a list), or a form's ticked `claim1`–`claim4`.
    private static func claims(_ fields: WriteFields) throws -> [Int] {
        try fields.integers("claims", in: 1...4) + (1...4).filter { fields.optional("claim\($0)") != nil }
    }

    /// `{"subject", "accept": true|false, "reason", "override"?}`: the chair accepts or
    /// declines a nomination, always with a reason; accepting a claim the evidence does not
    /// confirm, with the reason for overriding.
    static let decideNomination = WorkflowWrite(permission: .chairMarthr, purpose: "MARTHR decision", status: .ok) { input in
        let fields = input.fields
        guard let subject = fields.optional("subject"), let accept = try? fields.bool("accept") else {
            throw ServerError(.badRequest, "give subject, accept (true or false) and reason")
        }
        guard let reason = fields.optional("reason") else {
            throw ServerError(.badRequest, "give reason: the chair says why the nomination is accepted or declined")
        }
        try input.services.workflow.decideNomination(marthr: try input.record, subject: subject, accept: accept, reason: reason,
                                                     override: fields.optional("override"), by: input.viewer)
        return .object(["subject": .string(subject), "status": .string(accept ? "accepted" : "declined")])
    }

    /// `{"category", "text", "owner", "due_on", "subject"?}` → `{"action", "language_warnings"}`.
    static let marthrAction = WorkflowWrite(permission: .chairMarthr, purpose: "raising a MARTHR action", status: .created) { input in
        let fields = input.fields
        let (ref, warnings) = try input.services.workflow.addAction(at: .marthr(try input.record), ActionInput(
            text: try fields.text("text", "what is to be done"), owner: try fields.text("owner", "the agency that owns it"),
            dueOn: try fields.requiredDate("due_on"), subject: fields.optional("subject"),
            category: try fields.choice("category", MarthrActionCategory.self)), by: input.viewer)
        return .object(["action": .string(ref), "language_warnings": warnings.json])
    }

    /// `{"subject", "tool", "served_on", "expires_on"?, "child"?, "meeting"?, "outcome"?, "note"?}`
    /// → `{"disruption"}`: a notice already served, in the disruption register.
    static let disruption = WorkflowWrite(permission: .prepareMarthr, purpose: "recording a disruption", status: .created) { input in
        let ref = try input.services.workflow.recordDisruption(try disruptionInput(input, served: try input.fields.requiredDate("served_on")),
                                                               by: input.viewer)
        return .object(["disruption": .string(ref)])
    }

    /// `{"subject", "tool", "expires_on"?, "child"?, "meeting"?, "note"?}` → `{"disruption"}`:
    /// a notice drafted, for approval and service.
    static let draftDisruption = WorkflowWrite(permission: .prepareMarthr, purpose: "drafting a notice", status: .created) { input in
        let ref = try input.services.workflow.draftDisruption(try disruptionInput(input, served: nil), on: .today, by: input.viewer)
        return .object(["disruption": .string(ref), "status": "drafted"])
    }

    /// A notice's fields as typed into the API or a form; the meeting is the one in the
    /// address, if any.
    static func disruptionInput(_ input: Input, served: CalendarDate?) throws -> DisruptionInput {
        let fields = input.fields
        return DisruptionInput(subject: try fields.text("subject", "the adult, group, location or vehicle"),
                               tool: try fields.choice("tool", DisruptionTool.self), servedOn: served,
                               expiresOn: try fields.date("expires_on"), child: fields.optional("child"), outcome: fields.optional("outcome"),
                               meeting: input.ref ?? fields.optional("meeting"), note: fields.optional("note"))
    }

    /// `{"approved_by"?, "approver_role"}` on a draft: approved today, by the officer named
    /// (default: the chair recording it), with their rank or role.
    static let approveDisruption = WorkflowWrite(permission: .chairMarthr, purpose: "approving a notice", status: .ok) { input in
        let ref = try input.record
        try input.services.workflow.approveDisruption(ref, approver: input.fields.optional("approved_by") ?? input.viewer.name,
                                                      role: try input.fields.text("approver_role", "the approver's rank or role"),
                                                      on: .today, by: input.viewer)
        return .object(["disruption": .string(ref), "status": "approved"])
    }

    /// `{"served_on", "expires_on"?}` on an approved notice.
    static let serveDisruption = WorkflowWrite(permission: .prepareMarthr, purpose: "recording a notice served", status: .ok) { input in
        let ref = try input.record
        try input.services.workflow.serveDisruption(ref, on: try input.fields.requiredDate("served_on"),
                                                    expires: try input.fields.date("expires_on"), by: input.viewer)
        return .object(["disruption": .string(ref), "status": "served"])
    }

    /// `{"breached_on", "intel"?, "record"?, "note"}` on a served notice (a record: the
    /// intelligence report's id, or another record's reference).
    static let breach = WorkflowWrite(permission: .prepareMarthr, purpose: "recording a breach", status: .created) { input in
        let ref = try input.record, fields = input.fields
        try input.services.workflow.recordBreach(ref, BreachInput(breachedOn: try fields.requiredDate("breached_on"), intel: fields.optional("intel"),
                                                                  record: fields.optional("record"), note: try fields.text("note", "what happened")),
                                                 today: .today, by: input.viewer)
        return .object(["disruption": .string(ref), "breached_on": .string(try fields.requiredDate("breached_on").description)])
    }

    /// `{"expires_on"?, "new_notice"?: true}`: the expiry moved, or a new notice drafted to
    /// replace this one → `{"disruption"}`, the notice that carries on.
    static let renewDisruption = WorkflowWrite(permission: .prepareMarthr, purpose: "renewing a notice", status: .ok) { input in
        let renewed = try input.services.workflow.renewDisruption(try input.record, expires: try input.fields.date("expires_on"),
                                                                  asNewNotice: try input.fields.bool("new_notice") ?? false, on: .today,
                                                                  by: input.viewer)
        return .object(["disruption": .string(renewed), "renews": .string(try input.record)])
    }

    /// `{"outcome", "ended_on"?}`: the notice ends (default today), with its outcome.
    static let endDisruption = WorkflowWrite(permission: .prepareMarthr, purpose: "ending a notice", status: .ok) { input in
        let ref = try input.record
        try input.services.workflow.endDisruption(ref, outcome: try input.fields.text("outcome", "how the notice ended"),
                                                  on: try input.fields.date("ended_on") ?? .today, by: input.viewer)
        return .object(["disruption": .string(ref), "status": "ended"])
    }

    /// `{"outcome"}` on a disruption.
    static let disruptionOutcome = WorkflowWrite(permission: .prepareMarthr, purpose: "recording a disruption outcome", status: .ok) { input in
        try input.services.workflow.recordDisruptionOutcome(try input.record, outcome: try input.fields.text("outcome"), by: input.viewer)
        return .object(["disruption": .string(try input.record)])
    }

    /// `{"attendees": [{"name", "agency", "signed_confidentiality"}]}` (a form: one a line,
    /// `NAME:AGENCY`, or `NAME:AGENCY:unsigned`) → `{"unsigned"}`: who has not signed the
    /// confidentiality agreement yet.
    static let marthrAttendance = WorkflowWrite(permission: .prepareMarthr, purpose: "MARTHR attendance", status: .ok) { input in
        let unsigned = try input.services.workflow.recordMarthrAttendance(marthr: try input.record, try WorkflowWrite.attendees(input.fields),
                                                                           by: input.viewer)
        return .object(["unsigned": .array(unsigned.map { .string($0) })])
    }

    /// `{"minutes", "subject"?}` → `{"language_warnings"}`: the meeting's minutes, or the
    /// notes of one subject's discussion.
    static let marthrMinutes = WorkflowWrite(permission: .prepareMarthr, purpose: "recording MARTHR minutes", status: .ok) { input in
        let warnings = try input.services.workflow.recordMarthrMinutes(marthr: try input.record, try input.fields.text("minutes"),
                                                                       subject: input.fields.optional("subject"), on: .today, by: input.viewer)
        return .object(["language_warnings": warnings.json])
    }

    /// The chair approves the minutes as recorded, today.
    static let approveMarthrMinutes = WorkflowWrite(permission: .chairMarthr, purpose: "approving MARTHR minutes", status: .ok) { input in
        try input.services.workflow.approveMarthrMinutes(marthr: try input.record, on: .today, by: input.viewer)
        return .object(["marthr": .string(try input.record), "minutes_approved_on": .string(CalendarDate.today.description)])
    }

    /// `{"case", "text"}` → `{"language_warnings"}`: feedback to MACCSE, for the case's next
    /// panel agenda.
    static let feedback = WorkflowWrite(permission: .chairMarthr, purpose: "MARTHR feedback to MACCSE", status: .created) { input in
        let fields = input.fields
        let warnings = try input.services.workflow.feedbackToPanel(marthr: try input.record, case: try fields.text("case"),
                                                                   text: try fields.text("text", "the feedback"), by: input.viewer)
        return .object(["language_warnings": warnings.json])
    }
}
