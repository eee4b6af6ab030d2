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
    /// → `{"disruption"}`: an entry in the disruption register.
    static let disruption = WorkflowWrite(permission: .prepareMarthr, purpose: "recording a disruption", status: .created) { input in
        let fields = input.fields
        let ref = try input.services.workflow.recordDisruption(DisruptionInput(
            subject: try fields.text("subject", "the adult, group, location or vehicle"), tool: try fields.choice("tool", DisruptionTool.self),
            servedOn: try fields.requiredDate("served_on"), expiresOn: try fields.date("expires_on"), child: fields.optional("child"),
            outcome: fields.optional("outcome"), meeting: input.ref ?? fields.optional("meeting"), note: fields.optional("note")),
            by: input.viewer)
        return .object(["disruption": .string(ref)])
    }

    /// `{"outcome"}` on a disruption.
    static let disruptionOutcome = WorkflowWrite(permission: .prepareMarthr, purpose: "recording a disruption outcome", status: .ok) { input in
        try input.services.workflow.recordDisruptionOutcome(try input.record, outcome: try input.fields.text("outcome"), by: input.viewer)
        return .object(["disruption": .string(try input.record)])
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
