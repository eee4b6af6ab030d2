import CaseWorkflow
import GraphCore

/// The MACCSE panel's writes: schedule, agenda, attendance, decisions, minutes and actions.
extension WorkflowWrite {

    /// `{"area", "on", "starts_at"?, "co_chairs": [..]}` → `{"panel"}`.
    static let schedulePanel = WorkflowWrite(permission: .runPanels, purpose: "scheduling a panel", status: .created) { input in
        let fields = input.fields
        let coChairs = try fields.list("co_chairs")
        guard !coChairs.isEmpty else { throw ServerError(.badRequest, "give co_chairs: the joint chairs (police and children's social care)") }
        _ = try fields.text("area", "a local authority, by name or code")
        let ref = try input.services.workflow.schedulePanel(area: try input.localAuthority("area") ?? "",
                                                            on: try fields.requiredDate("on"), startsAt: fields.optional("starts_at"),
                                                            coChairs: coChairs, by: input.viewer)
        return .object(["panel": .string(ref)])
    }

    /// Builds (or rebuilds) the agenda → the panel's record.
    static let buildAgenda = WorkflowWrite(permission: .runPanels, purpose: "building a panel agenda", status: .ok,
                                           showsPersonalData: true) { input in
        try JSONValue(encoding: input.services.workflow.buildAgenda(panel: try input.record, by: input.viewer))
    }

    /// `{"recipients": [..]?, "on"?}` → `{"sent_on", "on_time"}`: the agenda went out, and to whom.
    static let sendAgenda = WorkflowWrite(permission: .runPanels, purpose: "sending a panel agenda", status: .ok) { input in
        let on = try input.fields.date("on") ?? .today
        let onTime = try input.services.workflow.sendAgenda(panel: try input.record, on: on, recipients: try input.fields.list("recipients"),
                                                            by: input.viewer)
        return .object(["sent_on": .string(on.description), "on_time": .bool(onTime)])
    }

    /// `{"attendees": [{"name", "agency", "signed_confidentiality"}]}` (a form: one a line,
    /// `NAME:AGENCY`, or `NAME:AGENCY:unsigned`) → the quoracy.
    static let attendance = WorkflowWrite(permission: .runPanels, purpose: "panel attendance", status: .ok) { input in
        let attendees = try WorkflowWrite.attendees(input.fields)
        guard !attendees.isEmpty else {
            throw ServerError(.badRequest, "give attendees: each with a name, an agency and signed_confidentiality", field: "attendees")
        }
        let quoracy = try input.services.workflow.recordAttendance(panel: try input.record, attendees, by: input.viewer)
        return .object(["quorate": .bool(quoracy.isQuorate), "agencies": .array(quoracy.agencies.map { .string($0) }),
                        "shortfalls": .array(quoracy.shortfalls.map { .string($0) })])
    }

    static func attendees(_ fields: WriteFields) throws -> [Attendee] {
        if case .array(let list)? = fields.values["attendees"] {
            return try list.map { item in
                guard let name = item.objectValue?["name"]?.stringValue, let agency = item.objectValue?["agency"]?.stringValue else {
                    throw ServerError(.badRequest, "each attendee has a name and an agency", field: "attendees")
                }
                return Attendee(name: name, agency: agency, signedConfidentiality: item.objectValue?["signed_confidentiality"] == .bool(true))
            }
        }
        return try fields.list("attendees").map { line in
            let parts = line.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard parts.count == 2 || (parts.count == 3 && parts[2] == "unsigned") else {
                throw ServerError(.badRequest, "attendees: write each as NAME:AGENCY, or NAME:AGENCY:unsigned (\(Excerpt.bare(line)))", field: "attendees")
            }
            return Attendee(name: parts[0], agency: parts[1], signedConfidentiality: parts.count == 2)
        }
    }

    /// `{"case", "decision", "review_on"?, "reason"?, "police_flag_until"?, "closure"?, "risk"?,
    /// "note"?, "set_flags"?}` → `{"effects"}`. A form gives set_flags one a line, `FLAG:OWNER[:ID]`.
    static let decision = WorkflowWrite(permission: .runPanels, purpose: "recording a panel decision", status: .created) { input in
        let fields = input.fields
        guard let caseRef = fields.optional("case"), let kind = try? fields.choice("decision", PanelDecisionKind.self) else {
            throw ServerError(.badRequest, "give case and decision (" + WriteFields.allowed(PanelDecisionKind.self) + ")")
        }
        let risk = try fields.optional("risk").map { text in
            guard let level = RiskLevel(text) else { throw ServerError(.badRequest, "risk \(Excerpt.bare(text)) is not a risk level (framework:level)", field: "risk") }
            return level
        }
        let effects = try input.services.workflow.recordDecision(panel: try input.record, case: caseRef, PanelDecisionInput(
            decision: kind, reviewOn: try fields.date("review_on"), reason: fields.optional("reason"),
            policeFlagUntil: try fields.date("police_flag_until"), closure: try fields.optionalChoice("closure", Closure.self),
            risk: risk, note: fields.optional("note"), setFlags: try WorkflowWrite.flagChanges(fields)), by: input.viewer)
        return .object(["effects": .array(effects.map { .string($0) })])
    }

    static func flagChanges(_ fields: WriteFields) throws -> [FlagChange] {
        if case .array(let list)? = fields.values["set_flags"] {
            return try list.map { item in
                guard let flag = item.objectValue?["flag"]?.stringValue, let owner = item.objectValue?["owner"]?.stringValue else {
                    throw ServerError(.badRequest, "each of set_flags has a flag and an owner", field: "set_flags")
                }
                return FlagChange(entity: item.objectValue?["entity"]?.stringValue, flag: flag, owner: owner)
            }
        }
        return try fields.list("set_flags").map { line in
            let parts = line.split(separator: ":").map { String($0).trimmingWhitespace() }
            guard parts.count == 2 || parts.count == 3 else { throw ServerError(.badRequest, "set_flags: write each as FLAG:OWNER or FLAG:OWNER:ID (\(Excerpt.bare(line)))", field: "set_flags") }
            return FlagChange(entity: parts.count == 3 ? parts[2] : nil, flag: parts[0], owner: parts[1])
        }
    }

    /// `{"reason"}` → `{"panel", "status": "cancelled"}`: a panel not yet held is cancelled.
    static let cancelPanel = WorkflowWrite(permission: .runPanels, purpose: "cancelling a panel", status: .ok) { input in
        try input.services.workflow.cancelPanel(try input.record, reason: try input.fields.text("reason"), on: .today, by: input.viewer)
        return .object(["panel": .string(try input.record), "status": "cancelled"])
    }

    /// `{"minutes", "case"?, "inquorate"?}` → `{"language_warnings"}`; the text is kept as
    /// written. With `case`, the minutes of that child's discussion, kept on their case;
    /// with `"inquorate": true`, notes of what was said at a panel that was not quorate.
    static let minutes = WorkflowWrite(permission: .runPanels, purpose: "recording panel minutes", status: .ok) { input in
        let text = try input.fields.text("minutes")
        let workflow = input.services.workflow
        let warnings = if let caseRef = input.fields.optional("case") {
            try workflow.recordCaseMinutes(panel: try input.record, case: caseRef, text, on: .today, by: input.viewer)
        } else {
            try workflow.recordMinutes(panel: try input.record, text, inquorateNotes: try input.fields.bool("inquorate") ?? false,
                                       by: input.viewer)
        }
        return .object(["language_warnings": warnings.json])
    }

    /// `{}` on a panel with minutes: its chair (a panel member who chairs the authority's
    /// panels) approves them → `{"panel", "minutes_approved_on"}`.
    static let approveMinutes = WorkflowWrite(permission: .approveMinutes, purpose: "approving panel minutes", status: .ok) { input in
        try input.services.workflow.approveMinutes(panel: try input.record, on: .today, by: input.viewer)
        return .object(["panel": .string(try input.record), "minutes_approved_on": .string(CalendarDate.today.description)])
    }

    /// `{"case", "reason"}` on a panel's case → `{"panel", "case", "deferred": true}`: the case
    /// goes to the authority's next agenda, with the reason.
    static let deferCase = WorkflowWrite(permission: .runPanels, purpose: "deferring a case", status: .ok) { input in
        let caseRef = try input.fields.text("case", "the case to defer")
        try input.services.workflow.deferCase(panel: try input.record, case: caseRef, reason: try input.fields.text("reason", "why it is deferred"),
                                              on: .today, by: input.viewer)
        return .object(["panel": .string(try input.record), "case": .string(caseRef), "deferred": .bool(true)])
    }

    /// `{"reason"}` on a case → `{"case", "added": true}`: the case joins its authority's next
    /// agenda between panels, with the reason.
    static let addToNextAgenda = WorkflowWrite(permission: .runPanels, purpose: "adding a case to the next agenda", status: .ok) { input in
        try input.services.workflow.addToNextAgenda(case: try input.record, reason: try input.fields.text("reason", "what brings the case"),
                                                    on: .today, by: input.viewer)
        return .object(["case": .string(try input.record), "added": .bool(true)])
    }

    /// `{"subject", "reason"}` → `{"panel", "subject"}`: a perpetrator referral (police).
    static let referPerpetrator = WorkflowWrite(permission: .prepareMarthr, purpose: "a perpetrator referral", status: .created) { input in
        let subject = try input.fields.text("subject", "the adult or group")
        try input.services.workflow.referPerpetrator(panel: try input.record, subject: subject,
                                                     reason: try input.fields.text("reason", "what is sought"), on: .today, by: input.viewer)
        return .object(["panel": .string(try input.record), "subject": .string(subject)])
    }

    /// `{"text", "owner", "due_on", "case"?}` → `{"action", "language_warnings"}`.
    static let panelAction = WorkflowWrite(permission: .runPanels, purpose: "raising a panel action", status: .created) { input in
        let fields = input.fields
        let (ref, warnings) = try input.services.workflow.addAction(at: .panel(try input.record), ActionInput(
            text: try fields.text("text", "what is to be done"), owner: try fields.text("owner", "the agency that owns it"),
            dueOn: try fields.requiredDate("due_on"), caseRef: fields.optional("case")), by: input.viewer)
        return .object(["action": .string(ref), "language_warnings": warnings.json])
    }

    /// `{"status": "done"|"cancelled"|"open", "note"?}` on a panel or MARTHR action.
    static let updateAction = WorkflowWrite(permission: .updateOwnAgencyActions, purpose: "updating an action", status: .ok) { input in
        let status = try input.fields.text("status", "done, cancelled or open")
        try input.services.workflow.updateAction(try input.record, status: status, on: .today, note: input.fields.optional("note"), by: input.viewer)
        return .object(["action": .string(try input.record), "status": .string(status)])
    }
}
