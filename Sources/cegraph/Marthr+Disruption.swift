import ArgumentParser
import CaseWorkflow
import GraphCore

/// `cegraph marthr draft|approve|serve|breach|renew|end|disrupt|outcome|register|notice`:
/// the disruption register through a notice's life.
extension CEGraph.Marthr {
    /// The options that describe a notice: what it is, against whom, protecting which child.
    struct NoticeOptions: ParsableArguments {
        @Option(help: "The adult, group, location or vehicle it is against.") var subject: String
        @Option(help: "cawn, cce_warning_notice, harbouring_notice, licensing, closure_order, asb_power, abduction_order, other.")
        var tool: String
        @Option(help: "When it expires.") var expires: CalendarDate?
        @Option(help: "The child it protects (required for a CAWN or harbouring notice).") var child: String?
        @Option(help: "The MARTHR meeting that agreed it.") var meeting: String?
        @Option(help: "A note.") var note: String?

        func input(served: CalendarDate?, outcome: String? = nil) throws -> DisruptionInput {
            DisruptionInput(subject: subject, tool: try choice(tool, "--tool"), servedOn: served, expiresOn: expires, child: child,
                            outcome: outcome, meeting: meeting, note: note)
        }
    }

    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Draft a notice, for approval and service.")
        @OptionGroup var options: WorkflowOptions
        @OptionGroup var notice: NoticeOptions
        func run() throws {
            let ref = try options.workflow().draftDisruption(try notice.input(served: nil), on: options.day, by: options.viewer)
            options.output(.object(["disruption": .string(ref)]), text: ["\(ref): \(notice.tool) on \(notice.subject) drafted"])
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a drafted notice (the MARTHR chair): who approved it and their rank or role.")
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The notice.") var disruption: String
        @Option(help: "Who approved it (default: the actor).") var approver: String?
        @Option(help: "Their rank or role, e.g. \"Chief Inspector\".") var role: String
        func run() throws {
            try options.workflow().approveDisruption(disruption, approver: approver ?? options.viewer.name, role: role, on: options.day,
                                                     by: options.viewer)
            print("\(disruption): approved on \(options.day)")
        }
    }

    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an approved notice as served; it is in force from then.")
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The notice.") var disruption: String
        @Option(help: "The day served.") var served: CalendarDate
        @Option(help: "When it expires (default: as drafted).") var expires: CalendarDate?
        func run() throws {
            try options.workflow().serveDisruption(disruption, on: served, expires: expires, by: options.viewer)
            print("\(disruption): served on \(served)")
        }
    }

    struct Breach: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a breach of a served notice: the day, its record (--intel or --record) and what happened.")
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The notice.") var disruption: String
        @Option(name: .customLong("on"), help: "The day of the breach.") var breachedOn: CalendarDate
        @Option(help: "The intelligence report that records it.") var intel: String?
        @Option(help: "Another record's reference (a police occurrence, say).") var record: String?
        @Option(help: "What happened.") var note: String
        func run() throws {
            try options.workflow().recordBreach(disruption, BreachInput(breachedOn: breachedOn, intel: intel, record: record, note: note),
                                                today: options.day, by: options.viewer)
            print("\(disruption): breach on \(breachedOn) recorded")
        }
    }

    struct Renew: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Renew a notice in force: a new expiry, or --new-notice to draft one that replaces it when served.")
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The notice.") var disruption: String
        @Option(help: "The new expiry.") var expires: CalendarDate?
        @Flag(help: "Draft a new notice linked to this one, for approval and service.") var newNotice = false
        func run() throws {
            let ref = try options.workflow().renewDisruption(disruption, expires: expires, asNewNotice: newNotice, on: options.day,
                                                             by: options.viewer)
            options.output(.object(["disruption": .string(ref)]),
                           text: [ref == disruption ? "\(ref): renewed to \(expires?.description ?? "")" : "\(ref) drafted to renew \(disruption)"])
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a notice, with its outcome in words.")
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The notice.") var disruption: String
        @Option(help: "The outcome.") var outcome: String
        func run() throws {
            try options.workflow().endDisruption(disruption, outcome: outcome, on: options.day, by: options.viewer)
            print("\(disruption): ended on \(options.day)")
        }
    }

    struct Disrupt: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a notice already served to the disruption register.")
        @OptionGroup var options: WorkflowOptions
        @OptionGroup var notice: NoticeOptions
        @Option(help: "The day served.") var served: CalendarDate
        @Option(help: "The outcome, if known.") var outcome: String?
        func run() throws {
            let ref = try options.workflow().recordDisruption(try notice.input(served: served, outcome: outcome), by: options.viewer)
            options.output(.object(["disruption": .string(ref)]), text: ["\(ref): \(notice.tool) on \(notice.subject) recorded"])
        }
    }

    struct Outcome: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the outcome of a notice, without ending it.")
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The disruption.") var disruption: String
        @Option(help: "The outcome.") var outcome: String
        func run() throws {
            try options.workflow().recordDisruptionOutcome(disruption, outcome: outcome, on: options.day, by: options.viewer)
            print("\(disruption): outcome recorded")
        }
    }

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The disruption register as it stands on --today, with counts.")
        @OptionGroup var options: WorkflowOptions
        @Option(help: "all, in_force, expiring, breached or pending (awaiting approval or service).") var show = "all"
        @Option(help: "Only notices whose subject or child is in this local authority or force.") var area: String?
        @Option(help: "Only this subject.") var subject: String?
        @Option(help: "Only notices protecting this child.") var child: String?
        @Option(help: "The page (from 1).") var page = 1
        @Option(help: "Notices a page.") var pageSize = 50
        func run() throws {
            let filter = DisruptionFilter(show: try choice(show, "--show"), area: area, subject: subject, child: child, page: page,
                                          pageSize: pageSize)
            let register = try options.workflow().disruptionRegister(filter, asOf: options.day, by: options.viewer)
            let counts = DisruptionFilter.Show.allCases.map { "\($0.rawValue) \(register.counts[$0.rawValue] ?? 0)" }
            options.output(try JSONValue(encoding: register), text: register.disruptions.map(Self.line)
                + ["page \(register.page) of \(register.pages); " + counts.joined(separator: ", ")])
        }

        static func line(_ notice: Disruption) -> String {
            WorkflowOptions.line([notice.ref, notice.tool, notice.subjectRef, notice.childRef.map { "protects " + $0 },
                                  notice.servedOn.map { "served " + $0 }, notice.expiresOn.map { "expires " + $0 }, notice.state.words,
                                  notice.breached ? "breached \(notice.breachCount)x" : nil, notice.outcome])
        }
    }

    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One notice with its breaches and history, as JSON.")
        @OptionGroup var options: WorkflowOptions
        @Argument(help: "The notice.") var disruption: String
        func run() throws {
            Printer.json(try JSONValue(encoding: try options.workflow().disruption(disruption, asOf: options.day, by: options.viewer)))
        }
    }
}
