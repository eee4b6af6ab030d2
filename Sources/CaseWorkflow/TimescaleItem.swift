import GraphCore

/// Something due under the protocols' timescales, and how it stands on the day asked.
public struct TimescaleItem: Sendable, Equatable {
    /// What is due: `screening`, `strategy_meeting`, `assessment`, `review`, `action`,
    /// `agenda`, `flag_review`, `transitions_plan`, `handover`, `minutes`,
    /// `initial_strategy_meeting`, `return_interview`, `notification`, `placement_screening`,
    /// `notice_expiry`.
    public let kind: String
    /// The record it is about (referral, case, action, panel or flagged record).
    public let ref: String
    /// The child concerned, when there is one.
    public let child: String?
    public let due: CalendarDate
    /// Who must act: an agency, the MACCSE coordinator or the panel chair.
    public let owner: String
    /// Working days late (0 when due today; negative when still to come).
    public let workingDaysLate: Int
    /// The rule, in words.
    public let rule: String

    public var isOverdue: Bool { workingDaysLate > 0 }

    public var json: JSONValue {
        .object([
            "kind": .string(kind), "ref": .string(ref), "child": child.map { .string($0) } ?? .null,
            "due": .string(due.description), "owner": .string(owner), "working_days_late": .number(String(workingDaysLate)),
            "rule": .string(rule),
        ])
    }
}
