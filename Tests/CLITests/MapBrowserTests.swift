import Foundation
import Testing

/// The map page in a real browser (issue 21, item 1): the key beside the map, the network
/// replayed through time by the slider, and each node's menu offering only what its viewer
/// may do, hiding a node redrawing the map with the page's address and downloads in step.
extension BrowserTests {
    /// Dated links around AD1: a place it frequented in 2025 and an adult it met in 2026.
    func prepareDatedLinks() throws {
        try """
            {"record":"entity","id":"AD5","kind":"adult","name":"Later Adult","area":"E08000012","of_concern":true}
            {"record":"entity","id":"LO7","kind":"location","name":"Synthetic Arcade","area":"E08000012"}
            {"record":"link","from":"AD1","to":"LO7","kind":"frequents","first_seen":"2025-06-01","last_seen":"2025-09-01","intel":["IN1"]}
            {"record":"link","from":"AD1","to":"AD5","kind":"associates_with","first_seen":"2026-03-01","intel":["IN1"]}
            """.write(to: directory.appendingPathComponent("dated.jsonl"), atomically: true, encoding: .utf8)
        try cegraph(["import", "dated.jsonl"])
    }

    /// The ids of the nodes on the map the browser shows (display not none).
    func shownNodes(_ browser: WebDriver) async throws -> Set<String> {
        let ids = try await browser.execute("""
            return Array.from(document.querySelectorAll("#map svg g.node")).filter(function (g) {
              return g.style.display !== "none" && !g.classList.contains("legend");
            }).map(function (g) { return g.querySelector("title").textContent.trim(); });
            """) as? [String] ?? []
        return Set(ids)
    }

    func clickNode(_ id: String, _ browser: WebDriver) async throws {
        let node = try #require(try await browser.element("""
            var titles = document.querySelectorAll("#map svg g.node > title");
            for (var i = 0; i < titles.length; i++) { if (titles[i].textContent.trim() === "\(id)") { return titles[i].parentNode; } }
            return null;
            """), "no node for \(id) on the map")
        try await browser.click(node)
    }

    func menuItems(_ browser: WebDriver) async throws -> [String] {
        _ = try await browser.waitForElement(".node-menu button")
        return try await browser.execute(#"return Array.from(document.querySelectorAll(".node-menu button")).map(function (b) { return b.textContent; });"#)
            as? [String] ?? []
    }

    @Test(.timeLimit(.minutes(4)))
    func anAnalystReplaysTheMapThroughTimeReadsItsKeyAndHidesANode() async throws {
        try preparePicture()
        try prepareDatedLinks()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "analyst")
            try await browser.navigate(to: site + "/maps/CH1?audience=police&hops=2")
            _ = try await waitForMap(browser)
            #expect(try await shownNodes(browser).isSuperset(of: ["CH1", "AD1", "LO7", "AD5"]))

            // The key, beside the map, in words.
            let key = try await browser.text(of: try await browser.waitForElement("#map-legend"))
            let legend = try await browser.execute(##"return document.querySelector("#map-legend svg").textContent;"##) as? String ?? ""
            #expect(legend.contains("Key") && legend.contains("associates with") && legend.contains("frequents"), "\(legend) \(key)")
            #expect(legend.contains("solid line: graded A or B"), "\(legend)")

            // Time: on 2025-07-01 the arcade was frequented and AD5 not yet met; by 2026-06-01
            // AD5 is there and the arcade's link has ended (faded).
            _ = try await browser.waitForElement("#map-time:not([hidden])")
            func asOf(_ day: String) async throws {
                _ = try await browser.execute("""
                    var slider = document.getElementById("map-as-of");
                    slider.value = String(Date.parse(arguments[0] + "T00:00:00Z") / 86400000);
                    slider.dispatchEvent(new Event("input"));
                    """, [day])
            }
            try await asOf("2025-07-01")
            var shown = try await shownNodes(browser)
            #expect(shown.contains("LO7") && !shown.contains("AD5"), "\(shown)")
            #expect((try await browser.text(of: try await browser.findElement("#map-as-of-day"))) == "2025-07-01")
            try keep(try await browser.screenshot(), as: "map-time-2025-07.png")
            try await asOf("2026-06-01")
            shown = try await shownNodes(browser)
            #expect(shown.contains("AD5") && shown.contains("LO7"), "\(shown)")
            let ended = try await browser.execute(##"return document.querySelectorAll("#map svg g.edge.ended").length;"##) as? Int ?? 0
            #expect(ended == 1, "the arcade's link, last seen in 2025, is faded")
            try await keepAtBothSizes(browser, as: "map-key-and-time", height: 900)

            // The menu of an adult the analyst may open offers everything; hiding redraws.
            try await clickNode("AD5", browser)
            let items = try await menuItems(browser)
            #expect(items == ["Open their page", "Centre the map here", "Bring in their links", "Pin (keep in view)", "Hide from the map"], "\(items)")
            try keep(try await browser.screenshot(), as: "map-node-menu.png")
            try await browser.click(try await browser.findElement(#".node-menu button:last-child"#))
            _ = try await browser.wait("the map without AD5") {
                let url = try await browser.currentURL()
                let nodes = try await shownNodes(browser)
                return url.contains("hide=AD5") && !nodes.contains("AD5") && nodes.contains("AD1") ? true : nil
            }
            let downloads = try await browser.execute(
                ##"return Array.from(document.querySelectorAll("#map-downloads a")).map(function (a) { return a.getAttribute("href"); });"##) as? [String] ?? []
            #expect(!downloads.isEmpty && downloads.allSatisfy { $0.contains("hide=AD5") }, "\(downloads)")
            // Bringing in AD1's links keeps the map where it is and records it too.
            try await clickNode("AD1", browser)
            _ = try await menuItems(browser)
            try await browser.click(try #require(try await browser.element(#"""
                return Array.from(document.querySelectorAll(".node-menu button")).filter(function (b) { return b.textContent === "Bring in their links"; })[0] || null;
                """#)))
            _ = try await browser.wait("the page's address with the expansion") {
                try await browser.currentURL().contains("expand=AD1") ? true : nil
            }
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aPanelMembersMapOffersOnlyWhatTheyMayOpen() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "member")
            try await browser.navigate(to: site + "/maps/CH1")
            _ = try await waitForMap(browser)
            try await clickNode("AD1", browser)
            let items = try await menuItems(browser)
            #expect(!items.contains("Open their page") && !items.contains("Centre the map here") && !items.contains("Bring in their links"),
                    "\(items)")
            #expect(items.contains("Hide from the map"))
            try keep(try await browser.screenshot(), as: "map-panel-menu.png")
        }
    }
}
