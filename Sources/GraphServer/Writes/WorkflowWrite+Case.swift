import CaseWorkflow
import GraphCore

/// A case's assessments and NRM, and flags on adults, locations and vehicles (children's
/// flags are set and removed through panel decisions).
extension WorkflowWrite {
    /// An assessment of the case the address names, its answers following the risk
    /// framework's questions (``AssessmentInput``'s JSON form) → `{"assessment", "intel",
    /// "outcome", "language_warnings"}`. Free text is stored as written, with its warnings.
    static let assess = WorkflowWrite(permission: .workCases, purpose: "recording an assessment", status: .created) { input in
        let assessment = try AssessmentInput(json: input.fields.values, caseRef: try input.record, today: .today)
        // The notification pass follows for the child: the assessment's records may cross a border.
        let (record, pass) = try input.services.workflow.recordAssessment(assessment, notifying: input.services.engine, by: input.viewer)
        return .object(["assessment": .string(record.ref), "intel": .string(record.intelRef), "outcome": record.outcome.json,
                        "language_warnings": record.warnings.json,
                        "notifications": .array((pass?.raised ?? []).map { .string($0) })])
    }

    /// `{"stage", "on"?, "multi_agency_forum"?, "note"?}` on a case.
    static let nrm = WorkflowWrite(permission: .workCases, purpose: "recording an NRM stage", status: .ok) { input in
        let fields = input.fields
        let stage = try fields.choice("stage", NRMStage.self)
        let on = try fields.date("on") ?? .today
        try input.services.workflow.recordNRM(case: try input.record, stage: stage, on: on, multiAgencyForum: try fields.bool("multi_agency_forum"),
                                              note: fields.optional("note"), by: input.viewer)
        return .object(["case": .string(try input.record), "stage": .string(stage.rawValue), "on": .string(on.description)])
    }

    /// `{"entity", "flag", "owner", "review_on"?}` → `{"effect"}`: a flag on an adult, a
    /// location or a vehicle.
    static let setFlag = WorkflowWrite(permission: .manageFlags, purpose: "setting a flag", status: .created) { input in
        let fields = input.fields
        let entity = try fields.text("entity", "the adult, location or vehicle")
        let effect = try input.services.workflow.setFlag(
            on: entity, FlagChange(flag: try fields.text("flag", WriteFields.allowed(FlagKind.self)), owner: try fields.text("owner", "the agency that owns it")),
            on: .today, review: try fields.date("review_on"), by: input.viewer)
        return .object(["entity": .string(entity), "effect": .string(effect)])
    }

    /// Removes the flags on the entity the address names → `{"effects"}`; a police flag stays
    /// for its retention period.
    static let removeFlags = WorkflowWrite(permission: .manageFlags, purpose: "removing flags", status: .ok) { input in
        let effects = try input.services.workflow.removeFlags(on: try input.record, on: .today, by: input.viewer)
        return .object(["entity": .string(try input.record), "effects": .array(effects.map { .string($0) })])
    }
}
