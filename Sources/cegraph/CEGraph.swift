import ArgumentParser
import CaseWorkflow
import Foundation
import GraphCore
import GraphServer

/// The `cegraph` command: a thin layer that parses arguments and calls the libraries.
@main
struct CEGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cegraph",
        abstract: "The intelligence picture of child exploitation networks, for multi-agency safeguarding partnerships.",
        discussion: """
            Data is held in one SQLite file: --db PATH, else $CEGRAPH_DB, else ./cegraph.sqlite. \
            Every read and write of personal data is written to the audit log with --actor \
            (else $CEGRAPH_ACTOR, else your login name) and the command's --reason.

            Start with `cegraph demo`, then try the commands it prints.

            Examples:
              cegraph demo
              cegraph --db demo.sqlite search "amber"
              cegraph --db picture.sqlite import referrals.jsonl --reason "MACCSE referral"
            """,
        subcommands: [Init.self, Import.self, Show.self, Search.self, Stats.self, Export.self, Generate.self,
                      Query.self, Render.self, Case.self, Panel.self, Marthr.self, Report.self, LintText.self, Serve.self,
                      AccountCommand.self, Demo.self,
                      Audit.self]
    )

    /// Runs the command with the exit statuses of FORMAT.md §3 (0 on success, 1 on bad
    /// input with the error on stderr, 2 on a usage error) and, for an error that is not the
    /// user's, the status of its kind (``exitStatus(for:)``).
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot(GlobalOptions.relocated(Array(CommandLine.arguments.dropFirst())))
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            var runnable = command
            try runnable.run()
        } catch let error as any ClassifiedError {
            // Each of these describes itself in words a user can act on; a fault adds what
            // the log would hold, since here the user is the operator.
            var text = "error: \(error)\n"
            if error.kind == .internal, error.diagnostic != error.userMessage { text += "detail: \(error.diagnostic)\n" }
            FileHandle.standardError.write(Data(text.utf8))
            Foundation.exit(exitStatus(for: error.kind))
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// The exit status for an error of `kind`, as README and docs/SERVICE.md list them.
    ///
    /// Whatever the user can correct exits 1, as FORMAT.md §3 has always promised for bad
    /// input: a wrong field, an id that names nothing, a change already made. The others
    /// take their numbers from BSD's `sysexits.h`, so a script can tell "try again" (75,
    /// `EX_TEMPFAIL`: the database is busy, the disk full) from a fault in cegraph (70,
    /// `EX_SOFTWARE`). 2 is a usage error, found before any kind applies.
    static func exitStatus(for kind: ErrorKind) -> Int32 {
        switch kind {
        case .input, .notFound, .conflict: return 1
        case .unavailable: return 75
        case .internal: return 70
        }
    }
}

/// A problem found by the command line itself (an unknown id, an unreadable file), with
/// its kind: bad input unless said otherwise.
struct CommandError: ClassifiedError, CustomStringConvertible {
    let message: String
    var kind: ErrorKind = .input

    var userMessage: String { message }

    var description: String { message }
}
