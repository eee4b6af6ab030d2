import ArgumentParser
import CaseWorkflow
import Foundation
import GraphCore
import GraphQuery
import GraphRender

extension CEGraph {
    /// `cegraph panel ...`: MACCSE panel meetings.
    struct Panel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "MACCSE panels: schedule, agenda, attendance and quoracy, decisions, minutes and actions.",
            discussion: """
                Examples:
                  cegraph panel schedule --area E08000012 --on 2026-04-14 --co-chair "DI (police)" --co-chair "Service manager"
                  cegraph panel agenda PANEL-000001
                  cegraph panel attend PANEL-000001 --attendee "A Officer:police" --attendee "B Worker:childrens_services"
                  cegraph panel decide PANEL-000001 CASE-000001 --decision review
                  cegraph panel pack PANEL-000001 -o pack.pdf --recipient "Liverpool MACCSE panel"
                """,
            subcommands: [Schedule.self, Agenda.self, Send.self, Attend.self, Decide.self, Minutes.self, Cancel.self, Action.self,
                          ActionUpdate.self, Show.self, List.self, MainList.self, Add.self, Defer.self, Perpetrator.self, Trends.self,
                          Pack.self]
        )

        struct Schedule: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Schedule a panel; its agenda is due the set number of days before.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "The local authority.") var area: String
            @Option(help: "The meeting date.") var on: CalendarDate
            @Option(help: "The start time, HH:MM (default: the partnership's).") var starts: String?
            @Option(help: "A co-chair (give two: police and children's social care).") var coChair: [String] = []
            func run() throws {
                let workflow = try options.workflow()
                let ref = try workflow.schedulePanel(area: area, on: on, startsAt: starts, coChairs: coChair, by: options.viewer)
                options.output(.object(["panel": .string(ref)]), text: ["panel \(ref) scheduled for \(on)"])
            }
        }

        struct Agenda: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Build the agenda: new assessments, reviews due, NRM oversight, MARTHR feedback and alerts, one slot per case.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            func run() throws {
                let detail = try options.workflow().buildAgenda(panel: panel, by: options.viewer)
                let carried = detail.carriedActions
                options.output(try JSONValue(encoding: detail), text: ["\(panel) on \(detail.heldOn), agenda due \(detail.agendaDueOn)"]
                               + detail.agenda.map { "  " + WorkflowOptions.line([$0.slot, $0.caseRef, $0.childRef, $0.item, $0.reason]) }
                               + (carried.isEmpty ? [] : ["actions carried from earlier panels:"]
                                  + carried.map { "  " + WorkflowOptions.line([$0.ref, $0.ownerAgency, $0.dueOn, $0.text]) }))
            }
        }

        struct Send: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record that the agenda was sent (on --today), and to whom, for the audit log.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            @Option(name: .customLong("to"), help: "A recipient (repeat; default: the co-chairs and the previous panel's attendees).")
            var recipients: [String] = []
            func run() throws {
                let onTime = try options.workflow().sendAgenda(panel: panel, on: options.day, recipients: recipients, by: options.viewer)
                print("agenda for \(panel) sent on \(options.day)" + (onTime ? "" : " — LATE: after the day it was due"))
            }
        }

        struct Attend: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record attendance; prints whether the panel is quorate.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            @Option(help: "NAME:AGENCY, or NAME:AGENCY:unsigned for someone who has not signed the confidentiality statement.")
            var attendee: [String] = []
            func run() throws {
                let attendees = try attendee.map { try CLIText.attendee($0, option: "--attendee") }
                let quoracy = try options.workflow().recordAttendance(panel: panel, attendees, by: options.viewer)
                print(quoracy.isQuorate ? "quorate: " + quoracy.agencies.joined(separator: ", ")
                      : "NOT quorate: " + quoracy.shortfalls.joined(separator: "; "))
            }
        }

        struct Decide: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record the panel's decision on a case on its agenda (the panel must be quorate).",
                discussion: """
                    --decision review (12 weeks by default; later needs --decision-reason, never beyond six months), \
                    remove, remove_keep_police_flag (--police-flag-until), closed_unable_to_engage (--decision-reason), \
                    escalate (--decision-reason), signpost. --set-flag FLAG:OWNER[:ID] sets a flag on the child (or ID). \
                    --reason is the audit log's justification, as on every verb; the decision's own reason is \
                    --decision-reason.
                    """)
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            @Argument(help: "The case.") var ceCase: String
            @Option(help: "The decision.") var decision: String
            @Option(help: "The review date the chair chose.") var review: CalendarDate?
            @Option(help: "Until when the police flag is kept.") var policeFlagUntil: CalendarDate?
            @Option(help: "With remove: risk_reduced (default), reached_18, no_consent or moved_area.") var closure: String?
            @Option(help: "The risk level agreed, framework:level.") var risk: String?
            @Option(help: "A note.") var note: String?
            @Option(help: "FLAG:OWNER[:ID], e.g. cce:police.") var setFlag: [String] = []
            @Option(help: "Why: needed for a review beyond the default interval, an escalation, or a closure because agencies could not engage.")
            var decisionReason: String?
            func run() throws {
                let kind: PanelDecisionKind = try choice(decision, "--decision")
                let closure: Closure? = try closure.map { try choice($0, "--closure") }
                let risk = try risk.map { text in
                    guard let level = RiskLevel(text) else { throw ValidationError("--risk \(text): use \(RiskLevel.expectedForms)") }
                    return level
                }
                let flags = try setFlag.map { try CLIText.flag($0, option: "--set-flag") }
                let effects = try options.workflow().recordDecision(panel: panel, case: ceCase, PanelDecisionInput(
                    decision: kind, reviewOn: review, reason: decisionReason, policeFlagUntil: policeFlagUntil, closure: closure, risk: risk,
                    note: note, setFlags: flags), by: options.viewer)
                print(([ "\(ceCase): \(kind.rawValue)"] + effects.map { "  " + $0 }).joined(separator: "\n"))
            }
        }

        struct Minutes: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record the minutes (from a file, - for standard input); child-first language warnings are printed.",
                discussion: "The panel's general minutes, or with --case the minutes of one child's discussion, kept on their "
                    + "case. An inquorate panel transacts no business: --inquorate-notes keeps what was said as notes marked so.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            @Argument(help: "The minutes, as text.") var file: String
            @Option(name: .customLong("case"), help: "The case whose discussion these minutes record.") var ceCase: String?
            @Flag(help: "Notes of what was said at a panel that was not quorate.") var inquorateNotes = false
            func run() throws {
                let text = try TextInput.read(file)
                let workflow = try options.workflow()
                let warnings = if let ceCase {
                    try workflow.recordCaseMinutes(panel: panel, case: ceCase, text, on: options.day, by: options.viewer)
                } else {
                    try workflow.recordMinutes(panel: panel, text, inquorateNotes: inquorateNotes, by: options.viewer)
                }
                WorkflowOptions.warn(warnings, in: file)
                let what = ceCase.map { "minutes of \($0)'s discussion" } ?? (inquorateNotes ? "notes of an inquorate panel" : "minutes")
                print("\(what) recorded for \(panel)" + (warnings.isEmpty ? "" : "; \(warnings.count) language warning(s) above"))
            }
        }

        struct Cancel: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Cancel a panel that has not been held, saying why.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            @Option(help: "Why it is cancelled (kept with the panel; --reason is the audit log's justification).") var because: String
            func run() throws {
                try options.workflow().cancelPanel(panel, reason: because, on: options.day, by: options.viewer)
                print("panel \(panel) cancelled")
            }
        }

        struct Action: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Raise an action at a panel; it is carried until done.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            @Option(help: "What is to be done.") var text: String
            @Option(help: "The agency that owns it.") var owner: String
            @Option(help: "When it is due.") var due: CalendarDate
            @Option(help: "The case it is about.") var ceCase: String?
            func run() throws {
                let (ref, warnings) = try options.workflow().addAction(
                    at: .panel(panel), ActionInput(text: text, owner: owner, dueOn: due, caseRef: ceCase), by: options.viewer)
                WorkflowOptions.warn(warnings, in: "action")
                options.output(.object(["action": .string(ref)]), text: ["action \(ref) raised"])
            }
        }

        struct ActionUpdate: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "action-update",
                                                            abstract: "Mark an action (panel or MARTHR) done, cancelled or open.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The action.") var action: String
            @Option(help: "done, cancelled or open.") var status: String
            @Option(help: "A note.") var note: String?
            func run() throws {
                try options.workflow().updateAction(action, status: status, on: options.day, note: note, by: options.viewer)
                print("action \(action): \(status)")
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "A panel's record: attendance, quoracy, agenda, decisions, actions and carried actions.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            func run() throws { Printer.json(try JSONValue(encoding: options.workflow().panel(panel, by: options.viewer))) }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List panels.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "A local authority code.") var area: String?
            func run() throws {
                let rows = try options.workflow().listPanels(area: area, by: options.viewer)
                options.output(try JSONValue(encoding: rows), text: rows.map {
                    WorkflowOptions.line([$0.ref, $0.area, $0.heldOn, $0.agendaDueOn, $0.agendaSentOn, $0.status])
                })
            }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a case to its authority's next panel between panels, when significant new information arrives.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The case.") var ceCase: String
            @Option(help: "What brings the case (kept on the agenda; --reason is the audit log's justification).") var because: String
            func run() throws {
                try options.workflow().addToNextAgenda(case: ceCase, reason: because, on: options.day, by: options.viewer)
                print("\(ceCase) will be on its authority's next agenda")
            }
        }

        struct Defer: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Defer a case on a panel's agenda to the authority's next panel, saying why.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            @Argument(help: "The case.") var ceCase: String
            @Option(help: "Why it is deferred (kept on the next agenda).") var because: String
            func run() throws {
                try options.workflow().deferCase(panel: panel, case: ceCase, reason: because, on: options.day, by: options.viewer)
                print("\(ceCase) deferred from \(panel) to the authority's next panel")
            }
        }

        struct Perpetrator: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Refer an adult of concern or a group to a panel (police): discussed after the victims' cases.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            @Argument(help: "The adult or group.") var subject: String
            @Option(help: "What is sought (information to identify potential victims, action planning).") var because: String
            func run() throws {
                try options.workflow().referPerpetrator(panel: panel, subject: subject, reason: because, on: options.day, by: options.viewer)
                print("\(subject) referred to \(panel)")
            }
        }

        struct Trends: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The panel's cross-border and trends section: cross-border links recorded since the authority's last "
                    + "panel, and its busiest places by month.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            func run() throws {
                let workflow = try options.workflow()
                let answer = try workflow.panelTrends(panel: panel, engine: QueryEngine(store: workflow.store), by: options.viewer)
                options.output(answer.json, text: answer.text)
            }
        }

        struct Pack: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "A panel's briefing pack as one PDF: for each child on the agenda, the panel's map with what changed "
                    + "since the last panel, the latest assessment and the actions due. Recorded as a disclosure.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The panel.") var panel: String
            @Option(name: .shortAndLong, help: "The PDF file to write.") var output: String
            @Option(help: "Who will receive the pack, for the audit log (default: you).") var recipient: String?

            func run() throws {
                let workflow = try options.workflow()
                let pack = try workflow.briefingPack(panel: panel, engine: QueryEngine(store: workflow.store), recipient: recipient,
                                                     on: options.day, by: options.viewer)
                let style = try MapStyle.shipped()
                let data = try waitFor { try await pack.pdf(style: style) }
                guard FileManager.default.createFile(atPath: output, contents: data) else {
                    throw CommandError(message: "cannot write \(output): check the directory exists and is writable")
                }
                options.output(.object(["panel": .string(pack.panelRef), "file": .string(output), "children": .number(String(pack.children.count)),
                                        "bytes": .number(String(data.count))]),
                               text: ["wrote \(output): the briefing pack of \(pack.panelRef) (\(pack.children.count) "
                                      + (pack.children.count == 1 ? "child" : "children") + ", \(data.count) bytes)"])
            }
        }

        struct MainList: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "main-list",
                abstract: "The panel's main list: every open case with the child's risk (red, amber, yellow), review date, "
                    + "last decision, flags and NRM stage.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "A local authority code (default: every authority you cover).") var area: String?
            @Flag(help: "Print CSV, for a spreadsheet.") var csv = false
            func run() throws {
                let entries = try options.workflow().mainList(area: area, by: options.viewer)
                if csv {
                    print(MainListEntry.csv(entries), terminator: "")
                    return
                }
                options.output(try JSONValue(encoding: entries), text: entries.map {
                    // A dash for what is not recorded keeps the columns in line.
                    WorkflowOptions.line([$0.caseRef, $0.childRef, $0.colour?.rawValue ?? "-", $0.risk ?? "-", "review " + ($0.reviewOn ?? "-"),
                                          ($0.lastDecision ?? "no decision") + ($0.lastDecisionOn.map { " " + $0 } ?? ""),
                                          "flags " + ($0.flags.isEmpty ? "-" : $0.flags.joined(separator: "+")), "NRM " + ($0.nrmStage ?? "-")])
                })
            }
        }
    }
}

/// Reads text from a file, or standard input for `-`.
enum TextInput {
    static func read(_ path: String) throws -> String {
        if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(message: "cannot read \(path): check the file name and its permissions")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
