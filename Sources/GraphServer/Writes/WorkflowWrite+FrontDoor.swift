import CaseWorkflow
import GraphCore

/// The front door: recording a referral and opening a MACCSE case from one.
extension WorkflowWrite {
    /// `{"child", "area"?, "received_on"?, "referrer", "agency", "concern", "outcome"?,
    /// "screened_on"?, "immediate_risk"?, "note"?}` → `{"referral", "repeat_of",
    /// "language_warnings"}`. A screening outcome given without its day is today's.
    static let recordReferral = WorkflowWrite(permission: .workCases, purpose: "recording a referral", status: .created) { input in
        let fields = input.fields
        let outcome = try fields.optionalChoice("outcome", ScreeningOutcome.self)
        let record = try input.services.workflow.recordReferral(ReferralInput(
            child: try fields.text("child", "the child's id"), area: try input.localAuthority("area"),
            receivedOn: try fields.date("received_on") ?? .today, referrer: try fields.text("referrer", "who referred"),
            agency: try fields.text("agency", "the referring agency's code"), concern: try fields.choice("concern", Concern.self),
            outcome: outcome, screenedOn: try fields.date("screened_on") ?? (outcome == nil ? nil : .today),
            immediateRisk: try fields.bool("immediate_risk") ?? false, note: fields.optional("note")), by: input.viewer)
        return .object(["referral": .string(record.ref), "repeat_of": record.repeatOf.map { .string($0) } ?? .null,
                        "language_warnings": record.warnings.json])
    }

    /// `{"referral", "on"?}` (or the referral in the address) → `{"case"}`: opens the
    /// child's MACCSE case from a screened referral.
    static let openCase = WorkflowWrite(permission: .workCases, purpose: "opening a MACCSE case", status: .created) { input in
        let referral = try input.fields.optional("referral") ?? input.record
        let ref = try input.services.workflow.openCase(referral: referral, on: try input.fields.date("on") ?? .today, by: input.viewer)
        return .object(["case": .string(ref)])
    }
}
