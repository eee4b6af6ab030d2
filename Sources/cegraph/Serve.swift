import ArgumentParser
import Foundation
import GraphCore
import GraphQuery
import GraphServer
import GraphStore

extension CEGraph {
    /// `cegraph serve`: the web service over the database.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the web service (JSON API; docs/openapi.json) over the database.",
            discussion: """
                Binds 127.0.0.1:8080 unless told otherwise. Create accounts first with `cegraph account add`.
                Behind a reverse proxy, name it with --trusted-proxy so that sign-ins are counted by the
                client's address rather than the proxy's, and HTTPS is known.

                Example:
                  cegraph --db demo.sqlite serve --port 8080
                  cegraph --db live.sqlite serve --trusted-proxy 127.0.0.1
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "The address to bind.") var host = "127.0.0.1"
        @Option(help: "The port to bind.") var port = 8080
        @Option(help: "MiB each for kept maps and kept association answers (0 keeps none).") var cacheMib = 64
        @Option(help: "Threads for request handling (0: Swift's cooperative pool only).") var workerThreads = 16
        @Flag(help: "Leave Secure off the session cookie (plain HTTP beyond localhost; not for real use).")
        var insecureCookies = false
        @Option(name: .customLong("trusted-proxy"),
                help: "The IP address of a reverse proxy whose X-Forwarded-For, -Proto and -Host are believed (repeat); none: ignored.")
        var trustedProxies: [String] = []

        func validate() throws {
            for proxy in trustedProxies where RemoteClient.normalised(proxy) == nil {
                throw ValidationError("--trusted-proxy \(proxy) is not an IP address")
            }
        }

        func run() throws {
            var configuration = ServerConfiguration()
            configuration.host = host
            configuration.trustedProxies = trustedProxies
            configuration.port = port
            configuration.secureCookies = !insecureCookies
            configuration.mapCacheBytes = max(0, cacheMib) << 20
            configuration.workerThreads = max(0, workerThreads)
            configuration.answerCacheBytes = max(0, cacheMib) << 20
            configuration.snapshotReadsInBackground = true
            let services = try Services(store: try global.openStore(), configuration: configuration)
            // The query snapshot is loaded before the port opens, so that no request waits for
            // it (issue 22): the port opens ready.
            let loading = Date()
            let snapshot = try services.engine.snapshot()
            Printer.error("query snapshot loaded: \(snapshot.entityCount) entities, \(snapshot.linkCount) links in "
                          + String(format: "%.1f s", Date().timeIntervalSince(loading)))
            Printer.error("cegraph serving \(global.databasePath) on http://\(host):\(port) (OpenAPI: /openapi.json)")
            let headLogger = AuditHeadLogger(store: services.store)
            try waitFor { try await runServer(services: services) }
            withExtendedLifetime(headLogger) {}
        }
    }

    /// `cegraph account ...`: accounts for the web service.
    struct AccountCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "account",
            abstract: "Accounts for the web service: add, list, issue or revoke API tokens, disable or enable.",
            subcommands: [Add.self, List.self, Token.self, Revoke.self, Disable.self, Enable.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add an account; the password is read from standard input, or generated and printed once.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The username.") var username: String
            @Option(help: "analyst, ccset_coordinator, marthr_chair, maccse_coordinator, panel_member, auditor or admin (docs/ROLES.md).")
            var role: String
            @Option(help: "The name shown.") var name: String?
            @Option(help: "A local authority whose MACCSE panel a panel member sits on (repeat).") var panel: [String] = []
            @Option(help: "A local authority whose MACCSE panel a panel member chairs, approving its minutes (repeat; implies --panel).")
            var chair: [String] = []
            @Option(help: "A local authority or police force the account covers (repeat); none: the whole picture.") var area: [String] = []
            @Option(help: "The agency the account works for (police, childrens_services, health, education, ...).") var agency: String?
            @Flag(help: "Read the password from standard input.") var passwordStdin = false

            func run() throws {
                guard let role = Role(rawValue: role) else {
                    throw ValidationError("--role must be one of " + Role.allCases.map(\.rawValue).joined(separator: ", "))
                }
                var password = ""
                if passwordStdin {
                    password = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                        .trimmingCharacters(in: .newlines)
                } else {
                    password = AccountStore.generatePassword()
                }
                let accounts = try global.accounts()
                let scope = Scope(areas: area.isEmpty ? nil : Set(area), panels: Set(panel), chairs: Set(chair))
                try accounts.create(username: username, displayName: name ?? username, role: role, password: password,
                                    scope: scope, agency: agency, by: global.viewer(purpose: "adding an account"))
                print("account \(username.lowercased()) added (\(role.rawValue))" + (passwordStdin ? "" : "; password: \(password)"))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List accounts.")
            @OptionGroup var global: GlobalOptions
            func run() throws {
                for row in try global.accounts().list() {
                    let scope = row.text("areas").map { "areas " + $0 } ?? row.text("panels").map { "panels " + $0 } ?? "whole picture"
                    print([row.string("username"), row.string("role"), row.string("display_name"), scope, row.string("agency"),
                           row.bool("disabled") == true ? "disabled" : ""].joined(separator: "\t"))
                }
            }
        }

        struct Token: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Issue an API token for a script; it is printed once.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The account.") var username: String
            @Option(help: "What the token is for.") var name: String
            func run() throws {
                let token = try global.accounts()
                    .issueToken(username: username, name: name, by: global.viewer(purpose: "issuing an API token"))
                print(token)
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Revoke an account's API tokens: one by its name, or all. A running service stops taking them within seconds.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The account.") var username: String
            @Option(help: "The name the token was issued with.") var name: String?
            @Flag(help: "Every token of the account.") var all = false
            func run() throws {
                guard (name == nil) != !all else { throw ValidationError("give --name NAME or --all") }
                let count = try global.accounts()
                    .revokeTokens(username: username, name: name, by: global.viewer(purpose: "revoking API tokens"))
                print("\(count) token\(count == 1 ? "" : "s") revoked")
            }
        }

        struct Disable: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Disable an account: it cannot sign in, its sessions end and its API tokens are revoked (enabling it brings none back).")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The account.") var username: String
            func run() throws {
                try global.accounts()
                    .setDisabled(username: username, true, by: global.viewer(purpose: "disabling an account"))
                print("account \(username.lowercased()) disabled")
            }
        }

        struct Enable: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Enable a disabled account again (its revoked API tokens stay revoked).")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The account.") var username: String
            func run() throws {
                try global.accounts()
                    .setDisabled(username: username, false, by: global.viewer(purpose: "enabling an account"))
                print("account \(username.lowercased()) enabled")
            }
        }
    }
}

extension GlobalOptions {
    /// The web service's accounts in the store these options name.
    func accounts() throws -> AccountStore {
        AccountStore(store: try openStore(), configuration: ServerConfiguration())
    }
}
