import GraphCore
import GraphStore

/// A strategy meeting about a child's case (seed 002 §16; seed 003: CE flags can be actioned
/// from it): its kind, day, attendees, whether it initiated a Section 47 enquiry, what it
/// decided, the reasons when no child protection conference is initiated, and the flags
/// actioned at it (``Workflow/recordStrategyMeeting(_:by:)``).
public struct StrategyMeeting: Codable, Sendable, Equatable {
    /// A strategy meeting, the initial CSE strategy meeting, or a review CSE strategy meeting.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case strategy
        case initialCSE = "initial_cse"
        case reviewCSE = "review_cse"
    }

    /// The decisions seed 002 lists for a CSE strategy meeting.
    public enum Decision: String, Codable, Sendable, CaseIterable {
        case jointInvestigation = "joint_investigation"
        case criminalInvestigation = "criminal_investigation"
        case jointVisit = "joint_visit"
        case abeInterview = "abe_interview"
        case childProtectionConference = "child_protection_conference"
        case shortTermIntervention = "short_term_intervention"
        case criteriaNotMet = "criteria_not_met"

        /// The decision in words.
        public var words: String {
            switch self {
            case .jointInvestigation: "joint investigation (police and local authority)"
            case .criminalInvestigation: "full criminal investigation led by the police"
            case .jointVisit: "joint visit to the child and their carer"
            case .abeInterview: "video interview under Achieving Best Evidence"
            case .childProtectionConference: "child protection conference initiated"
            case .shortTermIntervention: "short-term intervention for a child vulnerable to exploitation"
            case .criteriaNotMet: "criteria not met: needs outside the exploitation remit assessed"
            }
        }
    }

    /// The meeting's reference, `SM-NNNNNN`, its kind and day.
    public var ref: String
    public var kind: Kind
    public var heldOn: String
    /// Whether it initiated a Section 47 enquiry.
    public var section47: Bool
    /// Who attended.
    public var attendees: [Attendee]
    /// What it decided, and why no child protection conference was initiated when none was.
    public var decisions: [Decision]
    public var noConferenceReason: String?
    /// The flags actioned at it, as set (`flag`, `owner`, and the entity when not the child).
    public var flagsSet: [FlagSet]
    /// A note (free text), and who recorded the meeting.
    public var note: String?
    public var recordedBy: String

    /// A flag actioned at the meeting.
    public struct FlagSet: Codable, Sendable, Equatable {
        public var entity: String
        public var flag: String
        public var owner: String
    }

    enum CodingKeys: String, CodingKey {
        case ref, kind
        case heldOn = "held_on"
        case section47 = "section_47"
        case attendees, decisions
        case noConferenceReason = "no_conference_reason"
        case flagsSet = "flags_set"
        case note
        case recordedBy = "recorded_by"
    }

    /// A row of `case.strategy_meetings`.
    init(_ row: StoredRow) throws {
        let columns = ColumnReader(row, "strategy meeting")
        ref = try columns.text("ref")
        kind = try Kind(rawValue: columns.text("kind")) ?? .strategy
        heldOn = try columns.text("held_on")
        section47 = try columns.flag("section47")
        attendees = try columns.json("attendees", as: [Attendee].self)
        decisions = try columns.json("decisions", as: [Decision].self)
        noConferenceReason = try columns.optionalText("no_conference_reason")
        flagsSet = try columns.json("flags_set", as: [FlagSet].self)
        note = try columns.optionalText("note")
        recordedBy = try columns.text("recorded_by")
    }

    /// The record with every child outside the viewer's need-to-know named "Child N".
    func pseudonymised(by pseudonyms: Pseudonymiser) -> StrategyMeeting {
        var shown = self
        shown.noConferenceReason = noConferenceReason.map(pseudonyms.apply)
        shown.note = note.map(pseudonyms.apply)
        return shown
    }

    /// Encodes every key, `null` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(kind, forKey: .kind)
        try container.encode(heldOn, forKey: .heldOn)
        try container.encode(section47, forKey: .section47)
        try container.encode(attendees, forKey: .attendees)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(noConferenceReason, forKey: .noConferenceReason)
        try container.encode(flagsSet, forKey: .flagsSet)
        try container.encode(note, forKey: .note)
        try container.encode(recordedBy, forKey: .recordedBy)
    }
}

/// A strategy meeting to record (``Workflow/recordStrategyMeeting(_:by:)``).
public struct StrategyMeetingInput: Sendable {
    public var caseRef: String
    public var kind: StrategyMeeting.Kind
    public var heldOn: CalendarDate
    public var section47: Bool
    public var attendees: [Attendee]
    public var decisions: [StrategyMeeting.Decision]
    public var noConferenceReason: String?
    /// CE flags actioned at the meeting (on the case's child unless another entity is named).
    public var flags: [FlagChange]
    public var note: String?

    public init(caseRef: String, kind: StrategyMeeting.Kind = .strategy, heldOn: CalendarDate, section47: Bool = false,
                attendees: [Attendee] = [], decisions: [StrategyMeeting.Decision], noConferenceReason: String? = nil,
                flags: [FlagChange] = [], note: String? = nil) {
        self.caseRef = caseRef
        self.kind = kind
        self.heldOn = heldOn
        self.section47 = section47
        self.attendees = attendees
        self.decisions = decisions
        self.noConferenceReason = noConferenceReason
        self.flags = flags
        self.note = note
    }
}
