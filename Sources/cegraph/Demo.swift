import ArgumentParser
import DemoData
import Foundation
import GraphCore
import GraphStore
import SyntheticData

extension CEGraph {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a demo database of synthetic data (./demo.sqlite) and say what to try next.",
            discussion: "The case work is dated relative to the day it is built (--today).\nExample:\n  cegraph demo && cegraph --db demo.sqlite stats")

        @Option(name: .long, help: "The demo database file.")
        var db = "demo.sqlite"

        @Option(help: "The seed.")
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("The day the demo's case work runs up to (YYYY-MM-DD); its dates move with it.",
                                   discussion: "Default: today."))
        var today: CalendarDate?

        /// The audit reason the demo loads under: how a later `demo` knows the file is its own.
        static let purpose = DemoPicture.purpose

        func run() throws {
            let day = today ?? CalendarDate.today
            if FileManager.default.fileExists(atPath: db) {
                // Only a database the demo built itself may be replaced; anything else may hold real work.
                // Read without migrating, so a demo built by an older cegraph is still known as one.
                guard Store.firstAuditEntry(path: db)?.justification == Demo.purpose else {
                    throw CommandError(message: "\(db) exists and was not built by `cegraph demo`; it is left untouched "
                                       + "(choose another --db, or remove the file yourself)", kind: .conflict)
                }
            }
            // The audit key and head files go with the demo's database: they seal its log only.
            for suffix in ["", "-wal", "-shm", ".audit-key", ".audit-head"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            let store = try Store.open(path: db)
            let environment = ProcessInfo.processInfo.environment
            let viewer = Viewer.commandLine(name: environment["CEGRAPH_ACTOR"] ?? environment["USER"] ?? "demo",
                                purpose: Demo.purpose)
            let built = try DemoPicture.build(into: store, seed: seed, viewer: viewer, today: day)
            let summary = built.imported, counts = built.generated, workflow = built.workflow
            for warning in workflow.warnings { Printer.error("warning: demo text: \(warning)") }
            let child = Generator.id(.child, community: 0, index: 0)
            print("""
                Built \(db): \(summary.entitiesAdded) entities, \(summary.linksAdded) links, \(summary.intelAdded) \
                intelligence reports (synthetic, seed \(seed); \(counts.links) link records).
                \(workflow.description)

                Try next:
                  cegraph --db \(db) stats
                  cegraph --db \(db) show \(child)
                  cegraph --db \(db) search "amber"
                  cegraph --db \(db) search "zz00 aaa"
                  cegraph --db \(db) search "07700 900001"
                  cegraph --db \(db) export -o demo-export.jsonl
                  cegraph --db \(db) audit verify
                  cegraph --db \(db) case overdue --today \(workflow.today)
                  cegraph --db \(db) panel agenda \(workflow.upcomingPanel)
                  cegraph --db \(db) panel show \(workflow.busiestPanel)
                  cegraph --db \(db) report quarterly --area \(workflow.area) --quarter \(workflow.busiestQuarter)
                """)
        }
    }
}
