import GraphCore
import GraphStore

extension Workflow {
    /// What is late on `date` under the protocols' timescales, most late first: referrals
    /// with immediate risk not yet screened, strategy meetings (5 working days from the
    /// referral), assessments (15 working days from the case opening), reviews, actions,
    /// agendas not sent by their due day, panel minutes not recorded and approved within the
    /// partnership's working days (`minutesWorkingDays`), flag reviews, transitions plans for children
    /// who turned 18 on MACCSE, and notices in the disruption register within `noticeReminderDays`
    /// of expiry (for those who read MARTHR). Working days leave out weekends, England and Wales bank
    /// holidays and the partnership's closures.
    ///
    /// - Parameters:
    ///   - includeDueSoon: also list what falls due within the partnership's `dueSoonDays`.
    public func timescales(on date: CalendarDate, area: String?, includeDueSoon: Bool = false,
                           by viewer: Viewer) throws -> [TimescaleItem] {
        try transaction(by: viewer) { tx in
            if let area { try requireArea(area, localAuthority: true, operation: "overdue", by: viewer, in: tx) }
            var items: [TimescaleItem] = []
            var settingsCache: [String: PartnershipSettings] = [:]
            func settings(_ area: String) throws -> PartnershipSettings {
                if let cached = settingsCache[area] { return cached }
                let value = try self.settings(for: area, in: tx)
                settingsCache[area] = value
                return value
            }
            // One calendar per area for the call: building one computes years of bank holidays.
            var calendarCache: [String: WorkingCalendar] = [:]
            func calendar(for area: String) throws -> WorkingCalendar {
                if let cached = calendarCache[area] { return cached }
                let value = try self.calendar(try settings(area))
                calendarCache[area] = value
                return value
            }
            func add(_ kind: String, _ ref: String, child: String?, due: CalendarDate, owner: String, rule: String, area: String) throws {
                guard try covers(area, by: viewer, in: tx) else { return }
                let calendar = try calendar(for: area)
                let late = due < date ? calendar.workingDays(from: due, to: date) : -calendar.workingDays(from: date, to: due)
                items.append(TimescaleItem(kind: kind, ref: ref, child: child, due: due, owner: owner, workingDaysLate: late, rule: rule))
            }
            for row in try tx.rows("referral.unscreened", ["area": StoredValue(area)]) where row.bool("immediate_risk") == true {
                guard let received = row.date("received_on") else { continue }
                try add("screening", row.string("ref"), child: row.text("child_ref"), due: received, owner: "front door (MASH)",
                        rule: "immediate risk never waits: screen on the day received", area: row.string("area"))
            }
            for row in try covered(try tx.rows("case.open_in_area", ["area": StoredValue(area)]), by: viewer, in: tx) {
                let caseArea = row.string("area"), ref = row.string("ref"), child = row.text("child_ref")
                let settings = try settings(caseArea)
                let calendar = try calendar(for: caseArea)
                guard let opened = row.date("opened_on") else { continue }
                let start = row.date("referral_received_on") ?? opened
                if row.date("strategy_meeting_on") == nil {
                    try add("strategy_meeting", ref, child: child,
                            due: calendar.adding(workingDays: settings.strategyMeetingWorkingDays, to: start),
                            owner: "childrens_services",
                            rule: "strategy meeting within \(settings.strategyMeetingWorkingDays) working days of the referral",
                            area: caseArea)
                }
                if row.integer("assessments") == 0 {
                    try add("assessment", ref, child: child, due: calendar.adding(workingDays: settings.assessmentWorkingDays, to: opened),
                            owner: "childrens_services",
                            rule: "assessment within \(settings.assessmentWorkingDays) working days of the case opening", area: caseArea)
                }
                if let review = row.date("review_on") {
                    try add("review", ref, child: child, due: review, owner: "MACCSE chair", rule: "review date set by the panel",
                            area: caseArea)
                }
                // Seed 003: on the 18th birthday the case is handed over to adult services
                // (``Workflow/handOver(case:to:on:)``), not left open.
                if let born = row.date("dob") {
                    try add("handover", ref, child: child, due: born.adding(months: 18 * 12), owner: "childrens_services",
                            rule: "the child turns 18: record the handover to adult services", area: caseArea)
                }
                if let born = row.date("dob"), row.date("transitions_plan_on") == nil {
                    let eighteen = born.adding(months: 18 * 12)
                    let listFrom = eighteen.adding(months: -settings.transitionsMonthsBefore18)
                    if date >= listFrom {
                        try add("transitions_plan", ref, child: child, due: eighteen, owner: "childrens_services",
                                rule: "a child approaching 18 still on MACCSE needs a transitions plan", area: caseArea)
                    }
                }
            }
            for row in try tx.rows("action.open") {
                let actionArea = row.text("case_area") ?? row.text("panel_area")
                if let area, actionArea != area { continue }
                guard let due = row.date("due_on") else { continue }
                try add("action", row.string("ref"), child: nil, due: due, owner: row.string("owner_agency"),
                        rule: "action from " + (row.text("panel_ref") ?? row.text("marthr_ref") ?? "a meeting"),
                        area: actionArea ?? "default")
            }
            for row in try tx.rows("panel.agenda_unsent", ["area": StoredValue(area), "on": StoredValue(date)]) {
                guard let due = row.date("agenda_due_on") else { continue }
                let days = try settings(row.string("area")).agendaDaysBefore
                try add("agenda", row.string("ref"), child: nil, due: due, owner: "MACCSE coordinator",
                        rule: "agenda sent \(days) days before the panel on \(row.string("held_on"))", area: row.string("area"))
            }
            // Seed 002 §16 (LLR): the initial CSE strategy meeting within 15 working days of the
            // strategy meeting that initiated a Section 47 enquiry.
            for row in try tx.rows("case.initial_strategy_due", ["area": StoredValue(area)]) {
                let caseArea = row.string("area")
                let settings = try settings(caseArea)
                guard settings.framework == "llr", let held = row.date("held_on") else { continue }
                let days = settings.initialStrategyMeetingWorkingDays
                try add("initial_strategy_meeting", row.string("ref"), child: row.text("child_ref"),
                        due: try calendar(for: caseArea).adding(workingDays: days, to: held), owner: "childrens_services",
                        rule: "initial CSE strategy meeting within \(days) working days of the Section 47 strategy meeting on "
                            + row.string("held_on"), area: caseArea)
            }
            // Seed 002: a return home interview for every child found (72 hours by default).
            for row in try tx.rows("missing.interviews_due", ["area": StoredValue(area)]) {
                guard let found = row.date("found_on") else { continue }
                let hours = try settings(row.text("area") ?? "default").returnInterviewHours
                try add("return_interview", row.string("ref"), child: row.text("child_ref"), due: found.adding(days: (hours + 23) / 24),
                        owner: "missing from home coordinator",
                        rule: "return home interview within \(hours) hours of the child being found on \(row.string("found_on"))",
                        area: row.text("area") ?? "default")
            }
            // Seed 003 §3: every duty to tell another authority or force, until done.
            for row in try tx.rows("notification.overdue", ["area": StoredValue(area)]) {
                guard let due = row.date("due_on") else { continue }
                let contact = NotificationTask.Contact(rawValue: row.string("contact"))?.words ?? row.string("contact")
                let child = try knowsChild(row.text("child_ref"), area: row.text("child_area"), by: viewer, in: tx) ? row.text("child_ref") : nil
                try add("notification", row.string("ref"), child: child, due: due, owner: "MACCSE coordinator",
                        rule: "tell \(row.string("to_area_name"))'s \(contact)", area: row.text("area") ?? "default")
            }
            // Seed 000: an incoming placement screened for CE risk (due on the day it started).
            for row in try tx.rows("placement.unscreened", ["area": StoredValue(area)]) {
                guard let started = row.date("started_on") else { continue }
                let child = try knowsChild(row.text("child_ref"), area: row.text("child_area"), by: viewer, in: tx) ? row.text("child_ref") : nil
                try add("placement_screening", row.string("ref"), child: child, due: started, owner: "front door (MASH)",
                        rule: "a child placed here by another authority is screened for CE risk", area: row.string("area"))
            }
            for row in try tx.rows("panel.minutes_unapproved", ["area": StoredValue(area), "on": StoredValue(date)]) {
                guard let held = row.date("held_on") else { continue }
                let panelArea = row.string("area")
                let days = try settings(panelArea).minutesWorkingDays
                try add("minutes", row.string("ref"), child: nil, due: try calendar(for: panelArea).adding(workingDays: days, to: held),
                        owner: row.bool("recorded") == true ? "MACCSE chair" : "MACCSE coordinator",
                        rule: "minutes recorded and approved by the chair within \(days) working days of the panel on "
                            + row.string("held_on") + (row.bool("recorded") == true ? " (awaiting the chair's approval)" : " (not recorded)"),
                        area: panelArea)
            }
            for row in try tx.rows("flag.reviews") {
                if let area, row.text("area") != area { continue }
                guard let due = row.date("review_on") else { continue }
                try add("flag_review", row.string("entity_ref"), child: row.string("kind") == "child" ? row.text("entity_ref") : nil,
                        due: due, owner: row.string("owner_agency"), rule: "\(row.string("flag")) flag review",
                        area: row.text("area") ?? "default")
            }
            // Seed 003: notices are monitored; each is on the list from the partnership's
            // `noticeReminderDays` before it expires until it is renewed or ended, for those
            // who read MARTHR's register and may see its subject.
            if viewer.access.may(.readMarthr) {
                for row in try tx.rows("disruption.expiring") where try mayRead(notice: row, by: viewer, in: tx) {
                    let subjectArea = row.text("subject_area")
                    if let area, subjectArea != area, row.text("child_area") != area { continue }
                    guard let expires = row.date("expires_on") else { continue }
                    let days = try settings(subjectArea ?? "default").noticeReminderDays
                    guard date >= expires.adding(days: -days) else { continue }
                    let tool = row.string("tool").replacingOccurrences(of: "_", with: " ")
                    try add("notice_expiry", row.string("ref"), child: row.text("child_ref"), due: expires, owner: "MARTHR (police)",
                            rule: "the \(tool) on \(row.string("subject_ref")) expires on \(expires): renew or end it "
                                + "(reminder \(days) days before)", area: subjectArea ?? area ?? "default")
                }
            }
            let horizon = includeDueSoon ? max(0, try settings(area ?? "default").dueSoonDays) : 0
            let shown = items.filter { $0.isOverdue || $0.kind == "transitions_plan" || $0.kind == "screening" || $0.kind == "notice_expiry"
                || (includeDueSoon && $0.due <= date.adding(days: horizon)) }
                .sorted { ($0.workingDaysLate, $1.ref) > ($1.workingDaysLate, $0.ref) }
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "overdue", "on": .string(date.description), "area": area.map { .string($0) } ?? .null,
                "records": .array(shown.map { .string($0.ref) }),
            ]))
            return shown
        }
    }
}

extension Workflow {
    /// Children on MACCSE who turn 18 within the partnership's transitions window of
    /// `date` (or already have), with whether a transitions plan is recorded.
    public func transitions(on date: CalendarDate, area: String?, by viewer: Viewer) throws -> [JSONValue] {
        try transaction(by: viewer) { tx in
            var rows: [JSONValue] = []
            for row in try covered(try tx.rows("case.open_in_area", ["area": StoredValue(area)]), by: viewer, in: tx) {
                guard let born = row.date("dob") else { continue }
                let settings = try settings(for: row.string("area"), in: tx)
                let eighteen = born.adding(months: 18 * 12)
                guard date >= eighteen.adding(months: -settings.transitionsMonthsBefore18) else { continue }
                rows.append(.object([
                    "case": .string(row.string("ref")), "child": .string(row.string("child_ref")),
                    "turns_18_on": .string(eighteen.description),
                    "transitions_plan_on": row.text("transitions_plan_on").map { .string($0) } ?? .null,
                ]))
            }
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "transitions", "cases": .array(rows.compactMap { $0.objectValue?["case"] }),
            ]))
            return rows
        }
    }
}
