import GraphCore
import GraphStore

/// Everything recorded on a child's MACCSE case, as a viewer may read it
/// (``Workflow/caseDetail(_:asOf:by:)``): the case, its child and referral, the child's
/// referrals, the assessments, the panels' decisions, the child's flags, NRM, actions and
/// MARTHR's feedback.
///
/// The JSON form (snake_case keys, every key present, `null` where nothing is recorded,
/// yes-or-no columns as 1 or 0) is what `GET /api/cases/{ref}` answers and
/// `cegraph case show` prints. For a partner, the free text (decisions' reasons and notes,
/// NRM notes, actions, feedback) names only the children they need to know of
/// (``pseudonymised(by:)``).
public struct CaseDetail: Codable, Sendable, Equatable {
    /// The case's reference, `CASE-NNNNNN`, and its local authority.
    public var ref: String
    public var area: String
    /// `cse`, `cce` or `both` (``Concern``).
    public var concern: String
    /// The day it opened, and the days of its strategy meeting, next review and transitions
    /// plan, when there are.
    public var openedOn: String
    public var strategyMeetingOn: String?
    public var reviewOn: String?
    public var transitionsPlanOn: String?
    /// `open` or `closed`; a closed case's day, reason (``Closure``) and risk at closing.
    public var status: String
    public var closedOn: String?
    public var closure: String?
    public var closingRisk: String?
    /// When the case was recorded (UTC).
    public var createdAt: String
    /// The child: their id, the name recorded, their date of birth and risk level, when known.
    public var childRef: String
    public var childLabel: String
    public var dob: String?
    public var risk: String?
    /// The referral that opened the case, and the day it was received.
    public var referralRef: String?
    public var referralReceivedOn: String?
    /// Every referral about the child, oldest first.
    public var referrals: [Referral]
    /// The case's assessments, oldest first.
    public var assessments: [Assessment]
    /// What the panels decided about the case, oldest first.
    public var decisions: [Decision]
    /// Every flag on the child, each with whether it is present on the day asked.
    public var flags: [Flag]
    /// The case's National Referral Mechanism record (none, or one).
    public var nrm: [NRM]
    /// The actions raised about the case.
    public var actions: [Action]
    /// What MARTHR meetings fed back about the case.
    public var marthrFeedback: [Feedback]
    /// The minutes of the child's discussion at each panel, oldest first.
    public var panelMinutes: [CaseMinutes]
    /// The case's strategy meetings, oldest first.
    public var strategyMeetings: [StrategyMeeting]
    /// The child's placements and missing episodes, oldest first.
    public var placements: [Placement]
    public var missingEpisodes: [MissingEpisode]
    /// The duties to tell other authorities or forces raised about the child (none for a
    /// panel member: the coordinator's work).
    public var notifications: [NotificationTask]
    /// The day the child turns 18 (from the date of birth), and the handover to adult
    /// services: the agency and the day, once recorded.
    public var turns18On: String?
    public var handoverTo: String?
    public var handoverOn: String?

    enum CodingKeys: String, CodingKey {
        case ref, area, concern
        case openedOn = "opened_on"
        case strategyMeetingOn = "strategy_meeting_on"
        case reviewOn = "review_on"
        case transitionsPlanOn = "transitions_plan_on"
        case status
        case closedOn = "closed_on"
        case closure
        case closingRisk = "closing_risk"
        case createdAt = "created_at"
        case childRef = "child_ref"
        case childLabel = "child_label"
        case dob, risk
        case referralRef = "referral_ref"
        case referralReceivedOn = "referral_received_on"
        case referrals, assessments, decisions, flags, nrm, actions
        case marthrFeedback = "marthr_feedback"
        case panelMinutes = "panel_minutes"
        case strategyMeetings = "strategy_meetings"
        case placements
        case missingEpisodes = "missing_episodes"
        case notifications
        case turns18On = "turns_18_on"
        case handoverTo = "handover_to"
        case handoverOn = "handover_on"
    }

    /// A row of `case.by_ref`, with its lists still to be read.
    init(_ row: StoredRow) throws {
        let columns = ColumnReader(row, "case")
        ref = try columns.text("ref")
        area = try columns.text("area")
        concern = try columns.text("concern")
        openedOn = try columns.text("opened_on")
        strategyMeetingOn = try columns.optionalText("strategy_meeting_on")
        reviewOn = try columns.optionalText("review_on")
        transitionsPlanOn = try columns.optionalText("transitions_plan_on")
        status = try columns.text("status")
        closedOn = try columns.optionalText("closed_on")
        closure = try columns.optionalText("closure")
        closingRisk = try columns.optionalText("closing_risk")
        createdAt = try columns.text("created_at")
        childRef = try columns.text("child_ref")
        childLabel = try columns.text("child_label")
        dob = try columns.optionalText("dob")
        risk = try columns.optionalText("risk")
        referralRef = try columns.optionalText("referral_ref")
        referralReceivedOn = try columns.optionalText("referral_received_on")
        (referrals, assessments, decisions, flags, nrm, actions, marthrFeedback, panelMinutes) = ([], [], [], [], [], [], [], [])
        strategyMeetings = []
        (placements, missingEpisodes, notifications) = ([], [], [])
        turns18On = dob.flatMap(CalendarDate.init).map { $0.adding(months: 18 * 12).description }
        handoverTo = try columns.optionalText("handover_to")
        handoverOn = try columns.optionalText("handover_on")
    }

    /// The record with every child outside the viewer's need-to-know named "Child N" in its
    /// free text: the fields ``Workflow/freeTextKeys`` names, wherever they are.
    func pseudonymised(by pseudonyms: Pseudonymiser) -> CaseDetail {
        var shown = self
        shown.assessments = assessments.map { $0.pseudonymised(by: pseudonyms) }
        shown.decisions = decisions.map { $0.pseudonymised(by: pseudonyms) }
        shown.nrm = nrm.map { $0.pseudonymised(by: pseudonyms) }
        shown.actions = actions.map { $0.pseudonymised(by: pseudonyms) }
        shown.marthrFeedback = marthrFeedback.map { $0.pseudonymised(by: pseudonyms) }
        shown.panelMinutes = panelMinutes.map { $0.pseudonymised(by: pseudonyms) }
        shown.strategyMeetings = strategyMeetings.map { $0.pseudonymised(by: pseudonyms) }
        shown.notifications = notifications.map { $0.pseudonymised(by: pseudonyms) }
        return shown
    }

    /// Encodes every key, `null` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(area, forKey: .area)
        try container.encode(concern, forKey: .concern)
        try container.encode(openedOn, forKey: .openedOn)
        try container.encode(strategyMeetingOn, forKey: .strategyMeetingOn)
        try container.encode(reviewOn, forKey: .reviewOn)
        try container.encode(transitionsPlanOn, forKey: .transitionsPlanOn)
        try container.encode(status, forKey: .status)
        try container.encode(closedOn, forKey: .closedOn)
        try container.encode(closure, forKey: .closure)
        try container.encode(closingRisk, forKey: .closingRisk)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(childRef, forKey: .childRef)
        try container.encode(childLabel, forKey: .childLabel)
        try container.encode(dob, forKey: .dob)
        try container.encode(risk, forKey: .risk)
        try container.encode(referralRef, forKey: .referralRef)
        try container.encode(referralReceivedOn, forKey: .referralReceivedOn)
        try container.encode(referrals, forKey: .referrals)
        try container.encode(assessments, forKey: .assessments)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(flags, forKey: .flags)
        try container.encode(nrm, forKey: .nrm)
        try container.encode(actions, forKey: .actions)
        try container.encode(marthrFeedback, forKey: .marthrFeedback)
        try container.encode(panelMinutes, forKey: .panelMinutes)
        try container.encode(strategyMeetings, forKey: .strategyMeetings)
        try container.encode(placements, forKey: .placements)
        try container.encode(missingEpisodes, forKey: .missingEpisodes)
        try container.encode(notifications, forKey: .notifications)
        try container.encode(turns18On, forKey: .turns18On)
        try container.encode(handoverTo, forKey: .handoverTo)
        try container.encode(handoverOn, forKey: .handoverOn)
    }
}
