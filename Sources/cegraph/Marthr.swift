import ArgumentParser
import CaseWorkflow
import GraphCore
import GraphQuery

extension CEGraph {
    /// `cegraph marthr ...`: MARTHR meetings, nominations, actions, the disruption register.
    struct Marthr: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "MARTHR: meetings, nominations (from `query marthr` or a panel), the chair's decisions, actions, "
                + "the disruption register and feedback to MACCSE.",
            discussion: """
                Examples:
                  cegraph marthr schedule --on 2026-04-20 --chair "DCI (chair)" --force merseyside
                  cegraph marthr nominate MARTHR-000001 --from-query --top 5
                  cegraph marthr nominate MARTHR-000001 --subject LO4 --claims 4 --because "children found there after missing"
                  cegraph marthr decide MARTHR-000001 AD12 --accept --decision-reason "threshold 2: linked to two children on MACCSE"
                  cegraph marthr disrupt --subject AD12 --tool cawn --child CH3 --served 2026-04-22 --expires 2028-04-21
                """,
            subcommands: [Schedule.self, Nominate.self, Decide.self, Action.self, Disrupt.self, Outcome.self, Register.self,
                          Feedback.self, Show.self, List.self]
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

        struct Disrupt: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add to the disruption register.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "The subject.") var subject: String
            @Option(help: "cawn, cce_warning_notice, harbouring_notice, licensing, closure_order, asb_power, abduction_order, other.")
            var tool: String
            @Option(help: "The day served.") var served: CalendarDate
            @Option(help: "When it expires.") var expires: CalendarDate?
            @Option(help: "The child it protects (required for a CAWN or harbouring notice).") var child: String?
            @Option(help: "The MARTHR meeting that agreed it.") var meeting: String?
            @Option(help: "The outcome, if known.") var outcome: String?
            @Option(help: "A note.") var note: String?
            func run() throws {
                let tool: DisruptionTool = try choice(tool, "--tool")
                let ref = try options.workflow().recordDisruption(DisruptionInput(
                    subject: subject, tool: tool, servedOn: served, expiresOn: expires, child: child, outcome: outcome,
                    meeting: meeting, note: note), by: options.viewer)
                options.output(.object(["disruption": .string(ref)]), text: ["\(ref): \(tool.rawValue) on \(subject) recorded"])
            }
        }

        struct Outcome: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record the outcome of a disruption.")
            @OptionGroup var options: WorkflowOptions
            @Argument(help: "The disruption.") var disruption: String
            @Option(help: "The outcome.") var outcome: String
            func run() throws {
                try options.workflow().recordDisruptionOutcome(disruption, outcome: outcome, by: options.viewer)
                print("\(disruption): outcome recorded")
            }
        }

        struct Register: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The disruption register, with what is in force on --today.")
            @OptionGroup var options: WorkflowOptions
            @Option(help: "Only this subject.") var subject: String?
            func run() throws {
                let rows = try options.workflow().disruptionRegister(subject: subject, asOf: options.day, by: options.viewer)
                options.output(.array(rows), text: WorkflowOptions.lines(rows, ["ref", "tool", "subject_ref", "child_ref", "served_on", "expires_on", "in_force", "outcome"]))
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
