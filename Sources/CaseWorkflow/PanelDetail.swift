import GraphCore
import GraphStore

/// A MACCSE panel's record as a viewer may read it (``Workflow/panel(_:by:)``): the
/// meeting, attendance and quoracy, the agenda, the decisions, the actions raised and those
/// carried from earlier meetings.
///
/// A panel member reads only their children's part of it (``PanelView``). The JSON form
/// (snake_case keys, every key present, `null` where nothing is recorded, yes-or-no columns
/// as 1 or 0) is what `GET /api/panels/{ref}` answers and `cegraph panel show` prints. For a
/// partner, the free text (minutes, the reason for a cancellation, agenda reasons,
/// decisions' reasons and notes, actions and their notes) names only the children they need
/// to know of (``pseudonymised(by:)``).
public struct PanelDetail: Codable, Sendable, Equatable {
    /// The panel's reference, `PANEL-NNNNNN`, and its local authority.
    public var ref: String
    public var area: String
    /// The day it is (or was) held, and its start time, `HH:MM`.
    public var heldOn: String
    public var startsAt: String
    /// The joint chairs.
    public var coChairs: [String]
    /// The day its agenda is due, and the day it was sent.
    public var agendaDueOn: String
    public var agendaSentOn: String?
    /// The general minutes, once recorded (free text).
    public var minutes: String?
    /// Whether `minutes` are notes of what was said at an inquorate panel, which transacted
    /// no business (true or false in JSON, as `quorate`).
    public var minutesInquorate: Bool
    /// `scheduled`, `held` or `cancelled`.
    public var status: String
    /// When the panel was scheduled (UTC).
    public var createdAt: String
    /// Why and when it was cancelled, if it was (the reason is free text).
    public var cancelledReason: String?
    public var cancelledOn: String?
    /// When the chair approved the minutes, and who.
    public var minutesApprovedOn: String?
    public var minutesApprovedBy: String?
    /// Who attended, by agency then name.
    public var attendees: [Attendee]
    /// Whether those who attended make the panel quorate, and if not, why not.
    public var quorate: Bool
    public var quoracyShortfalls: [String]
    /// The agenda, in order: one slot per case, an item for each reason it is there.
    public var agenda: [AgendaItem]
    /// What the panel decided, in order.
    public var decisions: [Decision]
    /// The actions the panel raised.
    public var actions: [Action]
    /// The open actions of the area's earlier panels, carried to this one.
    public var carriedActions: [CarriedAction]
    /// The minutes of each child's discussion, by case.
    public var caseMinutes: [CaseMinutes]
    /// Adults of concern and groups referred by the police, discussed after the victims' cases.
    public var perpetratorReferrals: [PerpetratorReferral]
    /// While the panel is to come: the authority's open cases its framework's panel does not
    /// discuss (SERAF: mild risk).
    public var notForPanel: [NotForPanel]

    enum CodingKeys: String, CodingKey {
        case ref, area
        case heldOn = "held_on"
        case startsAt = "starts_at"
        case coChairs = "co_chairs"
        case agendaDueOn = "agenda_due_on"
        case agendaSentOn = "agenda_sent_on"
        case minutes
        case minutesInquorate = "minutes_inquorate"
        case status
        case createdAt = "created_at"
        case cancelledReason = "cancelled_reason"
        case cancelledOn = "cancelled_on"
        case minutesApprovedOn = "minutes_approved_on"
        case minutesApprovedBy = "minutes_approved_by"
        case attendees, quorate
        case quoracyShortfalls = "quoracy_shortfalls"
        case agenda, decisions, actions
        case carriedActions = "carried_actions"
        case caseMinutes = "case_minutes"
        case perpetratorReferrals = "perpetrator_referrals"
        case notForPanel = "not_for_panel"
    }

    /// A row of `panel.by_ref` and its quoracy, with its lists still to be read.
    init(_ row: StoredRow, quoracy: Quoracy) throws {
        let columns = ColumnReader(row, "panel")
        ref = try columns.text("ref")
        area = try columns.text("area")
        heldOn = try columns.text("held_on")
        startsAt = try columns.text("starts_at")
        coChairs = try columns.json("co_chairs", as: [String].self)
        agendaDueOn = try columns.text("agenda_due_on")
        agendaSentOn = try columns.optionalText("agenda_sent_on")
        minutes = try columns.optionalText("minutes")
        minutesInquorate = try columns.flag("minutes_inquorate")
        status = try columns.text("status")
        createdAt = try columns.text("created_at")
        cancelledReason = try columns.optionalText("cancelled_reason")
        cancelledOn = try columns.optionalText("cancelled_on")
        minutesApprovedOn = try columns.optionalText("minutes_approved_on")
        minutesApprovedBy = try columns.optionalText("minutes_approved_by")
        quorate = quoracy.isQuorate
        quoracyShortfalls = quoracy.shortfalls
        (attendees, agenda, decisions, actions, carriedActions, caseMinutes) = ([], [], [], [], [], [])
        (perpetratorReferrals, notForPanel) = ([], [])
    }

    /// The record with every child outside the viewer's need-to-know named "Child N" in its
    /// free text: the fields ``Workflow/freeTextKeys`` names, wherever they are.
    func pseudonymised(by pseudonyms: Pseudonymiser) -> PanelDetail {
        var shown = self
        shown.minutes = minutes.map(pseudonyms.apply)
        shown.cancelledReason = cancelledReason.map(pseudonyms.apply)
        shown.agenda = agenda.map { $0.pseudonymised(by: pseudonyms) }
        shown.decisions = decisions.map { $0.pseudonymised(by: pseudonyms) }
        shown.actions = actions.map { $0.pseudonymised(by: pseudonyms) }
        shown.carriedActions = carriedActions.map { $0.pseudonymised(by: pseudonyms) }
        shown.caseMinutes = caseMinutes.map { $0.pseudonymised(by: pseudonyms) }
        shown.perpetratorReferrals = perpetratorReferrals.map { referral in
            var shown = referral
            shown.reason = pseudonyms.apply(referral.reason)
            return shown
        }
        return shown
    }

    /// Encodes every key, `null` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(area, forKey: .area)
        try container.encode(heldOn, forKey: .heldOn)
        try container.encode(startsAt, forKey: .startsAt)
        try container.encode(coChairs, forKey: .coChairs)
        try container.encode(agendaDueOn, forKey: .agendaDueOn)
        try container.encode(agendaSentOn, forKey: .agendaSentOn)
        try container.encode(minutes, forKey: .minutes)
        try container.encode(minutesInquorate, forKey: .minutesInquorate)
        try container.encode(status, forKey: .status)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(cancelledReason, forKey: .cancelledReason)
        try container.encode(cancelledOn, forKey: .cancelledOn)
        try container.encode(minutesApprovedOn, forKey: .minutesApprovedOn)
        try container.encode(minutesApprovedBy, forKey: .minutesApprovedBy)
        try container.encode(attendees, forKey: .attendees)
        try container.encode(quorate, forKey: .quorate)
        try container.encode(quoracyShortfalls, forKey: .quoracyShortfalls)
        try container.encode(agenda, forKey: .agenda)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(actions, forKey: .actions)
        try container.encode(carriedActions, forKey: .carriedActions)
        try container.encode(caseMinutes, forKey: .caseMinutes)
        try container.encode(perpetratorReferrals, forKey: .perpetratorReferrals)
        try container.encode(notForPanel, forKey: .notForPanel)
    }
}
