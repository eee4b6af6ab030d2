import ArgumentParser
import CaseWorkflow
import Foundation
import GraphCore
import GraphStore

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Options every workflow command takes: the database and actor, the reason for the
/// audit log, the day the command acts on, and JSON output.
struct WorkflowOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(help: "Why you are doing this, for the audit log.")
    var reason = "MACCSE case work"

    @Option(name: .customLong("today"), help: ArgumentHelp("The day to act as (YYYY-MM-DD).", discussion: "Default: today."))
    var today: CalendarDate?

    @Flag(help: "Print JSON.")
    var json = false

    /// The day the command acts on.
    var day: CalendarDate { today ?? CalendarDate.today }

    var viewer: Viewer { global.viewer(purpose: reason) }

    func workflow() throws -> Workflow {
        try Workflow(store: try global.openStore())
    }

    /// Prints a JSON value, or the text lines.
    func output(_ value: JSONValue, text: @autoclosure () -> [String]) {
        if json { Printer.json(value) } else { print(text().joined(separator: "\n")) }
    }

    /// Prints child-first language warnings to standard error; the text is stored as written.
    static func warn(_ warnings: [LanguageWarning], in what: String) {
        for warning in warnings {
            Printer.error("warning: \(what) \(warning.line):\(warning.column): \"\(warning.matched)\": \(warning.reason)"
                          + (warning.suggestions.isEmpty ? "" : " Suggest: " + warning.suggestions.joined(separator: " / ")))
        }
    }

    /// A typed record's fields as a text line, leaving out those not recorded.
    static func line(_ fields: [String?]) -> String {
        fields.compactMap { $0 }.joined(separator: "  ")
    }

    /// JSON rows as indented text lines, one per row.
    static func lines(_ rows: [JSONValue], _ columns: [String]) -> [String] {
        rows.map { row in
            columns.compactMap { column in
                guard let value = row.objectValue?[column], value != .null else { return nil }
                return value.stringValue ?? value.jsonText
            }.joined(separator: "  ")
        }
    }
}

/// Reads a JSON object from a file (or `-` for standard input), naming the file on error.
enum JSONFile {
    static func object(_ path: String) throws -> [String: JSONValue] {
        let data: Data?
        if path == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: path) }
        guard let data else { throw CommandError(message: "cannot read \(path): check the file name and its permissions") }
        do {
            guard case .object(let object) = try JSONParser.parse(String(decoding: data, as: UTF8.self)) else {
                throw CommandError(message: "\(path): expected a JSON object")
            }
            return object
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError(message: "\(path): not valid JSON: \(error)")
        }
    }
}

/// Parses an option's value into one of a set of named values, or a usage error naming
/// the option and the values allowed.
func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ option: String) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: text.lowercased()) else {
        throw ValidationError("\(option) \(text) is not allowed; use one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return value
}
