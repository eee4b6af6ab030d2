import GraphCore
import GraphStore

/// National Referral Mechanism stages (seed 003), in order.
public enum NRMStage: String, Sendable, CaseIterable, Codable {
    case needsReferral = "needs_referral"
    case referred
    case positiveReasonableGrounds = "positive_reasonable_grounds"
    case conclusiveGrounds = "conclusive_grounds"
    case negative

    /// Stages that may follow this one.
    var next: Set<NRMStage> {
        switch self {
        case .needsReferral: [.referred]
        case .referred: [.positiveReasonableGrounds, .negative]
        case .positiveReasonableGrounds: [.conclusiveGrounds, .negative]
        case .conclusiveGrounds, .negative: []
        }
    }
}

extension Workflow {
    /// Moves a case's NRM to a stage, keeping its history. Stages go in order: needs
    /// referral → referred → positive reasonable grounds → conclusive grounds, or negative
    /// after a referral or reasonable grounds.
    ///
    /// - Parameters:
    ///   - multiAgencyForum: whether the decision was made in a multi-agency forum (seed 003
    ///     §7 measure 10); recorded when given.
    /// - Throws: ``WorkflowError`` for a stage out of order or a date before the last.
    public func recordNRM(case ref: String, stage: NRMStage, on date: CalendarDate, multiAgencyForum: Bool?,
                          note: String? = nil, by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            let ceCase = try requireCase(ref, open: nil, operation: "nrm", by: viewer, in: tx)
            let submitted: CalendarDate? = stage == .referred ? date : nil
            if let current = try tx.row("nrm.by_case", ["case": ceCase["id"]]) {
                let from = NRMStage(rawValue: current.string("stage"))!
                guard from.next.contains(stage) else {
                    throw WorkflowError("nrm", "the NRM is at \(from.rawValue); it cannot move to \(stage.rawValue)", field: "stage",
                                        hint: from.next.isEmpty ? "the NRM is decided" : "next: " + from.next.map(\.rawValue).sorted().joined(separator: ", "))
                }
                if let last = current.date("stage_on"), date < last {
                    throw WorkflowError("nrm", "\(date) is before the last stage on \(last)", field: "on")
                }
                try tx.execute("nrm.update", ["id": current["id"], "stage": .text(stage.rawValue), "on": StoredValue(date),
                                              "submitted": StoredValue(submitted), "forum": StoredValue(multiAgencyForum)])
                try tx.execute("nrm.event", ["nrm": current["id"], "stage": .text(stage.rawValue), "on": StoredValue(date),
                                             "note": StoredValue(note)])
            } else {
                guard stage == .needsReferral || stage == .referred else {
                    throw WorkflowError("nrm", "an NRM starts at needs_referral or referred", field: "stage")
                }
                let id = try tx.execute("nrm.insert", ["case": ceCase["id"], "stage": .text(stage.rawValue), "on": StoredValue(date),
                                                       "submitted": StoredValue(submitted), "forum": StoredValue(multiAgencyForum)])
                try tx.execute("nrm.event", ["nrm": .integer(id), "stage": .text(stage.rawValue), "on": StoredValue(date),
                                             "note": StoredValue(note)])
            }
            try tx.audit(.alteration, by: viewer, records: .object([
                "workflow": "nrm", "case": .string(ref), "stage": .string(stage.rawValue),
            ]))
        }
    }
}
