import ArgumentParser
import GraphCore
import GraphStore

extension CEGraph {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read, verify and anchor the audit log; rotate its key.",
            discussion: """
                Examples:
                  cegraph audit list --limit 20
                  cegraph audit list --refused
                  cegraph audit verify
                  cegraph audit anchor
                  cegraph audit searched "a name"
                  cegraph audit rotate-key
                """,
            subcommands: [List.self, Verify.self, Anchor.self, RotateKey.self, RestoreHead.self, Searched.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The most recent audit rows, newest first.",
                discussion: """
                    With --refused, only the reads refused for need-to-know: a record that exists, answered to \
                    the account as a missing one. Each line is then: row, time, who, what was asked, why.

                    Examples:
                      cegraph audit list --json
                      cegraph audit list --refused --limit 50
                    """)
            @OptionGroup var global: GlobalOptions
            @Option(help: "How many rows.") var limit = 20
            @Flag(help: "Only the reads refused for need-to-know.") var refused = false
            @Flag(help: "Print JSON.") var json = false

            func validate() throws {
                guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
            }

            func run() throws {
                let entries = try global.openStore().auditEntries(limit: limit, refusedOnly: refused)
                if json {
                    Printer.json(.array(entries.map(Audit.json)))
                    return
                }
                for entry in entries {
                    if refused {
                        let asked = entry.asked.map { "\($0.what) \($0.id)" } ?? entry.records
                        print("\(entry.seq)\t\(entry.at)\t\(entry.actor)\t\(asked)\t\(entry.justification)")
                    } else {
                        print("\(entry.seq)\t\(entry.at)\t\(entry.operation)\t\(entry.actor)\t\(entry.justification)")
                    }
                }
            }
        }

        struct Verify: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Check every audit row, its seal and chain, and the head; exit 1 if anything is wrong.",
                discussion: """
                    Reads the database without changing it. Checks each row's columns, its MAC under the key that \
                    sealed it (rows written before the key: the old SHA-256 rule, up to the seal), the chain from each \
                    row to the one before, the order the keys were used in, and that the log reaches the head kept \
                    beside the key. With --anchor, also that it reaches a head you recorded elsewhere (`cegraph audit \
                    anchor`). Names the first row and column at fault.

                    Examples:
                      cegraph audit verify
                      cegraph audit verify --anchor "cegraph audit head seq=... mac=... key=..."
                    """)
            @OptionGroup var global: GlobalOptions
            @Option(help: "A head recorded elsewhere, as `cegraph audit anchor` printed it.") var anchor: String?

            func run() throws {
                let anchor = try Audit.anchor(self.anchor)
                let result = try Store.verifyAuditLog(database: global.databasePath, keyPath: global.auditKeyPath, anchor: anchor)
                // Exit 1, as the help promises: the check's finding, like a linter's.
                guard result.isIntact else { throw CommandError(message: result.summary) }
                print(result.summary)
            }
        }

        struct Anchor: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print the audit log's head, to record outside this machine (after checking the log).",
                discussion: """
                    Record the line in a register this machine cannot change (a ticket, a signed email, another \
                    system's log). `cegraph audit verify --anchor LINE` later shows whether rows up to it were \
                    removed or rewritten. Exit 1, printing nothing on standard output, if the log is not intact.

                    Example:
                      cegraph audit anchor >> ~/register/cegraph-anchors.txt
                    """)
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let result = try Store.verifyAuditLog(database: global.databasePath, keyPath: global.auditKeyPath)
                guard result.isIntact else { throw CommandError(message: result.summary) }
                let head = try global.openStore().auditHead()
                print(head.description)
                Printer.error(result.summary)
            }
        }

        struct RotateKey: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "rotate-key",
                abstract: "Seal audit rows from now on with a new key; the old keys stay in the key file to verify older rows.",
                discussion: """
                    Back the key file up after rotating: without it the log cannot be verified. The change is the \
                    first row sealed with the new key.

                    Example:
                      cegraph audit rotate-key --reason "yearly key rotation"
                    """)
            @OptionGroup var global: GlobalOptions
            @Option(help: "Why the key is rotated, for the audit log.") var reason = "audit key rotation"

            func run() throws {
                let (old, new) = try global.openStore().rotateAuditKey(by: global.viewer(purpose: reason))
                print("audit key rotated: rows are now sealed with key \(new); key \(old) stays in the key file for older rows. "
                      + "Back the key file up now.")
            }
        }

        struct RestoreHead: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "restore-head",
                abstract: "Write the head file again, after the log was checked, for a head file that was lost.",
                discussion: """
                    The store refuses to open while the head is missing, because a new head would hide that the \
                    newest rows were removed. Check the log against the last anchor you recorded first.

                    Example:
                      cegraph audit restore-head --anchor "cegraph audit head seq=... mac=... key=..."
                    """)
            @OptionGroup var global: GlobalOptions
            @Option(help: "The last head recorded elsewhere, as `cegraph audit anchor` printed it.") var anchor: String?

            func run() throws {
                let (result, head) = try Store.restoreAuditHead(database: global.databasePath, keyPath: global.auditKeyPath,
                                                                anchor: try Audit.anchor(anchor))
                guard let head else { throw CommandError(message: result.summary + "; the head was not written") }
                try global.openStore().restoredAuditHead(head, anchored: anchor != nil,
                                                         by: global.viewer(purpose: "restoring the audit head file"))
                print("audit head written at row \(head.seq)" + (anchor == nil ? " (not checked against an anchor)" : ""))
            }
        }

        struct Searched: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The searches made for a text: the log keeps a keyed digest of each search, never its text.",
                discussion: """
                    Example:
                      cegraph audit searched "a name" --reason "investigation 2026/14"
                    """)
            @OptionGroup var global: GlobalOptions
            @Argument(help: "The text searched for (case and surrounding spaces do not matter).") var text: String
            @Option(help: "Why, for the audit log.") var reason: String
            @Option(help: "How many rows.") var limit = 50
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let entries = try global.openStore().auditSearches(for: text, limit: limit, by: global.viewer(purpose: reason))
                if json { return Printer.json(.array(entries.map(Audit.json))) }
                for entry in entries { print("\(entry.seq)\t\(entry.at)\t\(entry.actor)\t\(entry.justification)") }
                if entries.isEmpty { Printer.error("no search for that text is in the audit log") }
            }
        }

        /// A head given on the command line, or nil.
        static func anchor(_ line: String?) throws -> AuditHead? {
            guard let line else { return nil }
            guard let head = AuditHead(line: line) else {
                throw CommandError(message: "--anchor: not a head line; give it as `cegraph audit anchor` printed it "
                                   + "(cegraph audit head seq=... mac=... key=...)")
            }
            return head
        }

        /// A row as JSON.
        static func json(_ entry: AuditLog.Entry) -> JSONValue {
            var row: [String: JSONValue] = [
                "seq": .number(String(entry.seq)), "at": .string(entry.at), "operation": .string(entry.operation),
                "actor": .string(entry.actor), "justification": .string(entry.justification),
                "records": (try? JSONParser.parse(entry.records)) ?? .string(entry.records),
                "recipients": (try? JSONParser.parse(entry.recipients)) ?? .array([]),
                "hash": .string(entry.hash), "key": entry.keyId.map { .string($0) } ?? .null,
            ]
            if let asked = entry.asked { row["asked"] = .object(["what": .string(asked.what), "id": .string(asked.id)]) }
            if let damage = entry.damage { row["damage"] = .string(damage) }
            return .object(row)
        }
    }
}
