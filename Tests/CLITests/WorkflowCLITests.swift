import Foundation
import Testing

/// `cegraph case|panel|marthr|report` through the binary: a child's journey from referral
/// to the quarterly report, and the errors a user meets on the way.
extension CLITests {
    @Test func aChildsJourneyFromReferralToTheQuarterlyReport() throws {
        try """
            {"record":"entity","id":"CH1","kind":"child","name":"Synthetic Child","dob":"2011-05-01","area":"E08000012"}
            {"record":"entity","id":"AD1","kind":"adult","name":"Synthetic Adult","area":"E08000012"}
            """.write(to: directory.appendingPathComponent("picture.jsonl"), atomically: true, encoding: .utf8)
        #expect(try run("--db", "w.sqlite", "import", "picture.jsonl").status == 0)
        func ok(_ arguments: String...) throws -> CLITests.Result {
            let result = try run(["--db", "w.sqlite"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }
        let referral = try ok("case", "referral", "--child", "CH1", "--received", "2026-01-05", "--referrer", "Duty worker",
                              "--agency", "education", "--concern", "cce", "--outcome", "section_47", "--screened", "2026-01-05", "--json")
        #expect(try json(referral.stdout)["referral"] as? String == "REF-000001")
        _ = try ok("case", "open", "REF-000001", "--today", "2026-01-05")
        let late = try ok("case", "overdue", "--area", "E08000012", "--today", "2026-01-13", "--json")
        let items = try JSONSerialization.jsonObject(with: Data(late.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(items.contains { $0["kind"] as? String == "strategy_meeting" && $0["working_days_late"] as? Int == 1 }, "\(late.stdout)")

        try """
            {"assessed_on": "2026-01-12", "concern": "cce", "agencies": ["police", "childrens_services"], "grading": "2B P",
             "summary": "The child is being criminally exploited.",
             "answers": {"professionals_involved": "Social worker; police officer", "referral_reason": "criminal", "scaling": 3,
                         "harm_statement": "may_be_experiencing_harm", "imminent_risk": false},
             "graph": [{"record": "link", "from": "AD1", "to": "CH1", "kind": "associates_with"}]}
            """.write(to: directory.appendingPathComponent("assessment.json"), atomically: true, encoding: .utf8)
        let assessed = try ok("case", "assess", "CASE-000001", "assessment.json")
        #expect(assessed.stdout.hasPrefix("assessment ASMT-000001 recorded: merseyside:3"), "\(assessed.stdout)")

        _ = try ok("panel", "schedule", "--area", "E08000012", "--on", "2026-01-20", "--co-chair", "DI", "--co-chair", "Manager")
        let agenda = try ok("panel", "agenda", "PANEL-000001")
        #expect(agenda.stdout.contains("10:00  CASE-000001  CH1  new_assessment"), "\(agenda.stdout)")
        let refused = try run("--db", "w.sqlite", "panel", "decide", "PANEL-000001", "CASE-000001", "--decision", "review")
        #expect(refused.status == 1 && refused.stderr.contains("not quorate"), "\(refused.stderr)")
        let quorate = try ok("panel", "attend", "PANEL-000001", "--attendee", "P:police", "--attendee", "S:childrens_services",
                             "--attendee", "H:health", "--attendee", "E:education")
        #expect(quorate.stdout.hasPrefix("quorate"))
        let decided = try ok("panel", "decide", "PANEL-000001", "CASE-000001", "--decision", "review", "--set-flag", "cce:police")
        #expect(decided.stdout.contains("review on 2026-04-14"), "\(decided.stdout)")
        // The briefing pack, as one PDF.
        let pack = try ok("panel", "pack", "PANEL-000001", "-o", "pack.pdf", "--recipient", "Liverpool panel", "--reason", "panel briefing")
        #expect(pack.stdout.hasPrefix("wrote pack.pdf: the briefing pack of PANEL-000001 (1 child, "), "\(pack.stdout)")
        #expect(try Data(contentsOf: directory.appendingPathComponent("pack.pdf")).starts(with: Data("%PDF-".utf8)))
        let unknown = try run("--db", "w.sqlite", "panel", "pack", "PANEL-404404", "-o", "missing.pdf")
        #expect(unknown.status != 0 && unknown.stderr.contains("no MACCSE panel PANEL-404404"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing.pdf").path))
        let minutes = try run(["--db", "w.sqlite", "panel", "minutes", "PANEL-000001", "-"], input: "Noted: he is drug running.\n")
        #expect(minutes.status == 0 && minutes.stderr.contains("warning: - 1:"), "\(minutes.stderr)")
        // A held panel cannot be cancelled; the next one can, with a reason.
        let held = try run("--db", "w.sqlite", "panel", "cancel", "PANEL-000001", "--because", "too late")
        #expect(held.status == 1 && held.stderr.contains("already held"), "\(held.stderr)")
        _ = try ok("panel", "schedule", "--area", "E08000012", "--on", "2026-02-17", "--co-chair", "DI", "--co-chair", "Manager")
        #expect(try ok("panel", "cancel", "PANEL-000002", "--because", "Co-chairs unavailable").stdout == "panel PANEL-000002 cancelled\n")

        _ = try ok("report", "quarterly", "--area", "E08000012", "--quarter", "2026Q1", "--format", "md", "-o", "q1.md")
        let markdown = try String(contentsOf: directory.appendingPathComponent("q1.md"), encoding: .utf8)
        #expect(markdown.contains("## 1. CE assessments that proceeded to MACCSE"))
        #expect(markdown.contains("![Referrals by agency](q1-referrals_by_agency.svg)"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("q1-referrals_by_month.svg").path))
        let csv = try ok("report", "quarterly", "--area", "E08000012", "--quarter", "2026Q1", "--format", "csv")
        #expect(csv.stdout.contains("1,\"CE assessments that proceeded to MACCSE (CSE, CCE, both)\",cce,1"), "\(csv.stdout)")

        // Every write and read above left its row; the chain is intact.
        let verify = try ok("audit", "verify")
        #expect(verify.stdout.contains("intact"), "\(verify.stdout)")
    }

    @Test func workflowErrorsAreUsageOrInputErrors() throws {
        try #"{"record":"entity","id":"CH1","kind":"child","name":"Synthetic Child","area":"E08000012"}"#
            .write(to: directory.appendingPathComponent("p.jsonl"), atomically: true, encoding: .utf8)
        #expect(try run("--db", "w.sqlite", "import", "p.jsonl").status == 0)
        let badConcern = try run("--db", "w.sqlite", "case", "referral", "--child", "CH1", "--referrer", "X", "--agency", "police",
                                 "--concern", "drugs")
        #expect(badConcern.status == 2 && badConcern.stderr.contains("--concern drugs"), "\(badConcern.stderr)")
        let unknown = try run("--db", "w.sqlite", "case", "referral", "--child", "CH9", "--referrer", "X", "--agency", "police",
                              "--concern", "cse")
        #expect(unknown.status == 1 && unknown.stderr.contains("no record with id CH9"), "\(unknown.stderr)")
        let noCase = try run("--db", "w.sqlite", "case", "show", "CASE-999999")
        #expect(noCase.status == 1 && noCase.stderr.contains("no MACCSE case CASE-999999"), "\(noCase.stderr)")
        let badDate = try run("--db", "w.sqlite", "panel", "schedule", "--area", "E08000012", "--on", "next tuesday")
        #expect(badDate.status == 2, "\(badDate.stderr)")
    }
}
