import ArgumentParser
import CaseWorkflow
import GraphCore
import GraphQuery

extension CEGraph {
    /// `cegraph marthr ...`: MARTHR meetings, nominations, actions, the disruption register.
    struct Marthr: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "MARTHR: meetings (attendance and the confidentiality agreement, minutes), nominations (from "
                + "`query marthr` or a panel), the chair's decisions, actions, feedback to MACCSE, and the disruption register "
                + "through each notice's life.",
            discussion: """
                Examples:
                  cegraph marthr schedule --on 2026-04-20 --chair "DCI (chair)" --force merseyside
                  cegraph marthr nominate MARTHR-000001 --from-query --top 5
                  cegraph marthr attend MARTHR-000001 --attendee "DCI Chair:police" --attendee "S Worker:childrens_services"
                  cegraph marthr nominate MARTHR-000001 --subject LO4 --claims 4 --because "children found there after missing"
                  cegraph marthr decide MARTHR-000001 AD12 --accept --decision-reason "threshold 2: linked to two children on MACCSE"
                  cegraph marthr minutes MARTHR-000001 minutes.txt
                  cegraph marthr approve-minutes MARTHR-000001
                  cegraph marthr draft --subject AD12 --tool cawn --child CH3 --expires 2028-04-21 --meeting MARTHR-000001
                  cegraph marthr approve DISR-000001 --approver "C Officer" --role "Chief Inspector"
                  cegraph marthr serve DISR-000001 --served 2026-04-22
                  cegraph marthr breach DISR-000001 --on 2026-06-02 --intel IN-77 --note "Seen with the child at the address"
                  cegraph marthr register --show expiring
                  cegraph marthr disrupt --subject AD12 --tool cawn --child CH3 --served 2026-04-22 --expires 2028-04-21
                """,
            subcommands: [Schedule.self, Attend.self, Nominate.self, Decide.self, Action.self, Minutes.self, ApproveMinutes.self,
                          Feedback.self, Show.self, List.self, Draft.self, Approve.self, Serve.self, Breach.self, Renew.self,
                          End.self, Disrupt.self, Outcome.self, Register.self, Notice.self]
        )

        struct Schedule: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Schedule a MARTHR meeting.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "The meeting date.") var on: CalendarDate
            @Option(help: "The chair (police).") var chair: String
            @Option(help: "The force, e.g. merseyside.") var force: String?
            func run() throws {
                let ref = try options.workflow().scheduleMarthr(on: on, chair: chair, force: force, by: options.viewer)
                options.output(.object(["marthr": .string(ref)]), text: ["MARTHR meeting \(ref) scheduled for \(on)"])
            }
        }

        struct Attend: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record attendance; prints who has not signed the confidentiality agreement (business waits for them).")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The meeting.") var meeting: String
            @Option(help: "NAME:AGENCY, or NAME:AGENCY:unsigned for someone who has not signed the confidentiality agreement.")
            var attendee: [String] = []
            func run() throws {
                let attendees = try attendee.map { try CLIText.attendee($0, option: "--attendee") }
                let unsigned = try options.workflow().recordMarthrAttendance(marthr: meeting, attendees, by: options.viewer)
                options.output(.object(["unsigned": .array(unsigned.map { .string($0) })]),
                               text: [unsigned.isEmpty ? "everyone present has signed the confidentiality agreement"
                                      : "not signed: " + unsigned.joined(separator: ", ") + " (business waits)"])
            }
        }

        struct Minutes: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record the minutes (from a file, - for standard input), or with --subject the notes of one subject's "
                    + "discussion; child-first language warnings are printed.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The meeting.") var meeting: String
            @Argument(help: "The minutes, as text.") var file: String
            @Option(help: "The nominated subject whose discussion these notes record.") var subject: String?
            func run() throws {
                let text = try TextInput.read(file)
                let warnings = try options.workflow().recordMarthrMinutes(marthr: meeting, text, subject: subject, on: options.day,
                                                                          by: options.viewer)
                WorkflowOptions.warn(warnings, in: file)
                print((subject.map { "notes of \($0)'s discussion" } ?? "minutes") + " recorded for \(meeting)")
            }
        }

        struct ApproveMinutes: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The chair approves the meeting's minutes as recorded.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The meeting.") var meeting: String
            func run() throws {
                try options.workflow().approveMarthrMinutes(marthr: meeting, on: options.day, by: options.viewer)
                print("minutes of \(meeting) approved on \(options.day)")
            }
        }

        struct Nominate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Nominate subjects: the best --top candidates of `query marthr`, or one --subject from a panel case or a partner.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The meeting.") var meeting: String
            @Flag(help: "Nominate the best candidates of `query marthr`, with their evidence.") var fromQuery = false
            @Option(help: "With --from-query: how many.") var top = 5
            @Option(help: "A person, group or place to nominate.") var subject: String?
            @Option(help: "The MACCSE case the nomination comes from.") var ceCase: String?
            @Option(help: "A threshold the nomination claims, 1-4 (repeat for several).") var claims: [Int] = []
            @Option(help: "Why it meets the threshold (repeat for several).") var because: [String] = []
            func run() throws {
                let workflow = try options.workflow()
                if fromQuery {
                    let nominated = try workflow.nominateFromQuery(marthr: meeting, engine: QueryEngine(store: workflow.store), top: top,
                                                                   by: options.viewer)
                    options.output(.array(nominated.map { .string($0) }),
                                   text: ["\(nominated.count) nominated to \(meeting)"] + nominated.map { "  " + $0 })
                } else {
                    guard let subject else { throw ValidationError("give --from-query or --subject") }
                    let confirmed = try workflow.nominate(marthr: meeting, subject: subject, fromCase: ceCase, claims: claims, reasons: because,
                                                          engine: QueryEngine(store: workflow.store), by: options.viewer)
                    let unconfirmed = Set(claims).subtracting(confirmed).sorted()
                    print("\(subject) nominated to \(meeting)"
                          + (unconfirmed.isEmpty ? "; the evidence confirms the thresholds claimed"
                             : "; the evidence does not confirm threshold " + unconfirmed.map(String.init).joined(separator: ", ")
                               + " (the chair decides)"))
                }
            }
        }

        struct Decide: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The chair accepts or declines a nomination, with a reason.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The meeting.") var meeting: String
            @Argument(help: "The nominated subject.") var subject: String
            @Flag(help: "Accept.") var accept = false
            @Flag(help: "Decline.") var decline = false
            @Option(help: "The chair's reason.") var decisionReason: String
            @Option(help: "Accepting a claim the evidence does not confirm: the chair's reason for overriding.") var override: String?
            func run() throws {
                guard accept != decline else { throw ValidationError("give one of --accept or --decline") }
                try options.workflow().decideNomination(marthr: meeting, subject: subject, accept: accept, reason: decisionReason,
                                                        override: override, by: options.viewer)
                print("\(subject): \(accept ? "accepted" : "declined")")
            }
        }

        struct Action: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record an action: take_action, with_partners or gather_intelligence.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The meeting.") var meeting: String
            @Option(help: "The subject it is about.") var subject: String?
            @Option(help: "take_action, with_partners or gather_intelligence.") var category: String
            @Option(help: "What is to be done.") var text: String
            @Option(help: "The agency that owns it.") var owner: String
            @Option(help: "When it is due.") var due: CalendarDate
            func run() throws {
                let category: MarthrActionCategory = try choice(category, "--category")
                let (ref, warnings) = try options.workflow().addAction(
                    at: .marthr(meeting), ActionInput(text: text, owner: owner, dueOn: due, subject: subject, category: category),
                    by: options.viewer)
                WorkflowOptions.warn(warnings, in: "action")
                options.output(.object(["action": .string(ref)]), text: ["action \(ref) raised"])
            }
        }

        struct Feedback: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Feedback to MACCSE about a case; it joins the case's next panel agenda.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The meeting.") var meeting: String
            @Argument(help: "The case.") var ceCase: String
            @Option(help: "The feedback.") var text: String
            func run() throws {
                let warnings = try options.workflow().feedbackToPanel(marthr: meeting, case: ceCase, text: text, by: options.viewer)
                WorkflowOptions.warn(warnings, in: "feedback")
                print("feedback for \(ceCase) recorded")
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "A meeting's nominations with evidence and decisions, and its actions.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The meeting.") var meeting: String
            func run() throws { Printer.json(try options.workflow().marthrMeeting(meeting, by: options.viewer)) }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List MARTHR meetings.")
            @OptionGroup var options: WorkflowOptions
            func run() throws {
                let rows = try options.workflow().listMarthr()
                options.output(.array(rows), text: WorkflowOptions.lines(rows, ["ref", "held_on", "chair", "force", "status"]))
            }
        }
    }
}
