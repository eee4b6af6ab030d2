import GraphCore
import GraphStore

extension Workflow {
    /// Adds a case to its authority's next panel between panels, when significant new
    /// information arrives (seed 003), with the reason; the next agenda built takes it, after
    /// the victims' cases the agenda finds itself.
    ///
    /// - Throws: ``WorkflowError``: no such open case (or one the viewer may not see), or no reason.
    public func addToNextAgenda(case caseRef: String, reason: String, on date: CalendarDate, by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            let ceCase = try requireCase(caseRef, open: true, operation: "add to agenda", by: viewer, in: tx)
            let reason = try Self.requiredReason(reason, operation: "add to agenda", "say what significant new information brings the case")
            try tx.execute("panel.request", [
                "area": ceCase["area"], "case": ceCase["id"], "kind": "added", "reason": .text(reason), "from": .null,
                "on": StoredValue(date), "by": .text(viewer.name),
            ])
            try tx.audit(.collection, by: viewer, records: .object(["workflow": "agenda_add", "case": .string(caseRef)]))
        }
    }

    /// Defers a case on a panel's agenda to the authority's next panel, with the reason;
    /// the next agenda lists it with how often the case has been deferred.
    ///
    /// - Throws: ``WorkflowError``: the case is not on the panel's agenda, the panel was
    ///   cancelled, or no reason.
    public func deferCase(panel ref: String, case caseRef: String, reason: String, on date: CalendarDate, by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            let meeting = try requirePanel(ref, operation: "defer", by: viewer, in: tx)
            guard meeting.string("status") != "cancelled" else {
                throw WorkflowError("defer", "panel \(ref) was cancelled: its open cases go to the next agenda as it is built",
                                    field: "panel", kind: .conflict)
            }
            let ceCase = try requireCase(caseRef, open: true, operation: "defer", by: viewer, in: tx)
            guard try tx.row("panel.on_agenda", ["meeting": meeting["id"], "case": ceCase["id"]]) != nil else {
                throw WorkflowError("defer", "case \(caseRef) is not on the agenda of \(ref)", field: "case")
            }
            let reason = try Self.requiredReason(reason, operation: "defer", "say why the case is deferred")
            try tx.execute("panel.request", [
                "area": meeting["area"], "case": ceCase["id"], "kind": "deferred", "reason": .text(reason), "from": meeting["id"],
                "on": StoredValue(date), "by": .text(viewer.name),
            ])
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "defer", "panel": .string(ref), "case": .string(caseRef),
            ]))
        }
    }

    /// Refers an adult of concern or a group to a panel (seed 004: perpetrator referrals,
    /// prepared by the police, discussed after the victims' cases); referring again replaces
    /// the reason.
    ///
    /// - Throws: ``WorkflowError``: the subject is not an adult or a group, or no reason.
    public func referPerpetrator(panel ref: String, subject: String, reason: String, on date: CalendarDate, by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            let meeting = try requirePanel(ref, operation: "perpetrator referral", by: viewer, in: tx)
            guard meeting.string("status") == "scheduled" else {
                throw WorkflowError("perpetrator referral", "panel \(ref) is \(meeting.string("status"))", field: "panel", kind: .conflict)
            }
            let entity = try requireEntity(subject, kinds: [.adult, .group], field: "subject", operation: "perpetrator referral",
                                           by: viewer, in: tx)
            let reason = try Self.requiredReason(reason, operation: "perpetrator referral",
                                                 "say what is sought: information to identify potential victims, action planning")
            try tx.execute("panel.refer_perpetrator", [
                "meeting": meeting["id"], "subject": entity["id"], "reason": .text(reason), "on": StoredValue(date),
                "by": .text(viewer.name),
            ])
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "perpetrator_referral", "panel": .string(ref), "subject": .string(subject),
            ]))
        }
    }

    /// `reason` trimmed, or an error naming the field when it is empty.
    static func requiredReason(_ reason: String, operation: String, _ hint: String) throws -> String {
        let trimmed = reason.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw WorkflowError(operation, hint, field: "reason") }
        return trimmed
    }
}
