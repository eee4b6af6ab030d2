import ArgumentParser
import Foundation
import GraphCore
import GraphStore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", discussion: "Default: $CEGRAPH_DB, else ./cegraph.sqlite."))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Who is acting, for the audit log.",
                                            discussion: "Default: $CEGRAPH_ACTOR, else your login name."))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("The audit key file.",
                                            discussion: "Default: $CEGRAPH_AUDIT_KEY, else the database's path + .audit-key."))
    var auditKey: String?

    /// The audit key file as given (flag, then environment); nil: beside the database.
    var auditKeyPath: String? {
        auditKey ?? ProcessInfo.processInfo.environment["CEGRAPH_AUDIT_KEY"]
    }

    /// The database path: the flag, then the environment, then the default.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["CEGRAPH_DB"] ?? "cegraph.sqlite"
    }

    /// Who is acting and why.
    func viewer(purpose: String) -> Viewer {
        let environment = ProcessInfo.processInfo.environment
        let name = actor ?? environment["CEGRAPH_ACTOR"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "cli"
        return Viewer.commandLine(name: name, purpose: purpose)
    }

    /// The arguments with global options given before the subcommand (`cegraph --db X show
    /// ID`) moved after it, where each subcommand's option group reads them.
    static func relocated(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--db" || argument == "--actor" || argument == "--audit-key", index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if argument.hasPrefix("--db=") || argument.hasPrefix("--actor=") || argument.hasPrefix("--audit-key=") {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var rest = Array(arguments[index...])
        let terminator = rest.firstIndex(of: "--") ?? rest.count
        rest.insert(contentsOf: leading, at: terminator)
        return rest
    }

    /// Opens the store and brings its schema up to date.
    ///
    /// - Parameter create: whether a missing file may be created (`init`, `import`). Commands
    ///   that only read refuse a missing file, so a mistyped `--db` is an error rather than a
    ///   new, empty database.
    func openStore(create: Bool = false) throws -> Store {
        if !create, !FileManager.default.fileExists(atPath: databasePath) {
            throw CommandError(message: "no database at \(databasePath): check --db or $CEGRAPH_DB, "
                               + "or create one with `cegraph init` or `cegraph import`")
        }
        return try Store.open(path: databasePath, configuration: StoreConfiguration(auditKeyPath: auditKeyPath))
    }
}

/// Prints JSON or text to standard output.
enum Printer {
    static func json(_ value: JSONValue, pretty: Bool = true) {
        print(pretty ? value.prettyText() : value.jsonText)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
