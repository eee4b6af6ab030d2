import ArgumentParser
import CaseWorkflow
import Foundation
import GraphCore

extension CEGraph {
    struct LintText: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint-text",
            abstract: "Warn about wording that blames a child, with the wording the protocol prescribes.",
            discussion: """
                The phrases come from the child exploitation protocol's guidance on language \
                (seed 003, Appendix B), kept in CaseWorkflow's language.json. The file is only \
                read: nothing is rewritten. Exit status 0 when there is nothing to warn about, \
                1 when there are warnings or the file cannot be read, 2 on a usage error.

                Examples:
                  cegraph lint-text minutes.txt
                  cegraph lint-text --json intel-note.txt
                  cat minutes.txt | cegraph lint-text -
                """)

        @Argument(help: ArgumentHelp("The text file to check, or - for standard input.", valueName: "file"))
        var file: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            let name = file == "-" ? "<stdin>" : file
            let warnings = try LanguageChecker.standard().check(try readText(name: name))
            if json {
                Printer.json(.object(["file": .string(name), "warnings": .array(warnings.map(\.json))]))
            } else {
                for warning in warnings {
                    print("\(name):\(warning.line):\(warning.column): \(warning.sentence)")
                }
            }
            // A linter's convention: warnings fail the run, so a script or hook can stop on them.
            if !warnings.isEmpty { throw ExitCode(1) }
        }

        private func readText(name: String) throws -> String {
            let data: Data
            do {
                data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                                   : try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandError(message: "cannot read \(name): \(error.localizedDescription)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandError(message: "cannot read \(name): it is not UTF-8 text")
            }
            return text
        }
    }
}

extension LanguageWarning {
    /// `"matched" — reason. Suggest: first; or second.`, on one line even when the words
    /// run across a line break, so that each warning stays one line for grep and editors.
    fileprivate var sentence: String {
        let words = matched.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let because = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
        let instead = suggestions.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: "; or ")
        return "\"\(words)\" — \(because). Suggest: \(instead)."
    }

    fileprivate var json: JSONValue {
        .object(["line": .number(String(line)), "column": .number(String(column)), "matched": .string(matched),
                 "phrase": .string(phrase), "reason": .string(reason), "suggestions": .array(suggestions.map { .string($0) })])
    }
}
