import ArgumentParser
import CaseWorkflow
import GraphCore
import GraphQuery

extension CEGraph {
    /// `cegraph case ...`: referrals, cases, assessments, NRM, flags, timescales, alerts.
    struct Case: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "MACCSE case work: referrals, cases, assessments, NRM, flags, timescales, alerts, missing episodes, "
                + "placements and the notification log.",
            discussion: """
                Dates default to today; --today YYYY-MM-DD acts as another day. Every command \
                writes its audit row with --actor and --reason.

                Examples:
                  cegraph case referral --child CH12 --received 2026-03-02 --referrer "Duty worker" --agency education --concern cce
                  cegraph case open REF-000001
                  cegraph case assess CASE-000001 assessment.json
                  cegraph case assessment ASMT-000001
                  cegraph case overdue --area E08000012
                """,
            subcommands: [Referral.self, Screen.self, Open.self, Strategy.self, Assess.self, Assessment.self, Show.self, List.self,
                          Referrals.self, Overdue.self, Transitions.self, NRM.self, SetFlag.self, Unflag.self, Flags.self,
                          Alerts.self, AlertReview.self, Settings.self, Missing.self, MissingList.self, Placement.self,
                          Notifications.self, Notify.self, Notified.self, Handover.self]
        )

        struct Referral: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record a referral; a new concern within 12 months of leaving MACCSE is marked as a repeat.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "The child's id.") var child: String
            @Option(help: "The date received (default: today).") var received: CalendarDate?
            @Option(help: "Who referred.") var referrer: String
            @Option(help: "The referring agency (police, childrens_services, health, education, ...).") var agency: String
            @Option(help: "cse, cce or both.") var concern: String
            @Option(help: "The front door's local authority (default: the child's home area).") var area: String?
            @Option(help: "The screening outcome, if screened.") var outcome: String?
            @Option(help: "The screening date.") var screened: CalendarDate?
            @Flag(help: "Immediate risk: never waits for a panel.") var immediateRisk = false
            @Option(help: "A note (checked for child-first language).") var note: String?

            func run() throws {
                let concern: Concern = try choice(self.concern, "--concern")
                let outcome: ScreeningOutcome? = try outcome.map { try choice($0, "--outcome") }
                let record = try options.workflow().recordReferral(ReferralInput(
                    child: child, area: area, receivedOn: received ?? options.day, referrer: referrer, agency: agency,
                    concern: concern, outcome: outcome, screenedOn: screened ?? (outcome == nil ? nil : options.day),
                    immediateRisk: immediateRisk, note: note), by: options.viewer)
                WorkflowOptions.warn(record.warnings, in: "note")
                options.output(.object(["referral": .string(record.ref), "child": .string(record.child), "area": .string(record.area),
                                        "repeat_of": record.repeatOf.map { .string($0) } ?? .null]),
                               text: ["referral \(record.ref) recorded for \(record.child)"
                                      + (record.repeatOf.map { "; REPEAT referral: the child left MACCSE (case \($0)) within the repeat window" } ?? "")])
            }
        }

        struct Screen: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record the front door's screening outcome for a referral.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The referral.") var referral: String
            @Option(help: "no_further_action, signposting, early_help, section_17 or section_47.") var outcome: String
            func run() throws {
                let outcome: ScreeningOutcome = try choice(outcome, "--outcome")
                try options.workflow().screenReferral(referral, outcome: outcome, on: options.day, by: options.viewer)
                print("referral \(referral) screened: \(outcome.rawValue)")
            }
        }

        struct Open: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Open a MACCSE case from a referral.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The referral.") var referral: String
            func run() throws {
                let ref = try options.workflow().openCase(referral: referral, on: options.day, by: options.viewer)
                options.output(.object(["case": .string(ref)]), text: ["case \(ref) opened"])
            }
        }

        struct Strategy: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record a strategy meeting: who attended, what it decided, and the CE flags actioned at it.",
                discussion: """
                    Decisions (seed 002): \(StrategyMeeting.Decision.allCases.map(\.rawValue).joined(separator: ", ")). \
                    Without child_protection_conference, --no-conference-reason says why none was initiated. \
                    Example: cegraph case strategy CASE-000001 --on 2026-03-04 --section47 --attendee "DS A:police" \
                    --attendee "B:childrens_services" --decision joint_visit --decision abe_interview \
                    --no-conference-reason "Child in need plan agreed" --flag cce:police
                    """)
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The case.") var ceCase: String
            @Option(help: "The day it was held (default: --today).") var on: CalendarDate?
            @Option(help: "strategy, initial_cse or review_cse.") var kind = "strategy"
            @Flag(help: "The meeting initiated a Section 47 enquiry.") var section47 = false
            @Option(help: "NAME:AGENCY of someone who attended.") var attendee: [String] = []
            @Option(help: "A decision (give each).") var decision: [String] = []
            @Option(help: "Why no child protection conference was initiated.") var noConferenceReason: String?
            @Option(help: "FLAG:OWNER[:ID]: a CE flag actioned at the meeting (on the child unless ID names another).") var flag: [String] = []
            @Option(help: "A note.") var note: String?
            func run() throws {
                let day = on ?? options.day
                let (ref, warnings) = try options.workflow().recordStrategyMeeting(StrategyMeetingInput(
                    caseRef: ceCase, kind: try choice(kind, "--kind"), heldOn: day, section47: section47,
                    attendees: try attendee.map { try CLIText.attendee($0, option: "--attendee") },
                    decisions: try decision.map { try choice($0, "--decision") }, noConferenceReason: noConferenceReason,
                    flags: try flag.map { try CLIText.flag($0, option: "--flag") }, note: note), by: options.viewer)
                WorkflowOptions.warn(warnings, in: "note")
                print("strategy meeting \(ref) recorded for \(ceCase) on \(day)")
            }
        }

        struct Missing: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record a missing episode, or update one: found (when, where, with whom) and the return home interview.",
                discussion: """
                    A new episode needs --reported. Without --reported and --episode, the child's episode not yet found is \
                    updated. The place found at becomes a dated found_at link. A child reported missing more than once within \
                    the setting repeatMissingDays (90) joins their case's next panel agenda.
                    Example: cegraph case missing CH12 --reported 2026-03-02 --from care
                             cegraph case missing CH12 --found 2026-03-03 --found-at LO7 --interview offered
                    """)
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The child.") var child: String
            @Option(help: "The episode to update (MISS-NNNNNN).") var episode: String?
            @Option(help: "The day the child was reported missing (a new episode).") var reported: CalendarDate?
            @Option(help: "Missing from: home, care, education or other.") var from = "home"
            @Option(help: "The day the child was found.") var found: CalendarDate?
            @Option(help: "The place the child was found at (its id).") var foundAt: String?
            @Option(help: "Who the child was found with, if known.") var foundWith: String?
            @Option(help: "The return home interview: offered, done or declined.") var interview: String?
            @Option(help: "The day of the interview (default: the day found, for done or declined).") var interviewOn: CalendarDate?
            @Option(help: "Who holds the interview.") var interviewBy: String?
            @Option(help: "A note.") var note: String?
            func run() throws {
                let record = try options.workflow().recordMissing(MissingInput(
                    child: child, episode: episode, reportedOn: reported, from: try choice(from, "--from"), foundOn: found,
                    foundAt: foundAt, foundWith: foundWith, interview: try interview.map { try choice($0, "--interview") },
                    interviewOn: interviewOn, interviewBy: interviewBy, note: note), by: options.viewer)
                WorkflowOptions.warn(record.warnings, in: "note")
                var lines = ["missing episode \(record.ref) " + (record.isNew ? "recorded" : "updated") + " for \(child)"]
                if record.isNew, record.timesInWindow > 1 {
                    lines.append("  reported missing \(record.timesInWindow) times within the repeat window: a missing risk assessment is needed"
                                 + (record.addedToAgenda.map { "; \($0) joins its next panel agenda" } ?? ""))
                }
                for task in record.notifications { lines.append("  notification \(task) raised: found in another authority or force") }
                options.output(.object(["episode": .string(record.ref), "new": .bool(record.isNew),
                                        "notifications": .array(record.notifications.map { .string($0) }),
                                        "times_in_window": .number(String(record.timesInWindow)),
                                        "added_to_agenda": record.addedToAgenda.map { .string($0) } ?? .null]), text: lines)
            }
        }

        struct MissingList: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "missing-list",
                abstract: "The daily list: children reported missing since the last working day (or --since), or one child's episodes.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "From this day (default: the working day before --today).") var since: CalendarDate?
            @Option(help: "A local authority code.") var area: String?
            @Option(help: "One child's episodes instead.") var child: String?
            func run() throws {
                let workflow = try options.workflow()
                let episodes = if let child {
                    try workflow.missingEpisodes(child: child, by: options.viewer)
                } else {
                    try workflow.missingReported(since: since ?? workflow.previousWorkingDay(before: options.day, area: area),
                                                 area: area, by: options.viewer)
                }
                options.output(try JSONValue(encoding: episodes), text: episodes.map {
                    WorkflowOptions.line([$0.ref, $0.childRef, "missing " + $0.reportedOn + " from " + $0.missingFrom.rawValue,
                                          $0.foundOn.map { "found " + $0 } ?? "NOT FOUND",
                                          $0.foundAtRef.map { "at " + $0 }, $0.interview.map { "interview " + $0.rawValue }])
                })
            }
        }

        struct Assess: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record an assessment against the partnership's risk framework; what it names joins the graph.",
                discussion: """
                    FILE is a JSON object: {"assessed_on": "2026-03-10", "kind": "new"|"review", \
                    "concern": "cce", "agencies": ["police", "childrens_services"], "grading": "2B P", \
                    "handling_conditions": "...", "summary": "...", "answers": {...}, "graph": [records]}. \
                    `answers` follow the framework (docs/RISK_FRAMEWORKS.md); `graph` holds data-contract \
                    records (FORMAT.md §1) for the adults, children, places, handles and phones it names \
                    and their links, which rest on the assessment unless they name intelligence.
                    """)
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The case.") var ceCase: String
            @Argument(help: "The assessment, as JSON (- for standard input).") var file: String
            func run() throws {
                let object = try JSONFile.object(file)
                let input = try AssessmentInput(json: object, caseRef: ceCase, today: options.day)
                let workflow = try options.workflow()
                // The notification pass follows for the child: the assessment's records may cross a border.
                let (record, pass) = try workflow.recordAssessment(input, notifying: QueryEngine(store: workflow.store),
                                                                   on: options.day, by: options.viewer)
                WorkflowOptions.warn(record.warnings, in: "summary")
                for task in pass?.raised ?? [] { Printer.error("notification \(task) raised: a cross-border link to tell") }
                let outcome = record.outcome
                options.output(.object(["assessment": .string(record.ref), "intel": .string(record.intelRef), "outcome": outcome.json,
                                        "graph_records": .number(String(record.touched.count))]),
                               text: ["assessment \(record.ref) recorded: \(outcome.level)"
                                      + (outcome.immediateAction ? " — IMMEDIATE ACTION: this must not wait for the panel" : "")]
                                      + outcome.reasons.map { "  " + $0.description }
                                      + ["  \(record.touched.count) graph records written, resting on \(record.intelRef)"])
            }
        }

        struct Assessment: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "One assessment in full: every question of its framework with the answer recorded, in the framework's order.",
                discussion: "`case show CASE` lists a case's assessments by reference (ASMT-NNNNNN).")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The assessment (ASMT-NNNNNN).") var assessment: String
            func run() throws {
                let detail = try options.workflow().assessment(assessment, by: options.viewer)
                if options.json {
                    print(String(decoding: try detail.jsonData(), as: UTF8.self))
                    return
                }
                var lines = [
                    "\(detail.ref)  \(detail.kind.rawValue) assessment of \(detail.caseRef) (\(detail.childRef), \(detail.childLabel)) on \(detail.assessedOn)",
                    "  risk \(detail.risk)" + (detail.riskLabel.map { " (\($0))" } ?? "")
                        + (detail.immediateAction ? " — IMMEDIATE ACTION: this must not wait for the panel" : ""),
                    "  concern \(detail.concern.rawValue); agencies " + detail.agencies.map(\.code).joined(separator: ", ")
                        + "; graded " + (detail.grading ?? "—"),
                    "  framework: \(detail.framework.name)",
                ]
                lines += detail.reasons.map { reason in
                    "  \(reason.conclusion): \(reason.explanation)"
                        + (reason.answers.isEmpty ? "" : " Answers: " + reason.answers.joined(separator: "; ") + ".")
                }
                if let summary = detail.summary { lines.append("  summary: " + summary) }
                if detail.freeTextWithheld { lines.append("  free text withheld: handling code C") }
                for answer in detail.answers {
                    let words = answer.withheld ? "(withheld)" : answer.words ?? "(not answered)"
                    lines.append("  \(answer.question): \(words)")
                }
                if let changes = detail.sincePrevious {
                    lines.append("since \(changes.previousRef) on \(changes.previousAssessedOn): risk "
                                 + (changes.riskChanged ? "\(changes.previousRisk) → \(detail.risk)" : "unchanged (\(detail.risk))")
                                 + (changes.answers.isEmpty ? "; no answer changed" : ""))
                    for change in changes.answers {
                        lines.append("  \(change.question): \(change.before ?? "(not answered)") → \(change.after ?? "(not answered)")")
                    }
                } else {
                    lines.append("the child's first assessment in \(detail.area)")
                }
                print(lines.joined(separator: "\n"))
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Everything recorded on a case.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The case.") var ceCase: String
            func run() throws {
                Printer.json(try JSONValue(encoding: options.workflow().caseDetail(ceCase, asOf: options.day, by: options.viewer)))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List cases.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "A local authority code.") var area: String?
            @Option(help: "open or closed.") var status: String?
            func run() throws {
                let rows = try options.workflow().listCases(area: area, status: status, by: options.viewer)
                options.output(try JSONValue(encoding: rows), text: rows.map {
                    WorkflowOptions.line([$0.ref, $0.status, $0.childRef, $0.concern, $0.openedOn, $0.reviewOn, $0.closure])
                })
            }
        }

        struct Referrals: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List referrals received in a period.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "A local authority code.") var area: String?
            @Option(help: "From (default: a year before --today).") var from: CalendarDate?
            @Option(help: "To (default: --today).") var to: CalendarDate?
            func run() throws {
                let rows = try options.workflow().listReferrals(area: area, from: from ?? options.day.adding(months: -12),
                                                                to: to ?? options.day, by: options.viewer)
                options.output(.array(rows), text: WorkflowOptions.lines(rows, ["ref", "received_on", "child_ref", "agency", "concern", "outcome"]))
            }
        }

        struct Overdue: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "What is late under the timescales (working days), and for whom.",
                discussion: "Screening with immediate risk, strategy meetings (5 working days), assessments (15), reviews, "
                    + "actions, agendas, flag reviews and transitions plans. Weekends, England and Wales bank holidays "
                    + "and the partnership's closures are not working days.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "A local authority code.") var area: String?
            @Flag(help: "Also list what falls due soon.") var dueSoon = false
            func run() throws {
                let items = try options.workflow().timescales(on: options.day, area: area, includeDueSoon: dueSoon, by: options.viewer)
                options.output(.array(items.map(\.json)), text: items.isEmpty ? ["nothing is late on \(options.day)"] : items.map {
                    let days = abs($0.workingDaysLate), unit = days == 1 ? "working day" : "working days"
                    let state = $0.workingDaysLate > 0 ? "\(days) \(unit) late" : $0.workingDaysLate == 0 ? "due today" : "due in \(days) \(unit)"
                    return "\($0.kind)  \($0.ref)\($0.child.map { " (\($0))" } ?? "")  due \($0.due), \(state)  for \($0.owner): \($0.rule)"
                })
            }
        }

        struct Transitions: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Children approaching 18 while on MACCSE, for a transitions plan; --plan CASE records one.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "A local authority code.") var area: String?
            @Option(help: "Record that this case's transitions plan is in place (on --today).") var plan: String?
            func run() throws {
                let workflow = try options.workflow()
                if let plan {
                    try workflow.recordTransitionsPlan(case: plan, on: options.day, by: options.viewer)
                    print("transitions plan recorded for \(plan)")
                    return
                }
                let rows = try workflow.transitions(on: options.day, area: area, by: options.viewer)
                options.output(.array(rows), text: rows.isEmpty ? ["no child on MACCSE is approaching 18"]
                               : WorkflowOptions.lines(rows, ["case", "child", "turns_18_on", "transitions_plan_on"]))
            }
        }

        struct NRM: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Move a case's National Referral Mechanism to a stage.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The case.") var ceCase: String
            @Option(help: "needs_referral, referred, positive_reasonable_grounds, conclusive_grounds or negative.") var stage: String
            @Option(help: "Whether it was decided in a multi-agency forum (yes or no).") var multiAgencyForum: String?
            @Option(help: "A note.") var note: String?
            func run() throws {
                let stage: NRMStage = try choice(stage, "--stage")
                let forum: Bool? = try multiAgencyForum.map {
                    switch $0.lowercased() { case "yes", "true": true; case "no", "false": false
                    default: throw ValidationError("--multi-agency-forum must be yes or no") }
                }
                try options.workflow().recordNRM(case: ceCase, stage: stage, on: options.day, multiAgencyForum: forum, note: note,
                                                 by: options.viewer)
                print("NRM for \(ceCase): \(stage.rawValue) on \(options.day)")
            }
        }

        struct SetFlag: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "flag", abstract: "Flag an adult, a location or a vehicle (children's flags are set by panel decisions).")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The adult, location or vehicle.") var id: String
            @Option(help: "cse, cce, ce or adult_of_concern (adults); location_of_concern; vehicle_of_concern.") var flag: String
            @Option(help: "The agency that owns the flag.") var owner: String
            @Option(help: "The review date (default: the review interval).") var review: CalendarDate?
            func run() throws {
                let effect = try options.workflow().setFlag(on: id, FlagChange(flag: flag, owner: owner), on: options.day,
                                                            review: review, by: options.viewer)
                print("\(id): \(effect)")
            }
        }

        struct Unflag: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Remove the flags on an adult, location, vehicle, or a child no longer on MACCSE; a police flag stays for its retention period.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The adult, location, vehicle or child.") var id: String
            func run() throws {
                let effects = try options.workflow().removeFlags(on: id, on: options.day, by: options.viewer)
                print(effects.isEmpty ? "\(id) has no flags set" : effects.map { "\(id): \($0)" }.joined(separator: "\n"))
            }
        }

        struct Flags: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The flags on a child, adult or location, and which are present.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The child, adult or location.") var id: String
            func run() throws {
                let rows = try options.workflow().flags(on: id, asOf: options.day, by: options.viewer)
                options.output(.array(rows), text: WorkflowOptions.lines(rows, ["flag", "owner_agency", "set_on", "removed_on", "expires_on", "present"]))
            }
        }

        struct Alerts: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Alerts raised from the graph; --scan looks for new ones first.",
                discussion: "Rules: an adult of concern newly linked to a child; a CAWN subject linked to a new child; "
                    + "a child linked to adults of concern in two or more authorities; a vehicle of concern seen at "
                    + "two or more locations of concern. Each is a review task until reviewed.")
            @OptionGroup var options: WorkflowOptions
            @Flag(help: "Scan the graph for new alerts first.") var scan = false
            @Option(help: "With --scan: links recorded since this day are new (default: the last scan).") var since: CalendarDate?
            @Option(help: "open, reviewed or dismissed (default: open).") var status = "open"
            func run() throws {
                let workflow = try options.workflow()
                if scan {
                    // The alert scan also runs the notification pass (issue 19), in one transaction.
                    let (raised, pass) = try workflow.scanAlertsAndNotify(engine: QueryEngine(store: workflow.store), on: options.day,
                                                                          since: since, by: options.viewer)
                    Printer.error("\(raised.count) new alert\(raised.count == 1 ? "" : "s") raised")
                    Printer.error(pass.summary)
                }
                let rows = try workflow.alerts(status: status == "all" ? nil : status, by: options.viewer)
                options.output(.array(rows), text: WorkflowOptions.lines(rows, ["id", "raised_on", "kind", "status", "detail"]))
            }
        }

        struct AlertReview: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "alert-review", abstract: "Close an alert's review task.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The alert's number.") var id: Int64
            @Option(help: "What the review found.") var note: String
            @Flag(help: "Dismiss rather than mark reviewed.") var dismiss = false
            func run() throws {
                try options.workflow().reviewAlert(id, dismiss: dismiss, note: note, by: options.viewer)
                print("alert \(id) \(dismiss ? "dismissed" : "reviewed")")
            }
        }

        struct Settings: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show or change a partnership's settings (docs/WORKFLOW.md lists them).",
                discussion: """
                    Examples:
                      cegraph case settings --area E08000014
                      cegraph case settings --area E08000014 --set '{"framework": "llr", "agendaDaysBefore": 5}'
                    """)
            @OptionGroup var options: WorkflowOptions
            @Option(help: "A local authority code (default: the partnership default).") var area: String?
            @Option(help: "Settings to change, as a JSON object.") var set: String?
            func run() throws {
                let workflow = try options.workflow()
                let settings: PartnershipSettings
                if let set {
                    guard case .object(let changes)? = try? JSONParser.parse(set) else {
                        throw ValidationError("--set takes a JSON object, e.g. '{\"agendaDaysBefore\": 5}'")
                    }
                    settings = try workflow.updateSettings(changes, for: area, by: options.viewer)
                } else {
                    settings = try workflow.settings(for: area)
                }
                Printer.json(settings.json)
            }
        }
    }
}
