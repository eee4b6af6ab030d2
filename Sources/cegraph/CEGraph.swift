import ArgumentParser
import CaseWorkflow
import Foundation
import CaseWorkflow
import GraphCore
import GraphQuery
import GraphRender
import GraphServer
import GraphStore

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

    /// Runs the command with the exit statuses of FORMAT.md §3: 0 on success, 1 on bad
    /// input (the error on stderr), 2 on a usage error.
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
        } catch let error where error is StoreError || error is InputError || error is QueryError
                                 || error is RenderError || error is CommandError
                                 || error is WorkflowError || error is ServerError {
            // Bad input: each of these describes itself in words a user can act on.
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A bad input found by the command line itself (an unknown id, an unreadable file).
struct CommandError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}
