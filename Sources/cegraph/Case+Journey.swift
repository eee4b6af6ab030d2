import ArgumentParser
import CaseWorkflow
import GraphCore
import GraphQuery

/// `cegraph case placement | notifications | notify | notified | handover`: the child's
/// journey and the duties to tell others (issue 19).
extension CEGraph.Case {
    struct Placement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a child's placement, or end one (--ref --ended) or screen an incoming one (--ref --ce-risk).",
            discussion: """
                The placing authority defaults to the child's home area; where the child lives, to the location's area. \
                The child's referrals go to the front door where they live. A placement out of area raises the duties \
                to tell: the placing authority's home social worker, and (setting placementNotifiesResidingMash) the \
                residing authority's MASH. --incoming records one the placing authority told us of, screened for CE risk.
                Example: cegraph case placement CH12 --placed-by E08000010 --lives-in E08000014 --type childrens_home \
                --placement "Children's home, Southport" --started 2026-03-02
                """)
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The child.") var child: String
        @Option(help: "The placement to update (PLC-NNNNNN).") var ref: String?
        @Option(help: "The placing authority's code (default: the child's home area).") var placedBy: String?
        @Option(help: "The code of the authority the child lives in (default: the location's).") var livesIn: String?
        @Option(help: "childrens_home, foster, semi_independent, secure or other.") var type = "other"
        @Option(help: "The placement in words.") var placement: String?
        @Option(help: "The placement's location record (its id).") var location: String?
        @Option(help: "The day it started.") var started: CalendarDate?
        @Option(help: "The day it ended.") var ended: CalendarDate?
        @Flag(help: "The placing authority told us of it (screen it for CE risk).") var incoming = false
        @Option(help: "With --ref: the screening's finding, yes or no.") var ceRisk: String?
        @Option(help: "The day of the screening (default: --today).") var screened: CalendarDate?
        @Option(help: "A note.") var note: String?
        func run() throws {
            let risk: Bool? = try ceRisk.map {
                switch $0.lowercased() {
                case "yes": true
                case "no": false
                default: throw ValidationError("--ce-risk \($0) is not allowed; use yes or no")
                }
            }
            let record = try options.workflow().recordPlacement(PlacementInput(
                child: child, ref: ref, placedBy: placedBy, livesIn: livesIn, kind: try choice(type, "--type"), placement: placement,
                location: location, startedOn: started, endedOn: ended, incoming: incoming, ceRisk: risk, screenedOn: screened,
                note: note), on: options.day, by: options.viewer)
            WorkflowOptions.warn(record.warnings, in: "note")
            var lines = ["placement \(record.ref) " + (record.isNew ? "recorded" : "updated") + " for \(child)"]
            for task in record.notifications { lines.append("  notification \(task) raised") }
            options.output(.object(["placement": .string(record.ref), "new": .bool(record.isNew),
                                    "notifications": .array(record.notifications.map { .string($0) })]), text: lines)
        }
    }

    struct Notifications: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The notification log: every duty to tell another authority or force, open first.",
            discussion: """
                --scan runs the notification pass first: each open case's child's cross-border links (setting \
                notificationHops) not yet told become tasks. Close one with `cegraph case notified`.
                Example: cegraph case notifications --area E08000012 --scan
                """)
        @OptionGroup var options: WorkflowOptions
        @Option(help: "The owning local authority's code.") var area: String?
        @Option(help: "open, done or all (default: open).") var status = "open"
        @Option(help: "One child's.") var child: String?
        @Flag(help: "Run the notification pass first.") var scan = false
        func run() throws {
            let workflow = try options.workflow()
            if scan {
                let pass = try workflow.notificationPass(engine: QueryEngine(store: workflow.store), on: options.day, child: child,
                                                         by: options.viewer)
                Printer.error(pass.summary)
            }
            let tasks = try workflow.notifications(area: area, status: status, child: child, by: options.viewer)
            options.output(try JSONValue(encoding: tasks), text: tasks.map { task in
                WorkflowOptions.line([task.ref, task.isOpen ? "due " + task.dueOn : "done " + (task.doneOn ?? ""),
                                      "tell \(task.toAreaName) \(task.contact.words)", task.childRef,
                                      task.reason.replacingOccurrences(of: "\n", with: "; ")])
            })
        }
    }

    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Raise a duty to tell by hand: a child arrested or found in another force area, or anything else.",
            discussion: "Example: cegraph case notify CH12 --to cheshire --contact ce_police_lead --event arrest "
                + "--because \"arrested with drugs in Chester on 2026-03-04\"")
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The child.") var child: String
        @Option(help: "The code of the authority or force to tell.") var to: String
        @Option(help: "mash, ce_police_lead or home_social_worker.") var contact: String
        @Option(help: "arrest, missing, placement, cross_border or other (default: other).") var event = "other"
        @Option(help: "Why, in words.") var because: String
        func run() throws {
            let ref = try options.workflow().raiseNotification(
                child: child, to: to, contact: try choice(contact, "--contact"), source: try choice(event, "--event"),
                because: because, on: options.day, by: options.viewer)
            options.output(.object(["notification": .string(ref)]), text: ["notification \(ref) raised"])
        }
    }

    struct Notified: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a duty to tell was done: when, how and what was disclosed (kept as a disclosure in the audit log).",
            discussion: "Example: cegraph case notified NOT-000001 --how phone --disclosed \"the child's placement and the concern\"")
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The notification (NOT-NNNNNN).") var ref: String
        @Option(help: "phone, email, secure_email, meeting, letter or other.") var how: String
        @Option(help: "What was shared with them.") var disclosed: String
        @Option(help: "The day it was done (default: --today).") var on: CalendarDate?
        @Option(help: "A note.") var note: String?
        func run() throws {
            let warnings = try options.workflow().completeNotification(ref, on: on ?? options.day, how: try choice(how, "--how"),
                                                                     disclosed: disclosed, note: note, by: options.viewer)
            WorkflowOptions.warn(warnings, in: "disclosed")
            options.output(.object(["notification": .string(ref), "done": .bool(true)]), text: ["notification \(ref) done"])
        }
    }

    struct Handover: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hand a child who turned 18 over to adult services: the case closes as reached_18 with the agency and day.",
            discussion: "Example: cegraph case handover CASE-000001 --to adult_services --on 2026-05-01")
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The case.") var ceCase: String
        @Option(help: "The agency taking over (default: adult_services).") var to = "adult_services"
        @Option(help: "The day (default: --today).") var on: CalendarDate?
        func run() throws {
            try options.workflow().handOver(case: ceCase, to: to, on: on ?? options.day, by: options.viewer)
            options.output(.object(["case": .string(ceCase), "handed_over_to": .string(to)]),
                           text: ["\(ceCase) handed over to \(to); the case is closed as reached_18"])
        }
    }
}

extension NotificationPassResult {
    /// `2 notification tasks raised, 1 added to, over 14 open cases`.
    var summary: String {
        "\(raised.count) notification task\(raised.count == 1 ? "" : "s") raised, \(extended.count) added to, "
            + "over \(cases) open case\(cases == 1 ? "" : "s")"
    }
}
