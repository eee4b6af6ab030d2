import GraphCore

/// What a MACCSE panel can decide about a case (seed 003; DOMAIN.md "Decisions").
public enum PanelDecisionKind: String, Sendable, CaseIterable, Codable {
    /// Keep the case open and review it on a date (12 weeks by default).
    case review
    /// Remove from MACCSE and remove the flags (a police flag stays for its retention period).
    case remove
    /// Remove from MACCSE but keep the police (PNC/LEDS) flag until a date.
    case removeKeepPoliceFlag = "remove_keep_police_flag"
    /// Closed because agencies could not engage.
    case closedUnableToEngage = "closed_unable_to_engage"
    /// The chair escalates; the case stays open.
    case escalate
    /// Signposted to prevention services; the case closes.
    case signpost
}

/// A flag a decision sets or removes.
public struct FlagChange: Sendable, Equatable {
    /// The child, adult or location flagged (default: the case's child).
    public var entity: String?
    public var flag: String
    public var owner: String

    public init(entity: String? = nil, flag: String, owner: String) {
        self.entity = entity
        self.flag = flag
        self.owner = owner
    }
}

/// A panel decision as the chair records it.
public struct PanelDecisionInput: Sendable {
    public var decision: PanelDecisionKind
    /// The review date the chair chose (default: the partnership's interval after the meeting).
    public var reviewOn: CalendarDate?
    /// Why: required for a review beyond the default interval, an escalation, and a
    /// closure because agencies could not engage.
    public var reason: String?
    /// Until when the police flag is kept (`remove_keep_police_flag`).
    public var policeFlagUntil: CalendarDate?
    /// The closure reason when the case is removed (default: risk reduced; `reached_18`,
    /// `no_consent` and `moved_area` are the others).
    public var closure: Closure?
    /// The risk level the panel agreed, `framework:level`.
    public var risk: RiskLevel?
    public var note: String?
    /// Flags to set through this decision.
    public var setFlags: [FlagChange]

    public init(decision: PanelDecisionKind, reviewOn: CalendarDate? = nil, reason: String? = nil,
                policeFlagUntil: CalendarDate? = nil, closure: Closure? = nil, risk: RiskLevel? = nil,
                note: String? = nil, setFlags: [FlagChange] = []) {
        self.decision = decision
        self.reviewOn = reviewOn
        self.reason = reason
        self.policeFlagUntil = policeFlagUntil
        self.closure = closure
        self.risk = risk
        self.note = note
        self.setFlags = setFlags
    }
}

/// Whether a panel may make decisions, and why not.
public struct Quoracy: Sendable, Equatable {
    /// The agencies present that count.
    public let agencies: [String]
    /// What is missing, in words; empty when quorate.
    public let shortfalls: [String]

    public var isQuorate: Bool { shortfalls.isEmpty }
}
