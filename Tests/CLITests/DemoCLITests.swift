import Foundation
import Testing

/// `cegraph demo` through the binary: the synthetic picture and the case workflow the demo
/// records on it, as a newcomer would look at them.
extension CLITests {
    @Test func demoRecordsASyntheticCaseWorkflowThatTheTimescalesSee() throws {
        let demo = try run("demo", "--db", "d.sqlite")
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stderr.isEmpty, "the demo's own text draws no child-first language warnings: \(demo.stderr)")
        #expect(demo.stdout.contains("Recorded a synthetic case workflow in "), "\(demo.stdout)")
        #expect(demo.stdout.contains("cegraph --db d.sqlite case overdue --today 2026-11-23"), "\(demo.stdout)")
        #expect(demo.stdout.contains("--quarter 2026Q2"), "\(demo.stdout)")

        let list = try run("--db", "d.sqlite", "case", "list", "--json")
        #expect(list.status == 0, "\(list.stderr)")
        let cases = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(!cases.isEmpty, "\(list.stdout)")
        #expect(cases.contains { $0["status"] as? String == "open" } && cases.contains { $0["status"] as? String == "closed" })

        let overdue = try run("--db", "d.sqlite", "case", "overdue", "--today", "2026-11-23", "--json")
        #expect(overdue.status == 0, "\(overdue.stderr)")
        let items = try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]] ?? []
        // The late-November panel's agenda is built but not sent, and one action is past its day.
        #expect(items.contains { $0["kind"] as? String == "agenda" && ($0["ref"] as? String)?.hasPrefix("PANEL-") == true
                    && ($0["rule"] as? String)?.contains("2026-11-26") == true }, "\(overdue.stdout)")
        #expect(items.contains { $0["kind"] as? String == "action" && ($0["working_days_late"] as? Int ?? 0) > 0 }, "\(overdue.stdout)")

        let verify = try run("--db", "d.sqlite", "audit", "verify")
        #expect(verify.status == 0 && verify.stdout.contains("intact"), "\(verify.stdout)\(verify.stderr)")
    }
}
