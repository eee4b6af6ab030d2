import ArgumentParser
import GraphCore
import GraphStore

extension CEGraph {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read and verify the audit log.",
            discussion: """
                Examples:
                  cegraph audit list --limit 20
                  cegraph audit list --refused
                  cegraph audit verify
                """,
            subcommands: [List.self, Verify.self])

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
                    Printer.json(.array(entries.map { entry -> JSONValue in
                        var row: [String: JSONValue] = [
                            "seq": .number(String(entry.seq)), "at": .string(entry.at), "operation": .string(entry.operation),
                            "actor": .string(entry.actor), "justification": .string(entry.justification),
                            "records": (try? JSONParser.parse(entry.records)) ?? .string(entry.records),
                            "recipients": (try? JSONParser.parse(entry.recipients)) ?? .array([]),
                            "hash": .string(entry.hash),
                        ]
                        if let asked = entry.asked { row["asked"] = .object(["what": .string(asked.what), "id": .string(asked.id)]) }
                        return .object(row)
                    }))
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
                abstract: "Recompute the hash chain; exit 1 if any row was altered.",
                discussion: "Example:\n  cegraph audit verify")
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let result = try global.openStore().verifyAuditChain()
                if let broken = result.firstBrokenSeq {
                    // Exit 1, as the help promises: the check's finding, like a linter's.
                    throw CommandError(message: "the audit chain is broken at row \(broken) (\(result.rows) rows checked)")
                }
                print("audit log intact: \(result.rows) rows, hash chain verified")
            }
        }
    }
}
