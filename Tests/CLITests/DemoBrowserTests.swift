import Foundation
import Testing

/// The demo as a newcomer meets it in a browser, on whatever day the tests run: its next
/// panel still to come and its referrals in the page's default window; and the auditor
/// paging and filtering its audit log, with screenshots in `.build/test-artifacts`.
extension BrowserTests {
    /// The demo's picture in b.sqlite, built today, with Liverpool's MACCSE coordinator
    /// (`maccse`) and an auditor.
    func prepareDemo() throws {
        let demo = try cli.run(["demo", "--db", "b.sqlite"])
        if demo.status != 0 { throw WebDriver.Failure("cegraph demo: \(demo.stderr)") }
        try cegraph(["account", "add", "maccse", "--role", "maccse_coordinator", "--area", "E08000012", "--agency", "childrens_services",
                     "--password-stdin"], input: BrowserTests.password + "\n")
        try cegraph(["account", "add", "auditor", "--role", "auditor", "--password-stdin"], input: BrowserTests.password + "\n")
    }

    @Test(.timeLimit(.minutes(4)))
    func theDemosNextPanelIsAheadOfTodayAndItsReferralsInTheWindow() async throws {
        try prepareDemo()
        let today = BrowserTests.day(0)
        try await withBrowser { browser, site in
            try await browser.setViewportSize(width: BrowserTests.laptop.width, height: BrowserTests.laptop.height)
            try await signIn(browser, site: site, as: "maccse")
            let rows = try await browser.execute("""
                return Array.from(document.querySelectorAll("table.records tbody tr")).map(function (row) {
                  return Array.from(row.cells).map(function (cell) { return cell.innerText.trim(); });
                });
                """) as? [[String]] ?? []
            let scheduled = rows.filter { $0.last == "scheduled" }
            #expect(scheduled.count == 1, "\(rows)")
            let meets = String(scheduled.first?[2].prefix(10) ?? "")
            #expect(meets > today, "the demo's next panel meets on \(meets), after today (\(today))")
            #expect(rows.filter { $0.last == "held" }.allSatisfy { $0[2].prefix(10) < today }, "\(rows)")
            #expect(rows.allSatisfy { $0[1] == "Liverpool (E08000012)" }, "the authority by name, its code second: \(rows)")
            try await keepAtBothSizes(browser, as: "demo-panels")

            try await browser.navigate(to: site + "/referrals")
            let referrals = try await browser.wait("the referrals of the last 90 days") {
                let found = try await browser.findElements("table.records tbody tr")
                return found.isEmpty ? nil : found
            }
            #expect(referrals.count >= 1, "the demo's autumn referral is in the default window")
            try await browser.navigate(to: site + "/main-list")
            let risks = try await browser.text(of: try await browser.waitForElement("table"))
            #expect(risks.contains("Merseyside scaling") && risks.contains(" of 10"), "the levels in words: \(risks.prefix(400))")
            let legend = try await browser.text(of: try await browser.findElement("p.lead"))
            #expect(legend.contains("Merseyside: scaling 1 is the most risk, 10 no longer at risk"), "\(legend)")
            try await keepAtBothSizes(browser, as: "demo-main-list")
        }
    }

    @Test(.timeLimit(.minutes(4)))
    func anAuditorFiltersAndPagesTheDemosAuditLog() async throws {
        try prepareDemo()
        try await withBrowser { browser, site in
            try await browser.setViewportSize(width: BrowserTests.laptop.width, height: BrowserTests.laptop.height)
            try await signIn(browser, site: site, as: "maccse")
            for page in ["/cases", "/main-list", "/referrals", "/cases?status=all", "/referrals?from=2000-01-01"] { try await browser.navigate(to: site + page) }
            try await browser.click(try await browser.findElement("form.sign-out button[type=submit]"))
            _ = try await browser.wait("the sign-in form after signing out") {
                try await browser.currentURL().hasSuffix("/sign-in") ? true : nil
            }
            try await signIn(browser, site: site, as: "auditor")
            let everything = try await browser.text(of: try await browser.findElement("#audit-count"))
            #expect(everything.hasPrefix("Rows 1 to "), "\(everything)")
            // The page wraps: nothing reaches past the window.
            let wide = try await browser.execute("return document.documentElement.scrollWidth;") as? NSNumber
            #expect((wide?.intValue ?? .max) <= BrowserTests.laptop.width, "the audit page is \(wide ?? 0) px wide")

            try await browser.sendKeys("MACCSE", to: try await browser.findElement("#actor"))
            try await browser.click(try await browser.findElement(#"#operation option[value="consultation"]"#))
            try await browser.clear(try await browser.findElement("#limit"))
            try await browser.sendKeys("2", to: try await browser.findElement("#limit"))
            try await browser.click(try await browser.findElement("#audit-filters button[type=submit]"))
            let count = try await browser.wait("the filtered rows") {
                try await browser.currentURL().contains("actor=MACCSE") ? try await browser.text(of: try await browser.findElement("#audit-count")) : nil
            }
            let matching = Int(count.firstMatch(of: /of (\d+) matching/)?.1 ?? "") ?? 0
            #expect(count.hasPrefix("Rows 1 to 2 of ") && matching >= 3, "\(count)")
            func shown() async throws -> [[String]] {
                try await browser.execute("""
                    return Array.from(document.querySelectorAll("table.audit tbody tr")).map(function (row) {
                      return Array.from(row.cells).map(function (cell) { return cell.innerText.trim(); });
                    });
                    """) as? [[String]] ?? []
            }
            let first = try await shown()
            #expect(first.count == 2 && first.allSatisfy { $0[3] == "maccse" && $0[2].hasPrefix("read") }, "\(first)")
            let csv = try await browser.execute("return document.getElementById('audit-csv').getAttribute('href');") as? String ?? ""
            #expect(csv.hasPrefix("/api/audit?") && csv.contains("actor=MACCSE") && csv.contains("operation=consultation")
                    && csv.contains("format=csv"), "\(csv)")
            try await keepAtBothSizes(browser, as: "audit-filtered")

            try await browser.click(try await browser.findElement("#audit-older"))
            let second = try await browser.wait("the older rows") {
                try await browser.currentURL().contains("before=") ? try await shown() : nil
            }
            let seqs = (first + second).compactMap { Int($0[0]) }
            #expect(seqs.count == min(4, matching) && seqs == seqs.sorted(by: >), "each page older than the one before: \(seqs)")
            #expect(try await browser.text(of: try await browser.findElement("#audit-count")).hasPrefix("Rows 3 to \(min(4, matching)) of \(matching)"))
            try keep(try await browser.screenshot(), as: "audit-older.png")
        }
    }
}
