import GraphCore
import GraphStore

/// A notice, order or licensing action in the disruption register, as it stands on the day
/// asked (seed 003: created by the coordinator, approved and served by local policing, then
/// monitored): who it is against, the child it protects, each step of its life, and its
/// breaches. The JSON keys are the register's columns; `in_force` and `breached` are 1 or 0.
public struct Disruption: Encodable, Sendable, Equatable {
    /// Where a notice stands on the day asked.
    public enum State: String, Encodable, Sendable, CaseIterable {
        /// Written, awaiting approval.
        case drafted
        /// Approved, awaiting service.
        case approved
        /// Recorded as served from a day still to come.
        case served
        /// Served and not expired.
        case inForce = "in_force"
        /// In force, and expiring within the partnership's `noticeReminderDays`.
        case expiring
        /// Past its expiry day, neither renewed nor ended.
        case expired
        /// Replaced by the notice that renews it, once that was served.
        case renewed
        /// Ended, with its outcome.
        case ended

        /// Whether a notice in this state is in force.
        public var inForce: Bool { self == .inForce || self == .expiring }

        /// The state in words, for pages and the command line.
        public var words: String {
            switch self {
            case .inForce: "in force"
            case .served: "served, not yet in force"
            default: rawValue
            }
        }
    }

    public var ref: String
    /// The tool (``DisruptionTool``'s raw value) and the step of its life recorded
    /// (`drafted`, `approved`, `served`, `renewed`, `ended`).
    public var tool: String
    public var status: String
    public var state: State
    /// The adult, group, location or vehicle it is against.
    public var subjectRef: String
    public var subjectKind: String
    public var subjectLabel: String
    public var subjectArea: String?
    /// The child a CAWN or harbouring notice protects.
    public var childRef: String?
    public var childLabel: String?
    public var draftedOn: String?
    public var draftedBy: String?
    /// Who approved it, their rank or role, and when.
    public var approvedOn: String?
    public var approvedBy: String?
    public var approverRole: String?
    public var servedOn: String?
    public var expiresOn: String?
    /// The day it was ended or replaced by its renewal.
    public var endedOn: String?
    public var outcome: String?
    public var meetingRef: String?
    public var note: String?
    /// The notice this one renews, and the one that renews it.
    public var renewsRef: String?
    public var renewedByRef: String?
    /// How many breaches are recorded, and the last one's day.
    public var breachCount: Int
    public var lastBreachedOn: String?
    /// The breaches and the history, oldest first: read for one notice, empty in a list.
    public var breaches: [Breach] = []
    public var history: [Event] = []

    /// Whether it is in force on the day asked.
    public var inForce: Bool { state.inForce }
    /// Whether it is in force (or awaiting expiry) with a breach recorded.
    public var breached: Bool { breachCount > 0 && status == "served" }

    enum CodingKeys: String, CodingKey {
        case ref, tool, status, state, note, outcome, breaches, history
        case subjectRef = "subject_ref", subjectKind = "subject_kind", subjectLabel = "subject_label", subjectArea = "subject_area"
        case childRef = "child_ref", childLabel = "child_label", draftedOn = "drafted_on", draftedBy = "drafted_by"
        case approvedOn = "approved_on", approvedBy = "approved_by", approverRole = "approver_role"
        case servedOn = "served_on", expiresOn = "expires_on", endedOn = "ended_on", meetingRef = "meeting_ref"
        case renewsRef = "renews_ref", renewedByRef = "renewed_by_ref", breachCount = "breach_count"
        case lastBreachedOn = "last_breached_on", inForce = "in_force", breached
    }

    /// A row of `disruption.register`, its state on `date` with `reminderDays` of warning.
    init(_ row: StoredRow, on date: CalendarDate, reminderDays: Int) throws {
        let columns = ColumnReader(row, "disruption")
        ref = try columns.text("ref")
        tool = try columns.text("tool")
        status = try columns.text("status")
        subjectRef = try columns.text("subject_ref")
        subjectKind = try columns.text("subject_kind")
        subjectLabel = try columns.text("subject_label")
        subjectArea = try columns.optionalText("subject_area")
        childRef = try columns.optionalText("child_ref")
        childLabel = try columns.optionalText("child_label")
        draftedOn = try columns.optionalText("drafted_on")
        draftedBy = try columns.optionalText("drafted_by")
        approvedOn = try columns.optionalText("approved_on")
        approvedBy = try columns.optionalText("approved_by")
        approverRole = try columns.optionalText("approver_role")
        servedOn = try columns.optionalText("served_on")
        expiresOn = try columns.optionalText("expires_on")
        endedOn = try columns.optionalText("ended_on")
        outcome = try columns.optionalText("outcome")
        meetingRef = try columns.optionalText("meeting_ref")
        note = try columns.optionalText("note")
        renewsRef = try columns.optionalText("renews_ref")
        renewedByRef = try columns.optionalText("renewed_by_ref")
        breachCount = Int(try columns.integer("breaches"))
        lastBreachedOn = try columns.optionalText("last_breached_on")
        state = Self.state(status: status, served: servedOn.flatMap(CalendarDate.init), expires: expiresOn.flatMap(CalendarDate.init),
                           on: date, reminderDays: reminderDays)
    }

    /// Where a notice recorded at `status` stands on `date`: a served notice is in force from
    /// its service to the end of its expiry day, and expiring from `reminderDays` before it.
    static func state(status: String, served: CalendarDate?, expires: CalendarDate?, on date: CalendarDate,
                      reminderDays: Int) -> State {
        switch status {
        case "drafted": return .drafted
        case "approved": return .approved
        case "renewed": return .renewed
        case "ended": return .ended
        default:
            guard let served, served <= date else { return .served }
            guard let expires else { return .inForce }
            if expires < date { return .expired }
            return expires.adding(days: -reminderDays) <= date ? .expiring : .inForce
        }
    }

    /// Encodes every key, `null` where nothing is recorded, the yes-or-no fields as 1 or 0.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(tool, forKey: .tool)
        try container.encode(status, forKey: .status)
        try container.encode(state, forKey: .state)
        try container.encode(subjectRef, forKey: .subjectRef)
        try container.encode(subjectKind, forKey: .subjectKind)
        try container.encode(subjectLabel, forKey: .subjectLabel)
        try container.encode(subjectArea, forKey: .subjectArea)
        try container.encode(childRef, forKey: .childRef)
        try container.encode(childLabel, forKey: .childLabel)
        try container.encode(draftedOn, forKey: .draftedOn)
        try container.encode(draftedBy, forKey: .draftedBy)
        try container.encode(approvedOn, forKey: .approvedOn)
        try container.encode(approvedBy, forKey: .approvedBy)
        try container.encode(approverRole, forKey: .approverRole)
        try container.encode(servedOn, forKey: .servedOn)
        try container.encode(expiresOn, forKey: .expiresOn)
        try container.encode(endedOn, forKey: .endedOn)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(meetingRef, forKey: .meetingRef)
        try container.encode(note, forKey: .note)
        try container.encode(renewsRef, forKey: .renewsRef)
        try container.encode(renewedByRef, forKey: .renewedByRef)
        try container.encode(breachCount, forKey: .breachCount)
        try container.encode(lastBreachedOn, forKey: .lastBreachedOn)
        try container.encodeFlag(inForce, forKey: .inForce)
        try container.encodeFlag(breached, forKey: .breached)
        try container.encode(breaches, forKey: .breaches)
        try container.encode(history, forKey: .history)
    }
}
