import Foundation
import Testing

/// `cegraph demo` through the binary: the synthetic picture and the case workflow the demo
/// records on it, as a newcomer would look at them.
extension CLITests {
    @Test func demoRecordsASyntheticCaseWorkflowThatTheTimescalesSee() throws {
        let demo = try run("demo", "--db", "d.sqlite", "--today", "2026-11-23")
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

    /// Built on any day (today, and a Thursday before a bank holiday weekend), the demo's
    /// case work ends that day: its next panel is still to come with its agenda already
    /// late, an action is past its due day, and everything else happened by then.
    @Test(arguments: [nil, "2027-04-01"])
    func theDemoLivesInThePresent(builtOn day: String?) throws {
        let today = day ?? ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!,
                                                       formatOptions: [.withFullDate])
        let demo = try run(["demo", "--db", "p.sqlite"] + (day.map { ["--today", $0] } ?? []))
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("up to \(today):"), "\(demo.stdout)")

        let panels = try JSONSerialization.jsonObject(with: Data(try run("--db", "p.sqlite", "panel", "list", "--json").stdout.utf8))
            as? [[String: Any]] ?? []
        let ahead = panels.filter { ($0["held_on"] as? String ?? "") > today }
        #expect(ahead.count == 1 && ahead.first?["status"] as? String == "scheduled", "\(panels)")
        #expect(panels.filter { $0["status"] as? String == "held" }.allSatisfy { ($0["held_on"] as? String ?? "~") < today }, "\(panels)")
        let upcoming = try #require(ahead.first?["held_on"] as? String)
        #expect(demo.stdout.contains("to come on \(upcoming)"), "\(demo.stdout)")

        let overdue = try run(["--db", "p.sqlite", "case", "overdue", "--json"] + (day.map { ["--today", $0] } ?? []))
        let items = try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(items.contains { $0["kind"] as? String == "agenda" && ($0["rule"] as? String)?.contains(upcoming) == true }, "\(overdue.stdout)")
        #expect(items.contains { $0["kind"] as? String == "action" && ($0["working_days_late"] as? Int ?? 0) > 0 }, "\(overdue.stdout)")

        // Every referral falls in the default window (the year up to the day), none after it.
        let listed = try run(["--db", "p.sqlite", "case", "referrals", "--json"] + (day.map { ["--today", $0] } ?? []))
        let referrals = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        let recorded = try #require(demo.stdout.firstMatch(of: /(\d+) referrals/).flatMap { Int($0.1) })
        #expect(referrals.count == recorded && referrals.allSatisfy { ($0["received_on"] as? String ?? "~") <= today }, "\(referrals)")
    }
}
