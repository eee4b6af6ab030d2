import CaseWorkflow
import GraphCore
import GraphQuery
import GraphStore
import SyntheticData

/// The synthetic case workflow `cegraph demo` records on top of the generated picture, so
/// that a newcomer sees referrals, cases, panels, MARTHR and the timescales working.
///
/// Every date is relative to the day the demo is built (``DemoCalendar``: the scripted year
/// up to Monday 2026-11-23 moved by whole weeks to the build day's week), never read from
/// the clock inside the script, so the same seed and build day always give the same
/// records. The children are taken from the generated data in one Merseyside local
/// authority (the one with the most children); every text is synthetic and written in
/// child-first language, and is checked by the workflow's language checker as it is
/// recorded. (The generated picture's own dates stay as the generator makes them.)
///
/// The year, in one authority:
/// - eight referrals from different agencies: one screened out as no further action, one
///   screened after it was recorded, and one a repeat referral after a case closed;
/// - cases opened, strategy meetings held and multi-agency assessments with varied scaling
///   and contexts; an NRM referred and given positive reasonable grounds;
/// - panels in March, June (decisions: reviews, a removal keeping the police flag, and a
///   closure on reaching 18 or as risk reduced) and September, each quorate, with agendas
///   sent on time, decisions and minutes; actions, one done and one open past its due day;
/// - a MARTHR meeting in October nominating the top three of `query marthr`, one accepted
///   and one declined, a CAWN in the disruption register, and feedback to MACCSE;
/// - a panel a few days after the build day whose agenda is built but not sent (already
///   late), so `case overdue` lists it.
/// (Months are the script's; built on another day, each moves with ``DemoCalendar``.)
public struct DemoWorkflow: Sendable {
    /// What the demo's workflow recorded, for its print-out.
    public struct Summary: Sendable {
        /// The local authority the workflow runs in.
        public let area: String
        public let areaName: String
        public let referrals: Int
        public let cases: Int
        public let assessments: Int
        /// The panels held, in date order.
        public let panelsHeld: [String]
        /// The day the workflow was recorded up to: the day the demo was built.
        public let today: CalendarDate
        /// The panel with the most decisions (the script's June panel).
        public let busiestPanel: String
        /// The quarter the busiest panel was held in, for the quarterly report: `2026Q2`.
        public let busiestQuarter: String
        /// The panel still to come, its agenda built but not sent.
        public let upcomingPanel: String
        /// The day of the panel still to come, after ``today``.
        public let upcomingPanelOn: CalendarDate
        public let marthr: String
        public let nominations: Int
        public let actions: Int
        /// Child-first language warnings about the demo's own text (none are expected).
        public let warnings: [String]

        /// Two lines saying what was recorded.
        public var description: String {
            "Recorded a synthetic case workflow in \(areaName) (\(area)) up to \(today):\n  \(referrals) referrals, "
                + "\(cases) cases, \(assessments) assessments, 1 NRM, \(panelsHeld.count) panels held and \(upcomingPanel) "
                + "to come on \(upcomingPanelOn) (agenda built, not yet sent), \(actions) actions, \(marthr) with \(nominations) nominations, "
                + "and a CAWN."
        }
    }

    /// The Merseyside local authorities, whose framework the demo's assessments use.
    public static let merseyside = ["E08000012", "E08000011", "E08000013", "E08000014", "E08000015"]

    /// A child of the generated picture: id, date of birth and home area.
    struct Child {
        let id: String
        let dob: CalendarDate?
        let area: String
    }

    let workflow: Workflow
    let viewer: Viewer
    /// The script's days, moved to the build day.
    let calendar: DemoCalendar
    /// The local authority the workflow runs in.
    let area: String
    private(set) var referrals = 0
    private(set) var cases = 0
    private(set) var assessments = 0
    private(set) var actions = 0
    private(set) var warnings: [String] = []

    /// Records the demo's workflow in `store`, under `viewer`, in the Merseyside authority
    /// with the most generated children, up to `today`.
    ///
    /// - Throws: ``DemoError`` when the generated data has too few Merseyside children;
    ///   any error the workflow raises (which would be a bug in the demo).
    public static func record(store: Store, viewer: Viewer, today: CalendarDate) throws -> Summary {
        let calendar = DemoCalendar(today: today)
        let children = try merseysideChildren(in: store)
        var byArea: [String: [Child]] = [:]
        for child in children { byArea[child.area, default: []].append(child) }
        let area = merseyside.sorted { (-(byArea[$0]?.count ?? 0), $0) < (-(byArea[$1]?.count ?? 0), $1) }[0]
        let local = byArea[area] ?? []
        // The oldest child is the one whose case closes in June. The children still on MACCSE
        // at the end of the year are well short of 18, so no transitions plan falls due.
        let bornFrom = calendar.day(11, 23).adding(months: 7).adding(months: -18 * 12)
        let dated = local.compactMap { child in child.dob.map { (child: child, dob: $0) } }
        guard let oldest = dated.min(by: { ($0.dob, $0.child.id) < ($1.dob, $1.child.id) })?.child else {
            throw DemoError(message: "the synthetic data has no Merseyside children for the demo's case workflow")
        }
        let young = local.filter { $0.id != oldest.id && ($0.dob.map { $0 >= bornFrom } ?? false) }
        guard young.count >= 6 else {
            throw DemoError(message: "the synthetic data has too few children in \(area) for the demo's case workflow")
        }
        var demo = DemoWorkflow(workflow: try Workflow(store: store), viewer: viewer, calendar: calendar, area: area)
        return try demo.record(store: store, oldest: oldest, young: young.map(\.id))
    }

    /// The generated children whose home area is a Merseyside local authority, in id order.
    static func merseysideChildren(in store: Store) throws -> [Child] {
        try store.reading { tx in
            var children: [Child] = []
            // Generated ids number on from community to community, so community 0's
            // numbering runs through every child.
            var index = 0
            while let rowid = try tx.entityRowid(for: Generator.id(.child, community: 0, index: index)) {
                if let row = try tx.row("common.entity", ["id": .integer(rowid)]), let area = row.text("area"),
                   merseyside.contains(area) {
                    children.append(Child(id: row.string("ref"), dob: row.date("dob"), area: area))
                }
                index += 1
            }
            return children
        }
    }

    /// Records the year's workflow: `oldest` is the child whose case closes in June, `young`
    /// the other children (at least six), in the order they are used.
    private mutating func record(store: Store, oldest: Child, young: [String]) throws -> Summary {
        let areaName = try store.reading { try $0.row("common.area", ["code": .text(area)])?.text("name") } ?? area
        let (first, third, screenedOut, fifth, sixth, eighth) = (young[0], young[1], young[2], young[3], young[4], young[5])
        let second = oldest.id
        let d = calendar.day

        // An adult linked to the first child in the picture (or named by the child's first
        // assessment when none is): the CAWN served in October protects the child from them.
        let detail = try store.entityDetail(id: first, for: viewer)
        let linked = detail?.links.first { $0.kind == .associatesWith && $0.other.kind == .adult }?.other.id
        let adult = linked ?? Generator.id(.adult, community: 0, index: 0)
        let adultLink: [[String: JSONValue]] = linked != nil ? [] : [[
            "record": "link", "from": .string(adult), "to": .string(first), "kind": "associates_with",
            "first_seen": .string(d(1, 5).description),
        ]]

        // January to March: three children come to MACCSE; one referral is screened out.
        let case1 = try refer(first, on: d(1, 12), by: "Neighbourhood police officer", agency: "police", concern: .cce,
                              note: "The child was found in another town after a missing episode, with unexplained cash.")
        try strategyMeeting(case1, on: d(1, 14))
        try assess(case1, on: d(1, 27), concern: .cce, scaling: 3, harm: "experiencing_harm", criminal: ["out_of_borough_drug_dealing", "warning_signs"],
                   areas: ["liverpool", "north_west"], agencies: ["police", "childrens_services", "youth_justice"],
                   summary: "Synthetic assessment: the child is being criminally exploited out of borough; a lead professional "
                       + "and a trusted youth worker are in place.", graph: adultLink)

        let case2 = try refer(second, on: d(2, 9), by: "Designated safeguarding lead", agency: "education", concern: .cse,
                              note: "Staff are worried about online contact from an unknown adult and gifts the child cannot explain.")
        try strategyMeeting(case2, on: d(2, 11))
        try assess(case2, on: d(2, 24), concern: .cse, scaling: 5, harm: "may_be_experiencing_harm",
                   sexual: ["online", "warning_signs"], areas: ["liverpool"], agencies: ["education", "childrens_services", "police"],
                   summary: "Synthetic assessment: the child may be being sexually exploited online; the school and social "
                       + "worker are doing safety planning with the child and family.")

        let case3 = try refer(third, on: d(2, 23), by: "School nurse", agency: "health", concern: .both, outcome: .section17,
                              note: "The child told the school nurse about older people offering lifts and a place to stay.")
        try strategyMeeting(case3, on: d(2, 27))
        try assess(case3, on: d(3, 10), concern: .both, scaling: 6, harm: "may_be_experiencing_harm",
                   criminal: ["warning_signs"], sexual: ["group_or_gang", "warning_signs"], areas: ["liverpool", "merseyside"],
                   agencies: ["health", "childrens_services", "police"],
                   summary: "Synthetic assessment: there are warning signs of both criminal and sexual exploitation; the "
                       + "family are working with the social worker.")

        _ = try refer(screenedOut, on: d(3, 16), by: "Youth worker", agency: "voluntary", concern: .cse, outcome: .noFurtherAction,
                      note: "Concern about an online contact; the school is already supporting the child with online safety.")

        let panel1 = try panel(on: d(3, 19), sent: d(3, 12))
        try decide(panel1, case1, PanelDecisionInput(decision: .review, note: "Lead professional to continue weekly contact."))
        try decide(panel1, case2, PanelDecisionInput(decision: .review, note: "Safety planning with the child continues."))
        try decide(panel1, case3, PanelDecisionInput(decision: .review, setFlags: [FlagChange(flag: "cce", owner: "police")]))
        try minutes(panel1, "Synthetic demo minutes. Three children were discussed; each has a lead professional and a plan. "
                    + "Reviews are set for twelve weeks. A police flag was agreed for one child so that officers can respond "
                    + "quickly if the child is reported missing.")

        // April to June: two more children, an NRM, review assessments and the June panel.
        let case5 = try refer(fifth, on: d(4, 20), by: "Youth justice officer", agency: "youth_justice", concern: .cce,
                              note: "The child was arrested in a neighbouring town carrying drugs that others are believed to have made the child carry.")
        try strategyMeeting(case5, on: d(4, 23))
        try assess(case5, on: d(5, 6), concern: .cce, scaling: 2, harm: "experiencing_harm",
                   criminal: ["in_borough_drug_dealing", "storing_weapons_or_drugs", "offences_under_coercion"],
                   areas: ["liverpool", "knowsley", "wales"], agencies: ["youth_justice", "police", "childrens_services"],
                   summary: "Synthetic assessment: the child is being criminally exploited and is a victim of coercion; "
                       + "safeguarding started straight away and an NRM referral is needed.")
        try workflow.recordNRM(case: case5, stage: .referred, on: d(5, 20), multiAgencyForum: true,
                               note: "Referred after the multi-agency strategy meeting.", by: viewer)
        try workflow.recordNRM(case: case5, stage: .positiveReasonableGrounds, on: d(6, 12), multiAgencyForum: true, by: viewer)

        let case6 = try refer(sixth, on: d(5, 11), by: "Housing officer", agency: "housing", concern: .cse, outcome: .section17,
                              note: "Neighbours reported adults visiting the family home late at night and the child being collected by car.")
        try strategyMeeting(case6, on: d(5, 14))
        try assess(case6, on: d(6, 2), concern: .cse, scaling: 4, harm: "may_be_experiencing_harm",
                   sexual: ["adult_lone_offender", "warning_signs"], areas: ["liverpool"], agencies: ["housing", "childrens_services", "police", "health"],
                   summary: "Synthetic assessment: the child may be being sexually exploited by an adult; the family have moved "
                       + "to a safer address with support from housing.")

        try assess(case1, on: d(6, 4), review: true, concern: .cce, scaling: 5, harm: "has_experienced_harm",
                   criminal: ["out_of_borough_drug_dealing"], areas: ["liverpool"], agencies: ["police", "childrens_services", "youth_justice"],
                   summary: "Synthetic review: no missing episodes since March; the child is back in education part time.")
        try assess(case2, on: d(6, 5), review: true, concern: .cse, scaling: 9, harm: "not_experiencing_harm",
                   areas: ["liverpool"], agencies: ["education", "childrens_services", "police"],
                   summary: "Synthetic review: the online contact has stopped and the child has a trusted adult at school.")
        try assess(case3, on: d(6, 8), review: true, concern: .both, scaling: 8, harm: "has_experienced_harm",
                   criminal: ["warning_signs"], areas: ["liverpool"], agencies: ["health", "childrens_services", "police"],
                   summary: "Synthetic review: the warning signs have reduced; the child is attending a youth project.")

        let panel2 = try panel(on: d(6, 18), sent: d(6, 11))
        try decide(panel2, case1, PanelDecisionInput(decision: .review))
        let turns18 = oldest.dob.map { $0.adding(months: 18 * 12) <= d(6, 18) } ?? false
        try decide(panel2, case2, PanelDecisionInput(decision: .remove, closure: turns18 ? .reached18 : .riskReduced,
                                                     risk: RiskLevel("merseyside:9"), note: "Support continues through the school."))
        try decide(panel2, case3, PanelDecisionInput(decision: .removeKeepPoliceFlag,
                                                     reason: "Police keep the flag while a related investigation continues.",
                                                     policeFlagUntil: d(12, 18).adding(months: 3), risk: RiskLevel("merseyside:8")))
        try decide(panel2, case5, PanelDecisionInput(decision: .review, note: "NRM reasonable grounds received; support from the youth worker continues."))
        try decide(panel2, case6, PanelDecisionInput(decision: .review))
        try action(at: .panel(panel2), "Arrange a return-to-learning meeting with the child and family.", owner: "education",
                   due: d(7, 2), caseRef: case5, done: (d(6, 30), "Meeting held; a part-time timetable is agreed."))
        try minutes(panel2, "Synthetic demo minutes. Five children were discussed. Two children are no longer believed to be at "
                    + "risk of harm from exploitation and leave MACCSE; for one of them the police flag is kept while a related "
                    + "investigation continues. The NRM for one child has positive reasonable grounds.")

        // July to September: a repeat referral after the June closure, and the September panel.
        let case3again = try refer(third, on: d(8, 10), by: "Response police officer", agency: "police", concern: .cce,
                                   note: "The child was found in a house of concern after being reported missing overnight.")
        try strategyMeeting(case3again, on: d(8, 12))
        try assess(case3again, on: d(8, 24), concern: .cce, scaling: 4, harm: "may_be_experiencing_harm",
                   criminal: ["warning_signs", "financial"], areas: ["liverpool", "st_helens"], agencies: ["police", "childrens_services", "health"],
                   summary: "Synthetic assessment: new concerns of criminal exploitation after the child was found away from home.")
        try assess(case1, on: d(9, 3), review: true, concern: .cce, scaling: 6, harm: "has_experienced_harm",
                   areas: ["liverpool"], agencies: ["police", "childrens_services"],
                   summary: "Synthetic review: the child is settled at college; partners remain concerned about an adult linked to the child.")
        try assess(case5, on: d(9, 4), review: true, concern: .cce, scaling: 4, harm: "has_experienced_harm",
                   criminal: ["in_borough_drug_dealing"], areas: ["liverpool"], agencies: ["youth_justice", "childrens_services", "police"],
                   summary: "Synthetic review: the child is keeping to the safety plan agreed with the youth worker.")

        let panel3 = try panel(on: d(9, 17), sent: d(9, 10))
        try decide(panel3, case1, PanelDecisionInput(decision: .review, setFlags: [FlagChange(flag: "cce", owner: "police")]))
        try decide(panel3, case3again, PanelDecisionInput(decision: .review, setFlags: [FlagChange(flag: "cce", owner: "police")]))
        try decide(panel3, case5, PanelDecisionInput(decision: .review))
        // The panel runs out of time for one child: deferred to the next, with the reason.
        try workflow.deferCase(panel: panel3, case: case6, reason: "The panel ran out of time; the health assessment is awaited first.",
                               on: d(9, 17), by: viewer)
        try action(at: .panel(panel3), "Offer the child a health assessment and a named school nurse.", owner: "health",
                   due: d(10, 15), caseRef: case6, done: nil)
        warnings += try workflow.recordCaseMinutes(panel: panel3, case: case1,
                                                   "Synthetic demo minutes for this child. The child is settled at college. Partners "
                                                   + "remain concerned about an adult linked to the child; police will share what is "
                                                   + "known with MARTHR. Review in 12 weeks with the police flag set.",
                                                   on: d(9, 18), by: viewer).map { "minutes of \(case1): \($0.matched)" }
        try minutes(panel3, "Synthetic demo minutes. Four children were discussed, one of them referred again after leaving "
                    + "MACCSE in June. The panel asks MARTHR to look at the adults and places linked to the children.")

        // October: MARTHR, the disruption register, feedback, and one more referral.
        let marthr = try workflow.scheduleMarthr(on: d(10, 13), chair: "Detective Chief Inspector (synthetic)", force: "merseyside", by: viewer)
        let nominated = try workflow.nominateFromQuery(marthr: marthr, engine: QueryEngine(store: store), top: 3, by: viewer)
        // Partners adhere to the confidentiality agreement before any business (seed 003).
        try workflow.recordMarthrAttendance(marthr: marthr, [
            Attendee(name: "DCI Chair (synthetic)", agency: "police", signedConfidentiality: true),
            Attendee(name: "Service manager (synthetic)", agency: "childrens_services", signedConfidentiality: true),
            Attendee(name: "Licensing officer (synthetic)", agency: "licensing", signedConfidentiality: true),
        ], by: viewer)
        if nominated.count > 0 {
            try workflow.decideNomination(marthr: marthr, subject: nominated[0], accept: true,
                                          reason: "Meets the threshold: linked to several children at risk; partners act together.", by: viewer)
        }
        if nominated.count > 1 {
            try workflow.decideNomination(marthr: marthr, subject: nominated[1], accept: false,
                                          reason: "The plans already in place for the children linked to this subject are enough for now; nominate again if new intelligence is received.",
                                          by: viewer)
        }
        _ = try workflow.recordDisruption(DisruptionInput(
            subject: adult, tool: .cawn, servedOn: d(10, 20), expiresOn: d(10, 20).adding(months: 24), child: first,
            meeting: marthr, note: "Served by the neighbourhood team after the MARTHR meeting."), by: viewer)
        warnings += try workflow.feedbackToPanel(marthr: marthr, case: case1,
                                                text: "MARTHR agreed a Child Abduction Warning Notice for an adult linked to the child; "
                                                    + "it was served on \(d(10, 20)).", by: viewer).map { "feedback: \($0.matched)" }
        warnings += try workflow.recordMarthrMinutes(marthr: marthr, "Synthetic demo minutes. Three subjects were nominated from the "
                                                    + "picture; partners agreed a CAWN for one and a licensing visit.", on: d(10, 14),
                                                    by: viewer).map { "MARTHR minutes: \($0.matched)" }
        try workflow.approveMarthrMinutes(marthr: marthr, on: d(10, 16), by: viewer)

        let case8 = try refer(eighth, on: d(10, 5), by: "Head of year", agency: "education", concern: .cce, outcome: nil,
                              note: "The child has new phones and is often collected from school by unknown adults.")
        try strategyMeeting(case8, on: d(10, 9))
        try assess(case8, on: d(10, 21), concern: .cce, scaling: 3, harm: "may_be_experiencing_harm",
                   criminal: ["warning_signs", "online"], areas: ["liverpool"], agencies: ["education", "childrens_services", "police"],
                   summary: "Synthetic assessment: the child may be being groomed for criminal exploitation; the school and "
                       + "social worker are working with the family.")

        // Between panels, new information brings a case back before its review.
        try workflow.addToNextAgenda(case: case5, reason: "The child was seen again with the adult of concern near the school.",
                                     on: d(11, 3), by: viewer)

        // The child's journey (issue 19): the first child went missing in January and was
        // found in another authority; missing again in November, found, the return home
        // interview still to do. The eighth child is placed in a children's home in another
        // authority, whom the placement obliges to tell; the pass tells of cross-border links.
        let elsewhere = try store.reading { tx -> String? in
            for community in 0..<40 {
                let id = Generator.id(.location, community: community, index: 0)
                guard let rowid = try tx.entityRowid(for: id), let row = try tx.row("common.entity", ["id": .integer(rowid)]) else { continue }
                if let there = row.text("area"), there != area { return id }
            }
            return nil
        }
        let january = try workflow.recordMissing(MissingInput(child: first, reportedOn: d(1, 9), from: .home,
                                                              note: "Reported by the parent after the child did not come home."), by: viewer)
        let found = try workflow.recordMissing(MissingInput(child: first, episode: january.ref, foundOn: d(1, 10), foundAt: elsewhere,
                                                            interview: .done, interviewOn: d(1, 12), interviewBy: "Missing from home coordinator"),
                                               by: viewer)
        for task in found.notifications {
            _ = try workflow.completeNotification(task, on: d(1, 12), how: .phone, disclosed: "That the child was found there, and the concern",
                                                  note: nil, by: viewer)
        }
        _ = try workflow.recordMissing(MissingInput(child: first, reportedOn: d(11, 17), from: .education), by: viewer)
        _ = try workflow.recordMissing(MissingInput(child: first, foundOn: d(11, 18), interview: .offered), by: viewer)
        _ = try workflow.recordPlacement(PlacementInput(
            child: eighth, placedBy: area, livesIn: area == "E08000014" ? "E08000013" : "E08000014", kind: .childrensHome,
            placement: "A children's home (synthetic)", startedOn: d(11, 2)), on: d(11, 2), by: viewer)
        _ = try workflow.notificationPass(engine: QueryEngine(store: store), on: d(11, 20), by: viewer)

        // Late November: the next panel is scheduled, the police refer an adult linked to the
        // children, and the agenda is built, but not yet sent.
        let upcomingOn = calendar.upcomingPanel(agendaDaysBefore: try workflow.settings(for: area).agendaDaysBefore,
                                                calendar: try WorkingCalendar.standard())
        let upcoming = try workflow.schedulePanel(area: area, on: upcomingOn, coChairs: DemoWorkflow.coChairs, by: viewer)
        try workflow.referPerpetrator(panel: upcoming, subject: adult,
                                      reason: "Information is sought to identify other children linked to this adult.", on: d(11, 19),
                                      by: viewer)
        try workflow.buildAgenda(panel: upcoming, by: viewer)

        return Summary(area: area, areaName: areaName, referrals: referrals, cases: cases, assessments: assessments,
                       panelsHeld: [panel1, panel2, panel3], today: calendar.today, busiestPanel: panel2,
                       busiestQuarter: DemoCalendar.quarter(of: d(6, 18)), upcomingPanel: upcoming, upcomingPanelOn: upcomingOn, marthr: marthr,
                       nominations: nominated.count, actions: actions, warnings: warnings)
    }

    static let coChairs = ["Detective Inspector (synthetic)", "Children's services manager (synthetic)"]

    /// Records a referral received on `date` and, unless screened out, opens its case the
    /// next day. A referral with no outcome is screened on the next day as section 47.
    ///
    /// - Returns: the case opened, or the referral when it was screened out.
    @discardableResult
    private mutating func refer(_ child: String, on date: CalendarDate, by referrer: String, agency: String, concern: Concern,
                                outcome: ScreeningOutcome? = .section47, note: String) throws -> String {
        let referral = try workflow.recordReferral(ReferralInput(
            child: child, receivedOn: date, referrer: referrer, agency: agency, concern: concern,
            outcome: outcome, screenedOn: outcome == nil ? nil : date, note: note), by: viewer)
        referrals += 1
        warnings += referral.warnings.map { "referral \(referral.ref): \($0.matched)" }
        if outcome == nil { try workflow.screenReferral(referral.ref, outcome: .section47, on: date.adding(days: 1), by: viewer) }
        if outcome == .noFurtherAction || outcome == .signposting { return referral.ref }
        cases += 1
        return try workflow.openCase(referral: referral.ref, on: date.adding(days: outcome == nil ? 2 : 1), by: viewer)
    }

    /// Records a Merseyside assessment of a case.
    private mutating func assess(_ caseRef: String, on date: CalendarDate, review: Bool = false, concern: Concern, scaling: Int,
                                 harm: String, criminal: [String] = [], sexual: [String] = [], areas: [String], agencies: [String],
                                 summary: String, graph: [[String: JSONValue]] = []) throws {
        let reason: JSONValue = switch concern {
        case .cce: "criminal"
        case .cse: "sexual"
        case .both: "both"
        }
        var answers: [String: JSONValue] = [
            "professionals_involved": .string("Social worker; " + agencies.map { $0.replacing("_", with: " ") }.joined(separator: "; ")),
            "referral_reason": reason, "scaling": .number(String(scaling)), "harm_statement": .string(harm),
            "imminent_risk": .bool(false), "areas_taken_to": .array(areas.map { .string($0) }),
        ]
        if !criminal.isEmpty { answers["criminal_contexts"] = .array(criminal.map { .string($0) }) }
        if !sexual.isEmpty { answers["sexual_contexts"] = .array(sexual.map { .string($0) }) }
        let record = try workflow.recordAssessment(AssessmentInput(
            caseRef: caseRef, assessedOn: date, isReview: review, concern: concern, agencies: agencies, answers: answers,
            grading: Grading("2B P")!, summary: summary, graph: graph), by: viewer)
        assessments += 1
        warnings += record.warnings.map { "assessment \(record.ref): \($0.matched)" }
    }

    /// Schedules a quorate panel on `date`, builds its agenda and sends it on `sent`.
    /// A strategy meeting of police, children's social care and health that initiates a
    /// Section 47 enquiry, with a joint visit and a joint investigation and no conference
    /// (its reason recorded, as seed 002 asks).
    private func strategyMeeting(_ caseRef: String, on date: CalendarDate) throws {
        try workflow.recordStrategyMeeting(StrategyMeetingInput(
            caseRef: caseRef, heldOn: date, section47: true,
            attendees: [Attendee(name: "DS Synthetic", agency: "police", signedConfidentiality: true),
                        Attendee(name: "Team manager Synthetic", agency: "childrens_services", signedConfidentiality: true),
                        Attendee(name: "CSE nurse Synthetic", agency: "health", signedConfidentiality: true)],
            decisions: [.jointVisit, .jointInvestigation],
            noConferenceReason: "The family is working with the plan; a child in need plan is in place."), by: viewer)
    }

    private func panel(on date: CalendarDate, sent: CalendarDate) throws -> String {
        let ref = try workflow.schedulePanel(area: area, on: date, coChairs: DemoWorkflow.coChairs, by: viewer)
        try workflow.recordAttendance(panel: ref, [
            Attendee(name: "Detective Inspector (synthetic)", agency: "police", signedConfidentiality: true),
            Attendee(name: "Children's services manager (synthetic)", agency: "childrens_services", signedConfidentiality: true),
            Attendee(name: "Named nurse for safeguarding (synthetic)", agency: "health", signedConfidentiality: true),
            Attendee(name: "Education safeguarding lead (synthetic)", agency: "education", signedConfidentiality: true),
            Attendee(name: "Youth justice manager (synthetic)", agency: "youth_justice", signedConfidentiality: true),
        ], by: viewer)
        try workflow.buildAgenda(panel: ref, by: viewer)
        try workflow.sendAgenda(panel: ref, on: sent, by: viewer)
        return ref
    }

    /// Records a panel decision.
    private func decide(_ panel: String, _ caseRef: String, _ input: PanelDecisionInput) throws {
        _ = try workflow.recordDecision(panel: panel, case: caseRef, input, by: viewer)
    }

    /// Records a panel's minutes.
    private mutating func minutes(_ panel: String, _ text: String) throws {
        warnings += try workflow.recordMinutes(panel: panel, text, by: viewer).map { "minutes of \(panel): \($0.matched)" }
    }

    /// Raises an action and, when `done` gives a day and a note, marks it done.
    private mutating func action(at forum: Forum, _ text: String, owner: String, due: CalendarDate, caseRef: String,
                                 done: (CalendarDate, String)?) throws {
        let (ref, found) = try workflow.addAction(at: forum, ActionInput(text: text, owner: owner, dueOn: due, caseRef: caseRef), by: viewer)
        actions += 1
        warnings += found.map { "action \(ref): \($0.matched)" }
        if case let (day, note)? = done { try workflow.updateAction(ref, status: "done", on: day, note: note, by: viewer) }
    }
}
