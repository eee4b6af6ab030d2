import GraphStore

/// What a panel decided about a case, as recorded, in whichever list it stands (a case's
/// decisions, a panel's): the decision, the review it set, the reason, a police flag's
/// retention, the risk agreed and the note. Each list's row holds one
/// (``CaseDetail/Decision``, ``PanelDetail/Decision``) and reads its fields through it,
/// with its own columns beside them in the same JSON object.
public struct RecordedDecision: Codable, Sendable, Equatable {
    /// The decision (``PanelDecisionKind``), and the review it set.
    public var decision: String
    public var reviewOn: String?
    /// Why, when the decision needs a reason (free text).
    public var reason: String?
    /// Until when a police flag is kept after removal.
    public var policeFlagUntil: String?
    /// The risk level the panel recorded.
    public var risk: String?
    /// The panel's note (free text).
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case decision
        case reviewOn = "review_on"
        case reason
        case policeFlagUntil = "police_flag_until"
        case risk, note
    }

    init(_ columns: ColumnReader) throws {
        decision = try columns.text("decision")
        reviewOn = try columns.optionalText("review_on")
        reason = try columns.optionalText("reason")
        policeFlagUntil = try columns.optionalText("police_flag_until")
        risk = try columns.optionalText("risk")
        note = try columns.optionalText("note")
    }

    func pseudonymised(by pseudonyms: Pseudonymiser) -> RecordedDecision {
        var shown = self
        shown.reason = reason.map(pseudonyms.apply)
        shown.note = note.map(pseudonyms.apply)
        return shown
    }

    /// Encodes every key, `null` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decision, forKey: .decision)
        try container.encode(reviewOn, forKey: .reviewOn)
        try container.encode(reason, forKey: .reason)
        try container.encode(policeFlagUntil, forKey: .policeFlagUntil)
        try container.encode(risk, forKey: .risk)
        try container.encode(note, forKey: .note)
    }
}
