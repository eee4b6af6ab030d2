import Foundation
import GraphCore
import GraphQuery

/// The choices the protocols leave to a partnership, with the defaults they name.
///
/// Stored per local authority (or as the default for all) in `workflow_setting`; a field
/// left out keeps its default. `cegraph case settings` shows and changes them.
public struct PartnershipSettings: Sendable, Codable, Equatable {
    /// The risk framework assessments are recorded against (seed 003 Merseyside; LLR; SERAF).
    public var framework: String = "merseyside"
    /// Days before a MACCSE panel its agenda must be sent (CYSUR: 4).
    public var agendaDaysBefore: Int = 4
    /// The default review interval the chair sets (seed 003: every 12 weeks).
    public var reviewWeeks: Int = 12
    /// The longest review interval, allowed only with a stated reason such as custody
    /// (seed 003: six months).
    public var longestReviewMonths: Int = 6
    /// How long a police flag stays after MACCSE removes it (seed 003: six months).
    public var policeFlagRetentionMonths: Int = 6
    /// A new concern this soon after a child leaves MACCSE is a repeat referral (12 months).
    public var repeatReferralMonths: Int = 12
    /// The panel's quoracy rule.
    public var quorum: Quorum = Quorum()
    /// Strategy meeting within this many working days of the referral (LLR: 5).
    public var strategyMeetingWorkingDays: Int = 5
    /// Under LLR's framework (seed 002 §16), the initial CSE strategy meeting within this many
    /// working days of the strategy meeting that initiated a Section 47 enquiry.
    public var initialStrategyMeetingWorkingDays: Int = 15
    /// Assessment within this many working days of the case opening (LLR: 15).
    public var assessmentWorkingDays: Int = 15
    /// Whether an assessment must include police information (seed 003: it "must include
    /// all multi-agency information including police").
    public var assessmentNeedsPolice: Bool = true
    /// The partnership's own colours for its framework's levels on the main list (level code
    /// to `red`, `amber`, `yellow` or `none`); a level not named keeps the framework's colour.
    public var riskColours: [String: String] = [:]
    /// A child reported missing more than once within this many days needs a missing risk
    /// assessment and joins their case's next panel agenda (seed 002).
    public var repeatMissingDays: Int = 90
    /// The return home interview is due this many hours after the child is found (72).
    public var returnInterviewHours: Int = 72
    /// A duty to tell another authority or force (a notification task) is due this many
    /// working days after it is raised (seed 003 asks for contact; 1 by default).
    public var notificationWorkingDays: Int = 1
    /// The notification pass tells of cross-border links this many links out from each child
    /// with an open case (1: the child's own links; up to 3).
    public var notificationHops: Int = 1
    /// Whether a placement out of area also asks the placing authority to tell the MASH of
    /// the authority where the child lives (seed 003 §3), besides telling the placing
    /// authority's home social worker.
    public var placementNotifiesResidingMash: Bool = true
    /// The minutes of a panel are due, recorded and approved by the chair, this many
    /// working days after it is held (seed 002: about five days).
    public var minutesWorkingDays: Int = 5
    /// A notice in the disruption register (a CAWN, a warning notice, an order) is on the
    /// overdue list this many days before it expires, until it is renewed or ended.
    public var noticeReminderDays: Int = 28
    /// Actions, agendas and reviews due within this many days are listed as coming up.
    public var dueSoonDays: Int = 7
    /// A child this many months from 18 while on MACCSE needs a transitions plan.
    public var transitionsMonthsBefore18: Int = 6
    /// The time a panel starts and the minutes each case is given.
    public var panelStartsAt: String = "10:00"
    public var caseSlotMinutes: Int = 20
    /// A child assessed as exploited for longer than this is counted in the quarterly
    /// report's measure 9 (seed 003 §7: six months).
    public var longExploitationMonths: Int = 6
    /// Days the partnership is closed besides bank holidays (`YYYY-MM-DD`).
    public var extraClosures: [String] = []
    /// The month quarter 1 starts in: 1 for calendar quarters, 4 for the financial year.
    public var firstQuarterMonth: Int = 1
    /// Whether partners (every role but the police's) may read the free text of
    /// intelligence reports and link notes, with the name and aliases of every child outside
    /// their need-to-know replaced by a pseudonym. Off by default: the police's text stays
    /// with the police until the partnership's information sharing agreement says otherwise
    /// (seed 004). A partnership-wide choice: only the default settings hold it.
    public var partnerFreeText: Bool = false
    /// MARTHR's thresholds where seed 003 leaves a choice (``MarthrThresholds``): which links
    /// can expose a child to harm, how good and recent intelligence of harm must be, how many
    /// children at risk make a place of concern. A partnership-wide choice: only the default
    /// settings hold it.
    public var marthr = MarthrThresholds()

    /// A panel's quoracy rule (LLR MSET: at least four partner organisations, two of them
    /// police and children's services).
    public struct Quorum: Sendable, Codable, Equatable {
        /// The fewest distinct agencies present.
        public var minimumAgencies: Int = 4
        /// Agencies that must be among them.
        public var requiredAgencies: [String] = ["police", "childrens_services"]
        /// Whether only attendees who signed the confidentiality statement count.
        public var signedConfidentialityOnly: Bool = true

        public init() {}

        /// The rule in words: "at least 4 partner agencies, police and childrens_services
        /// among them, counting only those who signed the confidentiality statement".
        public var description: String {
            "at least \(minimumAgencies) partner agencies"
                + (requiredAgencies.isEmpty ? "" : ", " + requiredAgencies.joined(separator: " and ") + " among them")
                + (signedConfidentialityOnly ? ", counting only those who signed the confidentiality statement" : "")
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Quorum()
            minimumAgencies = try container.decodeIfPresent(Int.self, forKey: .minimumAgencies) ?? defaults.minimumAgencies
            requiredAgencies = try container.decodeIfPresent([String].self, forKey: .requiredAgencies) ?? defaults.requiredAgencies
            signedConfidentialityOnly = try container.decodeIfPresent(Bool.self, forKey: .signedConfidentialityOnly)
                ?? defaults.signedConfidentialityOnly
        }
    }

    public init() {}

    /// Decodes stored settings; every field is optional and keeps its default when absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PartnershipSettings()
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        framework = try value(.framework, defaults.framework)
        agendaDaysBefore = try value(.agendaDaysBefore, defaults.agendaDaysBefore)
        reviewWeeks = try value(.reviewWeeks, defaults.reviewWeeks)
        longestReviewMonths = try value(.longestReviewMonths, defaults.longestReviewMonths)
        policeFlagRetentionMonths = try value(.policeFlagRetentionMonths, defaults.policeFlagRetentionMonths)
        repeatReferralMonths = try value(.repeatReferralMonths, defaults.repeatReferralMonths)
        quorum = try value(.quorum, defaults.quorum)
        strategyMeetingWorkingDays = try value(.strategyMeetingWorkingDays, defaults.strategyMeetingWorkingDays)
        assessmentWorkingDays = try value(.assessmentWorkingDays, defaults.assessmentWorkingDays)
        assessmentNeedsPolice = try value(.assessmentNeedsPolice, defaults.assessmentNeedsPolice)
        initialStrategyMeetingWorkingDays = try value(.initialStrategyMeetingWorkingDays, defaults.initialStrategyMeetingWorkingDays)
        minutesWorkingDays = try value(.minutesWorkingDays, defaults.minutesWorkingDays)
        noticeReminderDays = try value(.noticeReminderDays, defaults.noticeReminderDays)
        riskColours = try value(.riskColours, defaults.riskColours)
        repeatMissingDays = try value(.repeatMissingDays, defaults.repeatMissingDays)
        returnInterviewHours = try value(.returnInterviewHours, defaults.returnInterviewHours)
        notificationWorkingDays = try value(.notificationWorkingDays, defaults.notificationWorkingDays)
        notificationHops = try value(.notificationHops, defaults.notificationHops)
        placementNotifiesResidingMash = try value(.placementNotifiesResidingMash, defaults.placementNotifiesResidingMash)
        dueSoonDays = try value(.dueSoonDays, defaults.dueSoonDays)
        transitionsMonthsBefore18 = try value(.transitionsMonthsBefore18, defaults.transitionsMonthsBefore18)
        panelStartsAt = try value(.panelStartsAt, defaults.panelStartsAt)
        caseSlotMinutes = try value(.caseSlotMinutes, defaults.caseSlotMinutes)
        longExploitationMonths = try value(.longExploitationMonths, defaults.longExploitationMonths)
        extraClosures = try value(.extraClosures, defaults.extraClosures)
        firstQuarterMonth = try value(.firstQuarterMonth, defaults.firstQuarterMonth)
        partnerFreeText = try value(.partnerFreeText, defaults.partnerFreeText)
        marthr = try value(.marthr, defaults.marthr)
    }

    /// Checks the values make sense together.
    ///
    /// - Throws: ``WorkflowError`` naming the first setting that does not.
    public func validate() throws {
        func positive(_ value: Int, _ field: String) throws {
            guard value > 0 else { throw WorkflowError("settings", "must be a positive number, not \(value)", field: field) }
        }
        do {
            try marthr.validate()
        } catch let error as QueryError {
            throw WorkflowError("settings", error.message, field: "marthr")
        }
        guard RiskLevel.Framework(rawValue: framework) != nil else {
            throw WorkflowError("settings", "unknown framework \(framework)", field: "framework",
                                hint: "one of " + RiskLevel.Framework.allCases.map(\.rawValue).joined(separator: ", "))
        }
        try positive(agendaDaysBefore, "agendaDaysBefore")
        try positive(reviewWeeks, "reviewWeeks")
        try positive(longestReviewMonths, "longestReviewMonths")
        try positive(policeFlagRetentionMonths, "policeFlagRetentionMonths")
        try positive(repeatReferralMonths, "repeatReferralMonths")
        try positive(quorum.minimumAgencies, "quorum.minimumAgencies")
        try positive(minutesWorkingDays, "minutesWorkingDays")
        try positive(noticeReminderDays, "noticeReminderDays")
        try positive(initialStrategyMeetingWorkingDays, "initialStrategyMeetingWorkingDays")
        try positive(repeatMissingDays, "repeatMissingDays")
        try positive(returnInterviewHours, "returnInterviewHours")
        try positive(notificationWorkingDays, "notificationWorkingDays")
        guard (1...3).contains(notificationHops) else {
            throw WorkflowError("settings", "must be 1 to 3, not \(notificationHops)", field: "notificationHops")
        }
        let levels = RiskLevel.Framework(rawValue: framework)?.levels ?? []
        for (level, colour) in riskColours.sorted(by: { $0.key < $1.key }) {
            guard levels.contains(level) else {
                throw WorkflowError("settings", "\(level) is not a level of the \(framework) framework", field: "riskColours",
                                    hint: "levels: " + levels.joined(separator: ", "))
            }
            guard colour == "none" || RiskColour(rawValue: colour) != nil else {
                throw WorkflowError("settings", "\(colour) is not a colour of the main list", field: "riskColours.\(level)",
                                    hint: "red, amber, yellow or none")
            }
        }
        try positive(strategyMeetingWorkingDays, "strategyMeetingWorkingDays")
        try positive(assessmentWorkingDays, "assessmentWorkingDays")
        try positive(caseSlotMinutes, "caseSlotMinutes")
        try positive(longExploitationMonths, "longExploitationMonths")
        guard ClockTime(panelStartsAt) != nil else {
            throw WorkflowError("settings", "\(panelStartsAt) is not a time", field: "panelStartsAt", hint: "HH:MM, e.g. 10:00")
        }
        guard (1...12).contains(firstQuarterMonth) else {
            throw WorkflowError("settings", "\(firstQuarterMonth) is not a month", field: "firstQuarterMonth", hint: "1 to 12")
        }
        for day in extraClosures where CalendarDate(day) == nil {
            throw WorkflowError("settings", "\(day) is not a date", field: "extraClosures", hint: "YYYY-MM-DD")
        }
    }
}

extension PartnershipSettings {
    /// The settings as JSON, keys sorted.
    public var json: JSONValue {
        (try? JSONValue(encoding: self)) ?? .object([:])
    }
}
