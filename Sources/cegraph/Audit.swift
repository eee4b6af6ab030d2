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
                  cegraph audit verify
                """,
            subcommands: [List.self, Verify.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The most recent audit rows, newest first.",
                                                            discussion: "Example:\n  cegraph audit list --json")
            @OptionGroup var global: GlobalOptions
            @Option(help: "How many rows.") var limit = 20
            @Flag(help: "Print JSON.") var json = false

            func run() throws {
                let entries = try global.openStore().auditEntries(limit: limit)
                if json {
                    Printer.json(.array(entries.map { entry in
                        .object(["seq": .number(String(entry.seq)), "at": .string(entry.at), "operation": .string(entry.operation),
                                 "actor": .string(entry.actor), "justification": .string(entry.justification),
                                 "records": (try? JSONParser.parse(entry.records)) ?? .string(entry.records),
                                 "recipients": (try? JSONParser.parse(entry.recipients)) ?? .array([]),
                                 "hash": .string(entry.hash)])
                    }))
                    return
                }
                for entry in entries {
                    print("\(entry.seq)\t\(entry.at)\t\(entry.operation)\t\(entry.actor)\t\(entry.justification)")
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
