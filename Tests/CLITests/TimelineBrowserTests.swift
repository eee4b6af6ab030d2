import Foundation
import Testing

/// A child's timeline and the downloads in a real browser (issue 21): a CCSET coordinator
/// opens the child's page, follows it to the timeline, narrows it by kind and by days with
/// the plain form, and takes the CSV; on the map page they take the map as PDF and the
/// network for Analyst's Notebook; a panel member's timeline of the same child holds no
/// handling-code-C report. Each download is a disclosure in the audit log, to the account.
extension BrowserTests {
    @Test(.timeLimit(.minutes(5)))
    func aCoordinatorFiltersAChildsTimelineAndDownloadsItAndTheMap() async throws {
        try preparePicture()
        try cegraph(["case", "missing", "CH1", "--reported", BrowserTests.day(-12), "--from", "care"])
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "coordinator")
            try await browser.navigate(to: site + "/entities/CH1")
            try await browser.click(try await browser.waitForElement(#"a[href="/entities/CH1/timeline"]"#))
            _ = try await browser.waitForElement("ol.timeline")
            let all = try await browser.findElements("ol.timeline li").count
            let whole = try await browser.execute("return document.body.innerText;") as? String ?? ""
            #expect(whole.contains("CANARY conditional report"), "the police read the code-C report: the canary is real")
            #expect(whole.contains("Reported missing from care") && whole.contains("Assessment ASMT-000001"), "\(whole)")
            try await keepAtBothSizes(browser, as: "timeline", height: 900)

            // Only the case work, from the month the case opened: untick everything else.
            for kind in ["link", "intelligence", "referral", "panel", "marthr", "missing", "placement", "notice", "flag"] {
                let box = try await browser.findElement(#"input[name="kinds"][value="\#(kind)"]"#)
                if try await browser.execute("return arguments[0].checked;", [["element-6066-11e4-a52e-4f735466cecf": box.id]]) as? Bool == true {
                    try await browser.click(box)
                }
            }
            try await typeDay(BrowserTests.day(-31), into: "#from", browser)
            try await browser.click(try await browser.findElement("form.timeline-filter button[type=submit]"))
            _ = try await browser.wait("the filtered timeline") {
                try await browser.currentURL().contains("kinds=case") ? true : nil
            }
            let kinds = try await browser.execute(
                #"return Array.from(document.querySelectorAll("ol.timeline li")).map(function (li) { return li.className; });"#) as? [String] ?? []
            #expect(!kinds.isEmpty && kinds.count < all, "\(kinds.count) of \(all)")
            #expect(kinds.allSatisfy { $0 == "event kind-case" || $0 == "event kind-assessment" }, "\(kinds)")
            let shown = try await browser.execute("return document.body.innerText;") as? String ?? ""
            #expect(!shown.contains("CANARY conditional report") && !shown.contains("Reported missing"), "\(shown)")
            try await keepAtBothSizes(browser, as: "timeline-filtered")
            // Printed: no navigation, no form; the marking stays.
            let printed = try await browser.execute("""
                return Array.from(document.styleSheets).some(function (sheet) {
                  return Array.from(sheet.cssRules).some(function (rule) {
                    return rule.media && rule.media.mediaText === "print" && rule.cssText.indexOf("header.site nav") >= 0;
                  });
                });
                """) as? Bool
            #expect(printed == true, "a print style that drops the navigation")

            // The CSV of what is shown: a plain link, audited as a disclosure to the coordinator.
            let csv = try await browser.findElement(#"p.downloads a[href^="/api/timeline/CH1?"]"#)
            let href = try await browser.execute("return arguments[0].getAttribute('href');", [["element-6066-11e4-a52e-4f735466cecf": csv.id]])
                as? String ?? ""
            #expect(href.contains("kinds=") && href.contains("from=\(BrowserTests.day(-31))") && href.hasSuffix("format=csv"), "\(href)")
            try await browser.click(csv)
            try await expectDisclosure("\"download\":\"timeline\"", to: "coordinator")

            // The map: as PDF, and the network for Analyst's Notebook.
            try await browser.navigate(to: site + "/maps/CH1?hops=2&audience=police")
            _ = try await waitForMap(browser)
            try keep(try await browser.screenshot(), as: "map-downloads.png")
            try await browser.click(try await browser.findElement(#"p.downloads a[href*="format=pdf"]"#))
            try await expectDisclosure("\"format\":\"pdf\"", to: "coordinator")
            try await browser.click(try await browser.findElement(#"p.downloads a[href*="format=anx"]"#))
            try await expectDisclosure("\"export\":\"anx\"", to: "coordinator")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aPanelMembersTimelineHoldsNoCodeC() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "member")
            try await browser.navigate(to: site + "/entities/CH1/timeline")
            _ = try await browser.waitForElement("ol.timeline")
            let shown = try await browser.execute("return document.body.innerText;") as? String ?? ""
            #expect(shown.contains("Intelligence IN1") && shown.contains("CASE-000001") && !shown.contains("Shareable report"), "\(shown)")
            try await expectNone(of: BrowserTests.canaries, in: browser, on: "a panel member's timeline")
            try await keepAtBothSizes(browser, as: "timeline-panel-member")
            try await browser.navigate(to: site + "/entities/CH2/timeline")
            let hidden = try await browser.text(of: try await browser.waitForElement("main"))
            try await browser.navigate(to: site + "/entities/CH404/timeline")
            let missing = try await browser.text(of: try await browser.waitForElement("main"))
            #expect(hidden == missing && hidden.lowercased().contains("not found"), "\(hidden) vs \(missing)")
        }
    }

    /// Waits for the newest disclosure row naming `what`, written for `account` as recipient
    /// (a download is a separate request the browser makes after the click).
    func expectDisclosure(_ what: String, to account: String) async throws {
        for _ in 0..<40 {
            let result = try cli.run(["--db", "b.sqlite", "audit", "list", "--json", "--limit", "5"])
            if result.status == 0, let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
               rows.contains(where: { row in
                   guard row["operation"] as? String == "disclosure", let records = row["records"],
                         let text = try? JSONSerialization.data(withJSONObject: records) else { return false }
                   return String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/").contains(what)
                       && (row["recipients"] as? [String] ?? []).contains(account)
               }) {
                return
            }
            try await Task.sleep(nanoseconds: 250_000_000)
        }
        Issue.record("no disclosure \(what) to \(account) in the audit log")
    }
}
