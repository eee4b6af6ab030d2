import Foundation
import Testing

/// The pages in a real browser: the built `cegraph serve` on a small synthetic picture,
/// driven through headless Chromium by `chromedriver` (W3C WebDriver over HTTP). Skipped,
/// saying so, when Chromium or chromedriver is not installed (`make test` installs Debian's
/// `chromium` and `chromium-driver` when it can; CEGRAPH_CHROMIUM and CEGRAPH_CHROMEDRIVER
/// name other binaries).
@Suite(.enabled(if: Chromium.available, Chromium.missingMessage))
struct BrowserTests {
    static let password = "synthetic password 1"
    /// Strings a panel member must never meet on the map of the agenda child: an adult known
    /// only through a handling-code-C report, its report, and another child's real name and id.
    static let canaries = ["Canary Hiddenadult", "AD2", "INC", "CANARY conditional report", "Canary Otherchild", "CH2"]

    /// `.build/test-artifacts`, where a screenshot is kept after the test's temporary
    /// directory is gone.
    static let artifacts: URL = {
        var url = CLITests.products
        while url.path != "/" && url.lastPathComponent != ".build" { url = url.deletingLastPathComponent() }
        if url.path == "/" {
            url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build")
        }
        return url.appendingPathComponent("test-artifacts")
    }()

    let cli: CLITests
    var directory: URL { cli.directory }

    init() throws { cli = try CLITests() }

    // MARK: - Scenarios

    @Test(.timeLimit(.minutes(3)))
    func anAnalystSignsInSearchesOpensAnEntityAndItsMap() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "analyst")

            try await browser.sendKeys("Visible", to: try await browser.waitForElement("form.search input[name=q]"))
            try await browser.click(try await browser.findElement("form.search button[type=submit]"))
            let hit = try await browser.waitForElement(#"ul.hits a[href="/entities/CH1"]"#)
            #expect(try await browser.text(of: hit) == "Visible Child")
            // The form posts: the name searched for is not in the address.
            #expect(!(try await browser.currentURL()).contains("Visible"))
            try await browser.click(hit)

            let heading = try await browser.wait("the entity page of CH1") {
                try await browser.currentURL().hasSuffix("/entities/CH1") ? try await browser.findElements("h1").first : nil
            }
            #expect(try await browser.text(of: heading).contains("Visible Child"))
            // An analyst is shown the report only police may see: the canaries are real.
            #expect(try await browser.source().contains("CANARY conditional report"))
            try await browser.click(try await browser.findElement(#"a[href^="/maps/CH1"]"#))

            let text = try await waitForMap(browser)
            #expect(text.contains("OFFICIAL-SENSITIVE"), "\(text)")
            #expect(try await browser.currentURL().contains("/maps/CH1"))

            let screenshot = try await browser.screenshot()
            #expect(screenshot.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
            try keep(screenshot, as: "map-page.png")

            // Drawn for the analyst audience, the map shows the adult known only through the
            // code-C report: the panel member's test below looks for something real.
            try await browser.click(try await browser.findElement(#"p.choices a[href*="audience=analyst"]"#))
            _ = try await browser.wait("the analyst-audience map page") {
                try await browser.currentURL().contains("audience=analyst") ? true : nil
            }
            let full = try await waitForMap(browser)
            #expect(full.contains("audience: analyst") && full.contains("Canary Hiddenadult"), "\(full)")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aPanelMemberSeesTheRedactedMapOfAnAgendaChildOnly() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "member")

            try await browser.navigate(to: site + "/maps/CH1")
            let text = try await waitForMap(browser)
            #expect(text.contains("audience: panel"), "the panel audience marking on the map: \(text)")
            #expect(text.contains("OFFICIAL-SENSITIVE"))
            #expect(text.contains("Visible Child") && text.contains("Shared Adult"), "\(text)")
            let source = try await browser.source()
            let shown = try await browser.execute("return document.body.innerText;") as? String ?? ""
            for canary in BrowserTests.canaries {
                #expect(!source.contains(canary) && !shown.contains(canary) && !text.contains(canary),
                        "\(canary) on a panel member's map page")
            }
            try keep(try await browser.screenshot(), as: "map-page-panel.png")

            // A child on none of their agendas: the very page a missing record gives.
            try await browser.navigate(to: site + "/maps/CH2")
            let hidden = try await browser.text(of: try await browser.waitForElement("main"))
            try await browser.navigate(to: site + "/maps/CH404")
            let missing = try await browser.text(of: try await browser.waitForElement("main"))
            #expect(hidden == missing, "the hidden child's map page differs from a missing one's")
            #expect(hidden.lowercased().contains("not found"), "\(hidden)")
            #expect(!(try await browser.source()).contains("Canary Otherchild"))
            #expect(try await browser.findElements("#map").isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func theMapRecentresOnASelectedNodeZoomsWithTheWheelAndPansByDragging() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "analyst")
            try await browser.navigate(to: site + "/maps/CH1?audience=police")
            _ = try await waitForMap(browser)

            // Selecting a node (its SVG title is the entity id) offers its menu, and the menu
            // centres the map on it.
            try await clickNode("AD1", browser)
            #expect(try await menuItems(browser).contains("Centre the map here"))
            try await browser.click(try #require(try await browser.element(#"""
                return Array.from(document.querySelectorAll(".node-menu button")).filter(function (b) { return b.textContent === "Centre the map here"; })[0] || null;
                """#)))
            _ = try await browser.wait("the map of AD1 after selecting its node") {
                let url = try await browser.currentURL()
                return url.contains("/maps/AD1?") && url.contains("audience=police") ? true : nil
            }
            let recentred = try await waitForMap(browser)
            #expect(recentred.contains("Shared Adult"), "\(recentred)")

            let svg = try await browser.findElement("#map svg")
            let start = try await viewBox(browser)
            // Wheel away from you: the view takes in more (a wider viewBox), about the pointer.
            try await browser.scroll(svg, deltaY: 240)
            let zoomed = try await browser.wait("the viewBox to change after the wheel") {
                let box = try await viewBox(browser)
                return box != start ? box : nil
            }
            #expect(zoomed[2] > start[2] && zoomed[3] > start[3], "zoom out: \(start) -> \(zoomed)")
            #expect(abs(zoomed[2] / zoomed[3] - start[2] / start[3]) < 0.001, "the zoom keeps the shape: \(start) -> \(zoomed)")

            // Dragging right and down moves the picture with the pointer: the viewBox's corner
            // goes left and up, and its size stays.
            try await browser.drag(svg, by: 120, 60)
            let panned = try await browser.wait("the viewBox to change after dragging") {
                let box = try await viewBox(browser)
                return box != zoomed ? box : nil
            }
            #expect(panned[0] < zoomed[0] && panned[1] < zoomed[1], "pan: \(zoomed) -> \(panned)")
            // The SVG keeps its viewBox in single precision: equal to a few parts in a million.
            #expect(abs(panned[2] / zoomed[2] - 1) < 1e-5 && abs(panned[3] / zoomed[3] - 1) < 1e-5, "a drag does not zoom: \(zoomed) -> \(panned)")
            #expect(try await browser.currentURL().contains("/maps/AD1?"), "a drag is not a click: it stays on the map")
            try keep(try await browser.screenshot(), as: "map-page-panned.png")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func thePathFinderPicksTwoRecordsBySearchAndShowsThePath() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "analyst")
            try await browser.navigate(to: site + "/paths")
            try await pick("Shared", id: "AD1", into: "from", browser)
            try await pick("Otherchild", id: "CH2", into: "to", browser)
            try await browser.click(try await browser.findElement("form.query button[type=submit]"))

            let path = try await browser.wait("the path from AD1 to CH2") {
                try await browser.currentURL().contains("/paths?from=AD1&to=CH2") ? try await browser.findElements("ol.path").first : nil
            }
            let steps = try await browser.text(of: path)
            let order = ["Shared Adult", "associates with", "Visible Child", "associates with", "Canary Otherchild"]
            var rest = Substring(steps)
            for step in order {
                let found = try #require(rest.range(of: step), "\(step) missing, or out of order, in: \(steps)")
                rest = rest[found.upperBound...]
            }
            #expect(try await browser.findElements(#"ol.path a[href="/entities/CH1"]"#).count == 1)
            #expect(try await browser.text(of: try await browser.findElement("p.summary")).contains("1 shortest path of 2 links"))
            try keep(try await browser.screenshot(), as: "paths-page.png")
        }
    }

    @Test(.timeLimit(.minutes(4)))
    func aCoordinatorEntersIntelligenceWarnedLiveAboutLanguageThenRegradesIt() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "coordinator")
            try await browser.navigate(to: site + "/intel/new")
            let text = try await browser.waitForElement("#intel-text")
            let id = try #require(try await browser.execute("return document.getElementById('intel-id').value;") as? String)
            #expect(id.hasPrefix("INT-"))
            try await browser.click(try await browser.findElement(#"#source-evaluation option[value="2"]"#))
            try await browser.click(try await browser.findElement(#"#intelligence-assessment option[value="B"]"#))
            try await browser.sendKeys("education", to: try await browser.findElement("#agency"))

            // The language check warns while the coordinator is still typing, and leaves the words alone.
            let words = "Seen in the park with an older adult; she is putting herself at risk."
            try await browser.sendKeys(words, to: text)
            let warning = try await browser.wait("the live language warning") {
                let items = try await browser.findElements("#language-warnings li")
                return items.isEmpty ? nil : try await browser.text(of: items[0])
            }
            #expect(warning.contains("putting herself at risk") && warning.contains("Instead"), "\(warning)")
            #expect(try await browser.execute("return document.getElementById('intel-text').value;") as? String == words)

            // An adult already held, found by part of the name; a vehicle added on the spot; a link between them.
            try await browser.sendKeys("Shared", to: try await browser.findElement("#entity-search"))
            try await browser.click(try await browser.waitForElement(#"#entity-hits button.pick[data-id="AD1"]"#))
            _ = try await browser.waitForElement(#"#about li[data-id="AD1"]"#)
            try await browser.click(try await browser.findElement("#new-entity summary"))
            try await browser.click(try await browser.findElement(#"#new-kind option[value="vehicle"]"#))
            try await browser.sendKeys("VE5", to: try await browser.findElement("#new-id"))
            try await browser.sendKeys("zz55 zzz", to: try await browser.findElement("#new-name"))
            try await browser.click(try await browser.findElement("#add-entity"))
            _ = try await browser.waitForElement(#"#about li[data-id="VE5"]"#)
            try await browser.click(try await browser.findElement(#"#link-from option[value="AD1"]"#))
            try await browser.click(try await browser.findElement(#"#link-kind option[value="drives"]"#))
            try await browser.click(try await browser.findElement(#"#link-to option[value="VE5"]"#))
            try await browser.click(try await browser.findElement("#add-link"))
            _ = try await browser.waitForElement("#links li")
            try keep(try await browser.screenshot(), as: "intel-form.png")
            try await browser.click(try await browser.findElement("#save"))

            _ = try await browser.wait("the new report's page") {
                try await browser.currentURL().hasSuffix("/intel/" + id) ? true : nil
            }
            let report = try await browser.text(of: try await browser.waitForElement("main"))
            for part in ["2B P", "Shared Adult", "ZZ55ZZZ", "drives", "Not changed since it was entered"] {
                #expect(report.contains(part), "\(part) missing from \(report)")
            }

            // Regraded with a reason: the earlier version stays in the history.
            try await browser.click(try await browser.findElement(#"a[href$="/edit"]"#))
            let reason = try await browser.waitForElement("#edit-reason")
            try await browser.click(try await browser.findElement(#"#intelligence-assessment option[value="A"]"#))
            try await browser.sendKeys("source seen it first hand", to: reason)
            try await browser.click(try await browser.findElement("#save"))
            _ = try await browser.wait("the report's page after the edit") {
                try await browser.currentURL().hasSuffix("/intel/" + id) ? true : nil
            }
            let history = try await browser.text(of: try await browser.waitForElement("table.history"))
            #expect(history.contains("2B P") && history.contains("source seen it first hand") && history.contains("coordinator"), "\(history)")
            #expect(try await browser.text(of: try await browser.findElement("h2 .grading")) == "2A P")
            try keep(try await browser.screenshot(), as: "intel-report.png")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func theMinutesAreCheckedForChildFirstLanguageAsTheyAreTyped() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "coordinator")
            try await browser.navigate(to: site + "/panels/PANEL-000001")
            let minutes = try await browser.waitForElement("#minutes-text")
            let words = "The panel heard the child is promiscuous and was seen with older males."
            try await browser.sendKeys(words, to: minutes)
            let warning = try await browser.wait("the live warning on the minutes") {
                let items = try await browser.findElements("#minutes-warnings li")
                return items.isEmpty ? nil : try await browser.text(of: items[0])
            }
            #expect(warning.contains("promiscuous") && warning.contains("Instead"), "\(warning)")
            #expect(try await browser.execute("return document.getElementById('minutes-text').value;") as? String == words)
            // Nothing is saved until the coordinator saves.
            #expect(try await browser.findElements("div.minutes").isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aCoordinatorRecordsAnAssessmentOnTheFrameworksForm() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "coordinator")
            try await browser.navigate(to: site + "/cases/CASE-000001")
            try await browser.click(try await browser.waitForElement(#"a[href="/cases/CASE-000001/assessment"]"#))
            let professionals = try await browser.waitForElement("#q-professionals_involved")
            // Free-text answers are checked as they are typed, like every other text.
            try await browser.sendKeys("Youth worker; the child is promiscuous", to: professionals)
            let warning = try await browser.wait("the live warning on an answer") {
                let items = try await browser.findElements("#q-professionals_involved-warnings li")
                return items.isEmpty ? nil : try await browser.text(of: items[0])
            }
            #expect(warning.contains("promiscuous"), "\(warning)")
            for css in ["#agency-police", "#agency-childrens_services", "#q-criminal_contexts-in_borough_drug_dealing",
                        #"#q-referral_reason option[value="criminal"]"#, #"#q-scaling option[value="6"]"#,
                        #"#q-harm_statement option[value="may_be_experiencing_harm"]"#, #"#q-imminent_risk option[value="no"]"#,
                        #"#source-evaluation option[value="2"]"#, #"#intelligence-assessment option[value="B"]"#] {
                try await browser.click(try await browser.findElement(css))
            }
            try keep(try await browser.screenshot(), as: "assessment-form.png")
            try await browser.click(try await browser.findElement(#"form.assessment button[type="submit"]"#))
            let recorded = try await browser.wait("the case page with the new assessment") {
                let url = try await browser.currentURL()
                guard url.hasSuffix("/cases/CASE-000001") else { return nil as String? }
                let text = try await browser.text(of: try await browser.waitForElement("main"))
                return text.contains("merseyside:6") ? text : nil
            }
            #expect(recorded.contains("review assessment"), "\(recorded.prefix(600))")
        }
    }

    @Test(.timeLimit(.minutes(4)))
    func aPanelMemberReadsTheAssessmentThenMarksTheirAgencysActionDone() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "member")
            try await browser.navigate(to: site + "/panels")
            try await browser.click(try await browser.waitForElement(#"a[href="/panels/PANEL-000001"]"#))

            // The agenda item links the assessment the panel is to decide on.
            try await browser.click(try await browser.waitForElement(#"table.agenda a[href="/assessments/ASMT-000001"]"#))
            let harm = try await browser.wait("the assessment page's harm statement") {
                guard try await browser.currentURL().hasSuffix("/assessments/ASMT-000001") else { return nil as String? }
                return try await browser.text(of: try await browser.waitForElement("#answer-harm_statement"))
            }
            #expect(harm.contains("Harm statement") && harm.contains("The child may be experiencing exploitation harm"), "\(harm)")
            let page = try await browser.text(of: try await browser.findElement("main"))
            #expect(page.contains("merseyside:3") && page.contains("Scaling 3") && page.contains("Social worker"), "\(page.prefix(600))")
            try await keepAtBothSizes(browser, as: "assessment-page")

            // Back to the panel: the form is on health's action only.
            try await browser.back()
            _ = try await browser.wait("the panel page again") {
                try await browser.currentURL().hasSuffix("/panels/PANEL-000001") ? try await browser.findElements("#update-ACT-000001").first : nil
            }
            #expect(try await browser.findElements("#update-ACT-000002").isEmpty, "no form on the police's action")
            try await keepAtBothSizes(browser, as: "panel-page")
            try await browser.click(try await browser.findElement(#"#update-ACT-000001 option[value="done"]"#))
            try await browser.sendKeys("Health check booked with the school nurse", to: try await browser.findElement(#"#update-ACT-000001 input[name="note"]"#))
            try await browser.click(try await browser.findElement(#"#update-ACT-000001 button[type="submit"]"#))
            let row = try await browser.wait("the action marked done") {
                let rows = try await browser.findElements("#action-ACT-000001")
                guard let row = rows.first, try await browser.findElements("#update-ACT-000001").isEmpty else { return nil as String? }
                return try await browser.text(of: row)
            }
            #expect(row.contains("done on") && row.contains("Health check booked with the school nurse"), "\(row)")
            #expect(try await browser.currentURL().hasSuffix("/panels/PANEL-000001"))
            #expect(try await browser.findElements("p.message").isEmpty)
            let police = try await browser.text(of: try await browser.findElement("#action-ACT-000002"))
            #expect(police.contains("open"), "\(police)")
            try await keepAtBothSizes(browser, as: "panel-page-done")
        }
    }

    @Test(.timeLimit(.minutes(4)))
    func aMACCSECoordinatorRunsAPanelFromAgendaToMinutes() async throws {
        try preparePicture()
        try prepareMACCSECoordinatorAndASeftonPanel()
        let held = BrowserTests.day(6)
        let review = BrowserTests.day(6 + 12 * 7)
        let due = BrowserTests.day(20)
        let today = BrowserTests.day(0)
        let minutes = "The panel agreed that the child is being criminally exploited and that the safety plan continues. "
            + "Children's social care and the police will visit the child at home together; education will arrange "
            + "a return to school meeting with the child and their carer. Review in 12 weeks."
        let action = "Arrange a return to school meeting with the child and their carer"
        try await withBrowser { browser, site in
            try await browser.setViewportSize(width: BrowserTests.laptop.width, height: BrowserTests.laptop.height)
            // Liverpool's MACCSE coordinator lands on the panels: Liverpool's, not Sefton's.
            try await signIn(browser, site: site, as: "maccse")
            #expect(try await browser.text(of: try await browser.findElement("h1")) == "MACCSE panels")
            #expect(try await browser.findElements(#"a[href="/panels/PANEL-000001"]"#).count == 1)
            try await expectNone(of: BrowserTests.codeC + BrowserTests.sefton, in: browser, on: "/panels")

            // Schedules a Liverpool panel six days ahead, the day picked in the form.
            try await browser.sendKeys("E08000012", to: try await browser.findElement("#s-area"))
            try await typeDay(held, into: "#s-on", browser)
            try await browser.sendKeys("DI Synthetic\nSenior Manager Synthetic", to: try await browser.findElement("#s-chairs"))
            try await browser.click(try await browser.findElement(#"#schedule-panel button[type="submit"]"#))
            let ref = "PANEL-000003"
            _ = try await browser.wait("the new panel's page") {
                try await browser.currentURL().hasSuffix("/panels/" + ref) ? try await browser.findElements("#build-agenda").first : nil
            }
            let scheduled = try await browser.text(of: try await browser.findElement("dl.attributes"))
            #expect(scheduled.contains("E08000012") && scheduled.contains(held) && scheduled.contains("not sent yet"), "\(scheduled)")
            #expect(try await browser.text(of: try await browser.findElement("h1")).contains("scheduled"))

            // Builds the agenda: CH1's open case, for the assessment no panel has decided on.
            try await browser.click(try await browser.findElement(#"#build-agenda button[type="submit"]"#))
            let agenda = try await browser.wait("the agenda") {
                guard let table = try await browser.findElements("#agenda").first else { return nil as String? }
                return try await browser.text(of: table)
            }
            for part in ["CASE-000001", "Visible Child", "assessment ASMT-000001", "Not decided yet."] {
                #expect(agenda.contains(part), "\(part) missing from the agenda: \(agenda)")
            }
            #expect(try await browser.findElements("#agenda tbody tr").count == 1)

            // Sends it, to the co-chairs and the standing members.
            try await browser.sendKeys("DI Synthetic\nSenior Manager Synthetic\nMACCSE members list",
                                       to: try await browser.findElement("#recipients"))
            try await browser.click(try await browser.findElement(#"#send-agenda button[type="submit"]"#))
            _ = try await browser.wait("the agenda recorded as sent") {
                try await browser.text(of: try await browser.findElement("dl.attributes")).contains("sent " + today) ? true : nil
            }

            // Attendance: police, children's social care, health and education have signed the
            // confidentiality statement; youth justice has not, and is not needed.
            try await attend([("DI Synthetic", "police", true), ("Senior Manager Synthetic", "childrens_services", true),
                              ("School Nurse Synthetic", "health", true), ("Head of Year Synthetic", "education", true),
                              ("Youth Worker Synthetic", "youth_justice", false)], browser)
            try await browser.click(try await browser.findElement(#"#record-attendance button[type="submit"]"#))
            let quoracy = try await browser.wait("the panel quorate") {
                let text = try await browser.text(of: try await browser.findElement("p.quoracy"))
                return text == "Quorate." ? text : nil
            }
            #expect(quoracy == "Quorate.")

            // The decision as minuted: review in the standard 12 weeks.
            try await browser.click(try await browser.findElement(#"#decide-CASE-000001 select[name="decision"] option[value="review"]"#))
            try await browser.sendKeys("Safety plan continues", to: try await browser.findElement(#"#decide-CASE-000001 input[name="note"]"#))
            try await browser.click(try await browser.findElement(#"#decide-CASE-000001 button[type="submit"]"#))
            let decision = try await browser.wait("the decision") {
                let text = try await browser.text(of: try await browser.findElement("#decisions"))
                return text.contains("CASE-000001") ? text : nil
            }
            #expect(decision.contains("review, review on " + review) && decision.contains("Safety plan continues"), "\(decision)")

            // An action owned by education, for the case.
            try await browser.sendKeys(action, to: try await browser.findElement("#a-text"))
            try await browser.click(try await browser.findElement(#"#a-owner option[value="education"]"#))
            try await typeDay(due, into: "#a-due", browser)
            try await browser.click(try await browser.findElement(#"#a-case option[value="CASE-000001"]"#))
            try await browser.click(try await browser.findElement(#"#add-action button[type="submit"]"#))
            _ = try await browser.wait("the action in the log") { try await browser.findElements("#action-ACT-000003").first }

            // The minutes are checked as they are typed: a draft that blames the child is
            // warned about; the child-first words that replace it are not.
            let field = try await browser.findElement("#minutes-text")
            try await browser.sendKeys("Draft: the child keeps putting herself at risk.", to: field)
            let warning = try await browser.wait("the live warning on the draft") {
                let items = try await browser.findElements("#minutes-warnings li")
                return items.isEmpty ? nil : try await browser.text(of: items[0])
            }
            #expect(warning.contains("putting herself at risk"), "\(warning)")
            try await browser.clear(field)
            try await browser.sendKeys(minutes, to: field)
            _ = try await browser.wait("no warning on the child-first minutes") {
                let typed = try await browser.execute("return document.getElementById('minutes-text').value;") as? String
                let warnings = try await browser.findElements("#minutes-warnings li")
                return typed == minutes && warnings.isEmpty ? true : nil
            }
            // Long enough for the check of the last words typed to have answered too.
            try await Task.sleep(for: .seconds(1))
            #expect(try await browser.findElements("#minutes-warnings li").isEmpty)
            try await browser.click(try await browser.findElement(#"#record-minutes button[type="submit"]"#))
            _ = try await browser.wait("the minutes saved") { try await browser.findElements("div.minutes").first }
            #expect(try await browser.findElements("p.message").isEmpty)

            // Read again from the start: everything recorded is there.
            try await browser.navigate(to: site + "/panels/" + ref)
            let page = try await browser.wait("the panel page again") {
                try await browser.findElements("div.minutes").isEmpty ? nil : try await browser.text(of: try await browser.findElement("main"))
            }
            #expect(try await browser.text(of: try await browser.findElement("h1")).contains("held"))
            let details = try await browser.text(of: try await browser.findElement("dl.attributes"))
            #expect(details.contains("sent " + today) && details.contains("DI Synthetic") && details.contains("Senior Manager Synthetic"), "\(details)")
            let row = try await browser.text(of: try await browser.findElement("#agenda tbody tr"))
            #expect(row.contains("CASE-000001") && row.contains("Visible Child") && row.contains("Decided (below)."), "\(row)")
            #expect(try await browser.text(of: try await browser.findElement("p.quoracy")) == "Quorate.")
            let attendees = try await browser.text(of: try await browser.findElement("ul.attendees"))
            for name in ["DI Synthetic · Police", "Senior Manager Synthetic · Children's social care", "School Nurse Synthetic · Health",
                         "Head of Year Synthetic · Education", "Youth Worker Synthetic · Youth justice has not signed"] {
                #expect(attendees.contains(name), "\(name) missing from \(attendees)")
            }
            let decided = try await browser.text(of: try await browser.findElement("#decisions"))
            #expect(decided.contains("CASE-000001: keep on MACCSE and review, review on " + review), "\(decided)")
            let logged = try await browser.text(of: try await browser.findElement("#action-ACT-000003"))
            for part in [action, "CASE-000001", "Education", due, "open"] {
                #expect(logged.contains(part), "\(part) missing from the action: \(logged)")
            }
            #expect(try await browser.text(of: try await browser.findElement("div.minutes")) == minutes)
            #expect(try await browser.findElements("div.language-warning").isEmpty, "a language warning on \(page.prefix(2000))")
            #expect(try await browser.findElements("#cancel-panel").isEmpty, "a panel held cannot be cancelled")
            try await expectNone(of: BrowserTests.codeC + BrowserTests.sefton, in: browser, on: "/panels/" + ref)
            try await keepAtBothSizes(browser, as: "maccse-panel-page")

            // The child's page, from the agenda: still nothing that only code C tells of.
            try await browser.click(try await browser.findElement(#"#agenda a[href="/entities/CH1"]"#))
            let child = try await browser.wait("the child's page") {
                try await browser.currentURL().hasSuffix("/entities/CH1") ? try await browser.text(of: try await browser.findElement("main")) : nil
            }
            #expect(child.contains("Visible Child") && child.contains("Shared Adult"), "\(child.prefix(600))")
            try await expectNone(of: BrowserTests.codeC, in: browser, on: "/entities/CH1")

            // The list: Liverpool's two panels; Sefton's is not there, and reads as a missing one.
            try await browser.navigate(to: site + "/panels")
            _ = try await browser.waitForElement(#"a[href="/panels/\#(ref)"]"#)
            #expect(try await browser.findElements(#"a[href="/panels/PANEL-000001"]"#).count == 1)
            try await expectNone(of: BrowserTests.codeC + BrowserTests.sefton, in: browser, on: "/panels")
            try await browser.navigate(to: site + "/panels/PANEL-000002")
            let hidden = try await browser.text(of: try await browser.waitForElement("main"))
            try await browser.navigate(to: site + "/panels/PANEL-999999")
            let missing = try await browser.text(of: try await browser.waitForElement("main"))
            #expect(hidden.lowercased().contains("not found"), "\(hidden)")
            #expect(hidden.replacingOccurrences(of: "PANEL-000002", with: "PANEL-?") == missing.replacingOccurrences(of: "PANEL-999999", with: "PANEL-?"),
                    "Sefton's panel differs from a missing one: \(hidden) / \(missing)")
            try await browser.navigate(to: site + "/panels/PANEL-000002")
            _ = try await browser.waitForElement("main")
            try await expectNone(of: BrowserTests.codeC + BrowserTests.sefton.filter { $0 != "PANEL-000002" }, in: browser, on: "/panels/PANEL-000002")
        }
    }

    @Test(.timeLimit(.minutes(4)))
    func aCoordinatorDefersACaseAddsOneBetweenPanelsAndTheChairApprovesTheMinutes() async throws {
        try preparePicture()
        func ok(_ arguments: [String], input: String? = nil) throws {
            let result = try cli.run(["--db", "b.sqlite"] + arguments, input: input)
            if result.status != 0 { throw WebDriver.Failure("cegraph \(arguments.joined(separator: " ")): \(result.stderr)") }
        }
        let day = BrowserTests.day
        // CH2's case opens after the first agenda; a second panel in five weeks; a chair.
        try ok(["case", "referral", "--child", "CH2", "--received", day(-3), "--referrer", "School nurse", "--agency", "health",
                "--concern", "cse", "--outcome", "section_47", "--screened", day(-3)])
        try ok(["case", "open", "REF-000002", "--today", day(-3)])
        try ok(["panel", "schedule", "--area", "E08000012", "--on", day(35), "--co-chair", "DI", "--co-chair", "Manager"])
        try ok(["account", "add", "chairperson", "--role", "panel_member", "--chair", "E08000012", "--agency", "childrens_services",
                "--password-stdin"], input: BrowserTests.password + "\n")
        try await withBrowser { browser, site in
            try await browser.setViewportSize(width: BrowserTests.laptop.width, height: BrowserTests.laptop.height)
            try await signIn(browser, site: site, as: "coordinator")

            // The panel cannot reach CH1's case: deferred, with the reason.
            try await browser.navigate(to: site + "/panels/PANEL-000001")
            try await browser.click(try await browser.waitForElement(#"#defer-case-ref option[value="CASE-000001"]"#))
            try await browser.sendKeys("The panel ran out of time", to: try await browser.findElement("#defer-reason"))
            try await browser.click(try await browser.findElement(#"#defer-case button[type="submit"]"#))
            _ = try await browser.wait("the panel page after deferring") {
                try await browser.currentURL().hasSuffix("/panels/PANEL-000001") ? try await browser.findElements("#agenda").first : nil
            }
            #expect(try await browser.findElements("p.message").isEmpty)

            // New information about CH2 between panels: added from the case's page.
            try await browser.navigate(to: site + "/cases/CASE-000002")
            try await browser.sendKeys("Seen with an adult of concern at night", to: try await browser.waitForElement("#next-agenda-reason"))
            try await browser.click(try await browser.findElement(#"#next-agenda button[type="submit"]"#))
            _ = try await browser.wait("the case page after adding") {
                try await browser.currentURL().hasSuffix("/cases/CASE-000002") ? try await browser.findElements("#next-agenda").first : nil
            }
            #expect(try await browser.findElements("p.message").isEmpty)

            // The next panel's agenda: the added case, then the deferred one, with their reasons.
            try await browser.navigate(to: site + "/panels/PANEL-000002")
            try await browser.click(try await browser.waitForElement(#"#build-agenda button[type="submit"]"#))
            let agenda = try await browser.wait("the next agenda") {
                guard let table = try await browser.findElements("#agenda").first else { return nil as String? }
                return try await browser.text(of: table)
            }
            #expect(agenda.contains("Seen with an adult of concern at night") && agenda.contains("The panel ran out of time"), "\(agenda)")
            #expect(agenda.contains("deferred from PANEL-000001 (deferred 1 time(s))"), "\(agenda)")
            // CH1's assessment is still undecided, so its case comes first among the victims'
            // cases, its deferral in the same slot; CH2's added case after.
            let rows = try await browser.findElements("#agenda tbody tr")
            #expect(rows.count == 2)
            if rows.count == 2 {
                let first = try await browser.text(of: rows[0]), second = try await browser.text(of: rows[1])
                #expect(first.contains("CASE-000001") && first.contains("The panel ran out of time"), "\(first)")
                #expect(second.contains("CASE-000002") && second.contains("Seen with an adult of concern"), "\(second)")
            }
            try await keepAtBothSizes(browser, as: "agenda-deferred-and-added")

            // The first panel's minutes, recorded (it is quorate), then approved by its chair.
            try await browser.navigate(to: site + "/panels/PANEL-000001")
            try await browser.sendKeys("Reviews agreed; one case deferred for time.", to: try await browser.waitForElement("#minutes-text"))
            try await browser.click(try await browser.findElement(#"#record-minutes button[type="submit"]"#))
            _ = try await browser.wait("the minutes saved") { try await browser.findElements("div.minutes").first }

            // The main list: both open cases, CH1's red (scaling 3).
            try await browser.navigate(to: site + "/main-list")
            let list = try await browser.text(of: try await browser.waitForElement("table.main-list"))
            #expect(list.contains("CASE-000001") && list.contains("CASE-000002") && list.contains("Red"), "\(list)")
            try await keepAtBothSizes(browser, as: "main-list")

            try await browser.deleteAllCookies()
            try await signIn(browser, site: site, as: "chairperson")
            try await browser.navigate(to: site + "/panels/PANEL-000001")
            try await browser.click(try await browser.waitForElement(#"#approve-minutes button[type="submit"]"#))
            let approved = try await browser.wait("the approval") {
                let found = try await browser.findElements("p.approved")
                return found.isEmpty ? nil : try await browser.text(of: found[0])
            }
            #expect(approved.contains("Approved by") && approved.contains(BrowserTests.day(0)), "\(approved)")
            try await expectNone(of: BrowserTests.codeC, in: browser, on: "/panels/PANEL-000001")
        }
    }

    @Test(.timeLimit(.minutes(4)))
    func aCoordinatorRecordsAMissingEpisodeFoundInNorthWalesAndClosesTheDutyToTellThere() async throws {
        try preparePicture()
        try """
            {"record":"entity","id":"LO9","kind":"location","name":"Synthetic Beach","location_type":"park","area":"W06000005"}
            """.write(to: directory.appendingPathComponent("wales.jsonl"), atomically: true, encoding: .utf8)
        let imported = try cli.run(["--db", "b.sqlite", "import", "wales.jsonl"])
        #expect(imported.status == 0, "\(imported.stderr)")
        try await withBrowser { browser, site in
            try await browser.setViewportSize(width: BrowserTests.laptop.width, height: BrowserTests.laptop.height)
            try await signIn(browser, site: site, as: "coordinator")
            // Reported missing today, from care.
            try await browser.navigate(to: site + "/cases/CASE-000001")
            try await browser.click(try await browser.waitForElement(#"#missing-from option[value="care"]"#))
            try await browser.click(try await browser.findElement(#"#missing-form button[type="submit"]"#))
            let missing = try await browser.wait("the episode recorded") {
                guard try await browser.currentURL().hasSuffix("/cases/CASE-000001"),
                      let table = try await browser.findElements("#missing + table").first else { return nil as String? }
                return try await browser.text(of: table)
            }
            #expect(missing.contains("MISS-000001") && missing.contains("from care") && missing.contains("not found yet"), "\(missing)")
            // Found today at a beach in Flintshire; the interview offered.
            try await browser.sendKeys("LO9", to: try await browser.waitForElement("#missing-found-at"))
            try await browser.click(try await browser.findElement(#"#missing-interview option[value="offered"]"#))
            try await browser.click(try await browser.findElement(#"#missing-form button[type="submit"]"#))
            let found = try await browser.wait("the episode found") {
                guard let table = try await browser.findElements("#missing + table").first else { return nil as String? }
                let text = try await browser.text(of: table)
                return text.contains("Synthetic Beach") ? text : nil
            }
            #expect(found.contains("found \(BrowserTests.day(0)) at Synthetic Beach") && found.contains("offered"), "\(found)")
            let duties = try await browser.text(of: try await browser.waitForElement("#notifications"))
            #expect(!duties.isEmpty)
            try await keepAtBothSizes(browser, as: "case-missing-episode")

            // The notification log: Flintshire's MASH and North Wales Police's CE police lead.
            try await browser.navigate(to: site + "/notifications")
            let log = try await browser.text(of: try await browser.waitForElement("table.notifications"))
            #expect(log.contains("Flintshire") && log.contains("North Wales Police") && log.contains("CE police lead"), "\(log)")
            try await browser.sendKeys("That the child was found there, and the concern",
                                       to: try await browser.findElement("#done-NOT-000002-disclosed"))
            try await browser.click(try await browser.findElement(#"#NOT-000002 button[type="submit"]"#))
            let done = try await browser.wait("the duty recorded as done") {
                try await browser.navigate(to: site + "/notifications?status=done")
                guard let table = try await browser.findElements("table.notifications").first else { return nil as String? }
                return try await browser.text(of: table)
            }
            #expect(done.contains("NOT-000002") && done.contains("shared That the child was found there"), "\(done)")
            try await keepAtBothSizes(browser, as: "notifications")
        }
        // Kept in the audit log as a disclosure to those told.
        let audit = try cli.run(["--db", "b.sqlite", "audit", "list", "--limit", "30", "--json"])
        #expect(audit.stdout.contains("disclosure") && audit.stdout.contains("NOT-000002"), "\(audit.stdout.suffix(2000))")
    }

    @Test(.timeLimit(.minutes(4)))
    func liverpoolRecordsAPlacementInSeftonAndSeftonsCoordinatorKnowsTheChild() async throws {
        try preparePicture()
        try prepareMACCSECoordinatorAndASeftonPanel()
        let added = try cli.run(["--db", "b.sqlite", "account", "add", "seftonco", "--role", "maccse_coordinator", "--area", "E08000014",
                                 "--agency", "childrens_services", "--password-stdin"], input: BrowserTests.password + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        try await withBrowser { browser, site in
            try await browser.setViewportSize(width: BrowserTests.laptop.width, height: BrowserTests.laptop.height)
            try await signIn(browser, site: site, as: "maccse")
            // Liverpool's coordinator records that CH1 now lives in a children's home in Sefton.
            try await browser.navigate(to: site + "/cases/CASE-000001")
            try await browser.click(try await browser.waitForElement("#placements + details summary, details.record-form summary"))
            try await browser.click(try await browser.findElement(#"#placement-type option[value="childrens_home"]"#))
            try await browser.sendKeys("A children's home (synthetic)", to: try await browser.findElement("#placement-words"))
            try await browser.sendKeys("E08000014", to: try await browser.findElement("#placement-lives-in"))
            try await browser.click(try await browser.findElement(#"#placement-form button[type="submit"]"#))
            let placements = try await browser.wait("the placement recorded") {
                guard let table = try await browser.findElements("#placements + table").first else { return nil as String? }
                return try await browser.text(of: table)
            }
            #expect(placements.contains("lives in Sefton, placed by Liverpool") && placements.contains("out of area"), "\(placements)")
            let log = try await browser.text(of: try await browser.waitForElement("#notifications ~ p"))
            #expect(!log.isEmpty)
            try await browser.navigate(to: site + "/notifications")
            let liverpool = try await browser.text(of: try await browser.waitForElement("table.notifications"))
            #expect(liverpool.contains("Sefton") && liverpool.contains("MASH / front door") && !liverpool.contains("home social worker"),
                    "\(liverpool)")

            // Sefton's coordinator: the child placed there is in their need-to-know, named in their task.
            try await browser.deleteAllCookies()
            try await signIn(browser, site: site, as: "seftonco")
            try await browser.navigate(to: site + "/notifications")
            let sefton = try await browser.text(of: try await browser.waitForElement("table.notifications"))
            #expect(sefton.contains("Liverpool") && sefton.contains("home social worker") && sefton.contains("Visible Child"), "\(sefton)")
            try await browser.navigate(to: site + "/entities/CH1")
            let page = try await browser.wait("the child's page") { try await browser.findElements("h1").first }
            #expect(try await browser.text(of: page).contains("Visible Child"))
            try await keepAtBothSizes(browser, as: "notifications-placed-child")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func theMARTHRChairDeclinesANominationWithAReasonThroughTheForm() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "chair")

            try await browser.navigate(to: site + "/marthr")
            try await browser.click(try await browser.waitForElement(#"a[href="/marthr/MARTHR-000001"]"#))
            let nomination = try await browser.waitForElement("#nomination-AD1")
            #expect(try await browser.text(of: nomination).contains("Awaiting the chair's decision"))

            // Declining without a reason is refused: the page again, saying what is missing.
            try await browser.click(try await browser.findElement(#"#nomination-AD1 button[name="accept"][value="false"]"#))
            let message = try await browser.waitForElement("p.message")
            #expect(try await browser.text(of: message).contains("give reason"))
            #expect(try await browser.text(of: try await browser.findElement("#nomination-AD1")).contains("Awaiting the chair's decision"))

            try await browser.sendKeys("MACCSE's safety plan already covers this adult",
                                       to: try await browser.findElement(#"#nomination-AD1 textarea[name="reason"]"#))
            try await browser.click(try await browser.findElement(#"#nomination-AD1 button[name="accept"][value="false"]"#))
            let decided = try await browser.wait("the declined nomination") {
                let text = try await browser.text(of: try await browser.waitForElement("#nomination-AD1"))
                return text.contains("declined") ? text : nil
            }
            #expect(decided.contains("MACCSE's safety plan already covers this adult"), "\(decided)")
            #expect(try await browser.findElements("p.message").isEmpty)
            #expect(try await browser.currentURL().hasSuffix("/marthr/MARTHR-000001"))
            try keep(try await browser.screenshot(), as: "marthr-meeting.png")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func theMARTHRChairRunsAMeetingFromAttendanceToApprovedMinutes() async throws {
        try preparePicture()
        try cegraph(["marthr", "schedule", "--on", BrowserTests.day(0), "--chair", "DCI Synthetic"])
        try cegraph(["marthr", "nominate", "MARTHR-000002", "--subject", "AD1", "--ce-case", "CASE-000001", "--claims", "2", "--because", "Linked to a child on MACCSE"])
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "chair")
            try await browser.click(try await browser.waitForElement(#"a[href="/marthr/MARTHR-000002"]"#))
            #expect(try await browser.text(of: try await browser.waitForElement("#confidentiality")).contains("No attendance recorded"))
            // The coordinator's claim is checked against the evidence in the picture.
            let claim = try await browser.text(of: try await browser.findElement("#nomination-AD1 p.claim"))
            #expect(claim.contains("Claims threshold 2; the evidence in the picture confirms 2"), "\(claim)")

            // Attendance, one of those present not yet signed: business waits, naming them.
            try await attend([("DCI Synthetic", "police", true), ("Sam Manager", "childrens_services", true), ("Jo Licensing", "licensing", false)],
                             browser)
            try await browser.click(try await browser.findElement(#"#record-attendance button[type="submit"]"#))
            let waiting = try await browser.wait("the attendance recorded") {
                let text = try await browser.text(of: try await browser.waitForElement("#confidentiality"))
                return text.contains("Business waits") ? text : nil
            }
            #expect(waiting.contains("Jo Licensing"), "\(waiting)")
            try await browser.sendKeys("Criterion 2: linked to a child on MACCSE", to: try await browser.findElement(#"#nomination-AD1 textarea[name="reason"]"#))
            try await browser.click(try await browser.findElement(#"#nomination-AD1 button[name="accept"][value="true"]"#))
            let refused = try await browser.text(of: try await browser.waitForElement("p.message"))
            #expect(refused.contains("Jo Licensing (licensing) has not signed the confidentiality agreement"), "\(refused)")

            // Signed: the chair decides, raises an action, the minutes are recorded and approved.
            try await attend([("Jo Licensing", "licensing", true)], browser)
            try await browser.click(try await browser.findElement(#"#record-attendance button[type="submit"]"#))
            _ = try await browser.wait("everyone signed") {
                let text = try await browser.text(of: try await browser.waitForElement("#confidentiality"))
                return text.contains("Everyone present has signed") ? text : nil
            }
            try await browser.sendKeys("Criterion 2: linked to a child on MACCSE", to: try await browser.findElement(#"#nomination-AD1 textarea[name="reason"]"#))
            try await browser.click(try await browser.findElement(#"#nomination-AD1 button[name="accept"][value="true"]"#))
            _ = try await browser.wait("the nomination accepted") {
                let text = try await browser.text(of: try await browser.waitForElement("#nomination-AD1"))
                return text.contains("accepted") ? text : nil
            }
            try await browser.sendKeys("Licensing visit to the address", to: try await browser.findElement(#"form[action$="/actions"] input[name="text"]"#))
            try await browser.click(try await browser.findElement(#"form[action$="/actions"] select[name="owner"] option[value="licensing"]"#))
            try await typeDay(BrowserTests.day(14), into: #"form[action$="/actions"] input[name="due_on"]"#, browser)
            try await browser.sendKeys("AD1", to: try await browser.findElement(#"form[action$="/actions"] input[name="subject"]"#))
            try await browser.click(try await browser.findElement(#"form[action$="/actions"] button[type="submit"]"#))
            let actions = try await browser.wait("the action raised") {
                let text = try await browser.text(of: try await browser.waitForElement("#actions"))
                return text.contains("Licensing visit") ? text : nil
            }
            #expect(actions.contains("with partners") || actions.contains("take action") || actions.contains("gather intelligence"), "\(actions)")
            try await browser.sendKeys("Partners agreed a Child Abduction Warning Notice and a licensing visit.",
                                       to: try await browser.waitForElement("#marthr-minutes"))
            try await browser.click(try await browser.findElement(#"#record-minutes button[type="submit"]"#))
            _ = try await browser.wait("the minutes recorded") {
                let text = try await browser.text(of: try await browser.waitForElement("#minutes"))
                return text.contains("Awaiting the chair") ? text : nil
            }
            try await browser.click(try await browser.waitForElement(#"#approve-minutes button[type="submit"]"#))
            let approved = try await browser.wait("the minutes approved") {
                let text = try await browser.text(of: try await browser.waitForElement("#minutes"))
                return text.contains("Approved by") ? text : nil
            }
            #expect(approved.contains("Partners agreed a Child Abduction Warning Notice"), "\(approved)")
            #expect(try await browser.findElements("#record-minutes").isEmpty, "approved minutes are not changed")
            try await keepAtBothSizes(browser, as: "marthr-meeting-run", height: 900)
        }
    }

    @Test(.timeLimit(.minutes(4)))
    func aCoordinatorRecordsABreachOfANoticeInForce() async throws {
        try preparePicture()
        try cegraph(["marthr", "draft", "--subject", "AD1", "--tool", "cawn", "--child", "CH1", "--expires", BrowserTests.day(20),
                "--meeting", "MARTHR-000001", "--today", BrowserTests.day(-3)])
        try cegraph(["marthr", "approve", "DISR-000001", "--approver", "C Insp Synthetic", "--role", "Chief Inspector", "--today", BrowserTests.day(-2)])
        try cegraph(["marthr", "serve", "DISR-000001", "--served", BrowserTests.day(-1), "--today", BrowserTests.day(-1)])
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "coordinator")
            try await browser.navigate(to: site + "/disruptions")
            try await browser.click(try await browser.waitForElement("#show-expiring"))
            let register = try await browser.text(of: try await browser.waitForElement("#register"))
            #expect(register.contains("DISR-000001") && register.contains("expiring"), "\(register)")
            try await keepAtBothSizes(browser, as: "disruption-register", height: 900)
            try await browser.click(try await browser.findElement(#"#register a[href="/disruptions/DISR-000001"]"#))

            // A breach needs its record: refused without, the note kept as typed.
            try await typeDay(BrowserTests.day(0), into: "#breached-on", browser)
            try await browser.sendKeys("Seen with the child outside the school", to: try await browser.findElement("#breach-note"))
            try await browser.click(try await browser.findElement(#"#record-breach button[type="submit"]"#))
            let message = try await browser.text(of: try await browser.waitForElement("p.message"))
            #expect(message.contains("give the breach's record"), "\(message)")
            try await browser.sendKeys("OCC-2026-0042", to: try await browser.findElement("#breach-record"))
            try await browser.click(try await browser.findElement(#"#record-breach button[type="submit"]"#))
            let breaches = try await browser.wait("the breach recorded") {
                guard try await browser.findElements("p.message").isEmpty else { return nil as String? }
                guard let table = try await browser.findElements("#breaches").first else { return nil as String? }
                return try await browser.text(of: table)
            }
            #expect(breaches.contains("OCC-2026-0042") && breaches.contains("Seen with the child outside the school"), "\(breaches)")
            #expect(try await browser.text(of: try await browser.findElement("#notice-state")).contains("breached 1"))
            try await keepAtBothSizes(browser, as: "disruption-notice", height: 900)

            // The child's page shows the notice protecting them.
            try await browser.navigate(to: site + "/entities/CH1")
            let notices = try await browser.text(of: try await browser.waitForElement("#notices"))
            #expect(notices.contains("DISR-000001") && notices.contains("protecting"), "\(notices)")
            try await keepAtBothSizes(browser, as: "entity-notices", height: 900)
        }
    }

    // MARK: - Steps

    /// Runs the built `cegraph` on b.sqlite (with `input` on its standard input), failing
    /// the test with its error if it fails.
    func cegraph(_ arguments: [String], input: String? = nil) throws {
        let result = try cli.run(["--db", "b.sqlite"] + arguments, input: input)
        if result.status != 0 { throw WebDriver.Failure("cegraph \(arguments.joined(separator: " ")): \(result.stderr)") }
    }

    /// Types `text` into the picker field `field`, waits for `id` among the records it
    /// finds, and chooses it.
    func pick(_ text: String, id: String, into field: String, _ browser: WebDriver) async throws {
        try await browser.sendKeys(text, to: try await browser.waitForElement("#\(field)"))
        try await browser.click(try await browser.waitForElement(#"#\#(field)-picks button[data-id="\#(id)"]"#))
        let value = try await browser.execute("return document.getElementById(arguments[0]).value;", [field]) as? String
        #expect(value == id, "the \(field) field after choosing \(id)")
        #expect(try await browser.text(of: try await browser.findElement("#\(field) ~ .picked")).isEmpty == false)
    }

    /// Fills the attendance rows of `#record-attendance`, one person a row (name, agency,
    /// whether they signed the confidentiality statement), opening a row with "Add another"
    /// where rows.js has hidden it.
    func attend(_ people: [(name: String, agency: String, signed: Bool)], _ browser: WebDriver) async throws {
        for (index, person) in people.enumerated() {
            let n = index + 1
            let name = try await browser.waitForElement("#attendee-name-\(n)")
            if try await browser.execute("return arguments[0].offsetParent === null;", [["element-6066-11e4-a52e-4f735466cecf": name.id]]) as? Bool == true {
                try await browser.click(try await browser.findElement("#record-attendance button.add-row"))
            }
            try await browser.sendKeys(person.name, to: name)
            try await browser.click(try await browser.findElement(#"#attendee-agency-\#(n) option[value="\#(person.agency)"]"#))
            if !person.signed { try await browser.click(try await browser.findElement(#"input[name="attendee_unsigned_\#(n)"]"#)) }
        }
    }

    /// The map's viewBox: x, y, width, height.
    func viewBox(_ browser: WebDriver) async throws -> [Double] {
        let text = try await browser.execute(##"return document.querySelector("#map svg").getAttribute("viewBox");"##) as? String ?? ""
        return text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
    }

    /// Where each of the picture's accounts lands after signing in: its role's first page.
    static let landings = ["analyst": "/search", "member": "/panels", "coordinator": "/referrals", "chair": "/marthr",
                           "admin": "/accounts", "auditor": "/audit", "maccse": "/panels",
                           "chairperson": "/panels", "seftonco": "/panels"]

    /// Signs in through the form and lands on the account's first page (``landings``),
    /// giving the session's reason on the way: on the form the landing page asks first
    /// when it lists names, else on the reason form opened from there. Waits to be back
    /// on the landing page.
    func signIn(_ browser: WebDriver, site: String, as username: String, password: String = BrowserTests.password) async throws {
        let landing = BrowserTests.landings[username] ?? "/search"
        let escaped = landing.replacingOccurrences(of: "/", with: "%2F")
        try await browser.navigate(to: site + "/sign-in")
        try await browser.sendKeys(username, to: try await browser.waitForElement("#username"))
        try await browser.sendKeys(password, to: try await browser.findElement("#password"))
        try await browser.click(try await browser.findElement("form.sign-in button[type=submit]"))
        let arrived = try await browser.wait("the first page after signing in as \(username)") {
            let url = try await browser.currentURL()
            return url.hasSuffix("/sign-in") ? nil : url
        }
        #expect(try await browser.source().contains("Signed in as <strong>\(username)</strong>"))
        if arrived.hasSuffix("/reason?next=" + escaped) == false {
            #expect(arrived.hasSuffix(landing), "\(username) landed on \(arrived), not \(landing)")
            try await browser.navigate(to: site + "/reason?next=" + escaped)
        }
        try await browser.sendKeys("browser test session", to: try await browser.waitForElement("#reason"))
        try await browser.click(try await browser.findElement("form.reason button[type=submit]"))
        _ = try await browser.wait("\(landing) after giving a reason") {
            try await browser.currentURL().hasSuffix(landing) ? true : nil
        }
    }

    /// Waits for map.js to put the SVG in the map container, and answers the map's text.
    func waitForMap(_ browser: WebDriver) async throws -> String {
        try await browser.wait("the map's SVG in #map", timeout: 20) {
            let state = try await browser.execute("""
                var map = document.getElementById("map");
                if (!map) { return "no map container"; }
                var svg = map.querySelector("svg");
                if (svg && svg.querySelector("g")) { return {text: svg.textContent}; }
                var message = map.querySelector("p.message");
                return message ? "message: " + message.textContent : null;
                """)
            if let message = state as? String { throw WebDriver.Failure(message) }
            return (state as? [String: Any])?["text"] as? String
        }
    }

    /// Keeps screenshots of the page at a desktop's 1366x768 (or `height`) and a phone's 390x844
    /// (`NAME-1366.png`, `NAME-390.png`: what is in view), and of the whole page at each width
    /// (`NAME-1366-full.png`, `NAME-390-full.png`); then the desktop size again.
    func keepAtBothSizes(_ browser: WebDriver, as name: String, height desktopHeight: Int = 768) async throws {
        for (width, height, mobile) in [(1366, desktopHeight, false), (390, 844, true)] {
            try await browser.setViewport(width: width, height: height, mobile: mobile)
            let width = try await browser.wait("the page laid out \(width) wide") {
                let inner = try await browser.execute("return screen.width;") as? NSNumber
                return inner?.intValue == width ? width : nil
            }
            try keep(try await browser.screenshot(), as: "\(name)-\(width).png")
            try keep(try await browser.fullPageScreenshot(), as: "\(name)-\(width)-full.png")
        }
        try await browser.setViewport(width: 1366, height: 768)
    }

    /// Writes a screenshot under the test's directory and copies it to .build/test-artifacts.
    func keep(_ png: Data, as name: String) throws {
        let file = directory.appendingPathComponent(name)
        try png.write(to: file)
        try FileManager.default.createDirectory(at: BrowserTests.artifacts, withIntermediateDirectories: true)
        let artifact = BrowserTests.artifacts.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: artifact)
        try FileManager.default.copyItem(at: file, to: artifact)
        print("browser test screenshot: \(artifact.path)")
    }

    /// What only the handling-code-C report tells of: the adult, the report's id, text and
    /// handling conditions. A partner meets none of it anywhere.
    static let codeC = ["Canary Hiddenadult", "AD2", "INC", "CANARY conditional report", "Police only"]
    /// Sefton's child, case and panel: outside a Liverpool coordinator's scope.
    static let sefton = ["Canary Seftonchild", "CH3", "CASE-000002", "PANEL-000002"]

    /// The day `offset` days from today (UTC), as YYYY-MM-DD.
    static func day(_ offset: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
    }

    /// Types the day `iso` (YYYY-MM-DD) into the date field `css` as a person does: the
    /// digits of each part in the order the browser's locale shows them (month, day, year in
    /// en-US); then checks the field holds that day.
    func typeDay(_ iso: String, into css: String, _ browser: WebDriver) async throws {
        let order = try await browser.execute("""
            return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2001, 10, 22))
                .map(function (part) { return part.type; })
                .filter(function (type) { return type === "year" || type === "month" || type === "day"; }).join(",");
            """) as? String ?? "month,day,year"
        let parts = iso.split(separator: "-").map(String.init)
        let byType = ["year": parts[0], "month": parts[1], "day": parts[2]]
        let keys = order.split(separator: ",").compactMap { byType[String($0)] }.joined()
        try await browser.sendKeys(keys, to: try await browser.findElement(css))
        let value = try await browser.execute("return document.querySelector(arguments[0]).value;", [css]) as? String
        #expect(value == iso, "the date field \(css) after typing \(keys) (\(order)): \(value ?? "nothing")")
    }

    /// Expects none of `canaries` in the page's text or its source. The session's CSRF token
    /// is taken out of the source first: a random token may spell a short id.
    func expectNone(of canaries: [String], in browser: WebDriver, on page: String) async throws {
        let token = try await browser.execute(#"var m = document.querySelector('meta[name="csrf-token"]'); return m ? m.content : "";"#)
            as? String ?? ""
        var source = try await browser.source()
        if !token.isEmpty { source = source.replacingOccurrences(of: token, with: "") }
        let shown = try await browser.execute("return document.body.innerText;") as? String ?? ""
        for canary in canaries {
            #expect(!source.contains(canary) && !shown.contains(canary), "\(canary) on \(page)")
        }
    }

    // MARK: - The picture, the service and the browser

    /// A small synthetic picture in b.sqlite: CH1 on the agenda of a Liverpool MACCSE panel
    /// a week from today, with its assessment (ASMT-000001) and two actions on the panel,
    /// one for health (ACT-000001) and one for the police (ACT-000002); CH2 on no agenda;
    /// AD2 known only through a handling-code-C report; a MARTHR meeting in a fortnight with
    /// AD1 nominated from CH1's case; an analyst, a Liverpool panel member for health, a
    /// CCSET coordinator and the MARTHR chair.
    func preparePicture() throws {
        try """
            {"record":"entity","id":"CH1","kind":"child","name":"Visible Child","area":"E08000012"}
            {"record":"entity","id":"CH2","kind":"child","name":"Canary Otherchild","area":"E08000012"}
            {"record":"entity","id":"AD1","kind":"adult","name":"Shared Adult","area":"E08000012","of_concern":true}
            {"record":"entity","id":"AD2","kind":"adult","name":"Canary Hiddenadult","area":"E08000012"}
            {"record":"intel","id":"IN1","date":"2026-02-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","text":"Shareable report."}
            {"record":"intel","id":"INC","date":"2026-02-02","source_evaluation":"2","intelligence_assessment":"B","handling_code":"C","handling_conditions":"Police only","text":"CANARY conditional report."}
            {"record":"link","from":"AD1","to":"CH1","kind":"associates_with","intel":["IN1"]}
            {"record":"link","from":"AD2","to":"CH1","kind":"associates_with","intel":["INC"]}
            {"record":"link","from":"CH2","to":"CH1","kind":"associates_with","intel":["IN1"]}
            """.write(to: directory.appendingPathComponent("picture.jsonl"), atomically: true, encoding: .utf8)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        func day(_ offset: Int) -> String { formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400)) }
        try """
            {"assessed_on": "\(day(-20))", "concern": "cce", "agencies": ["police", "childrens_services"], "grading": "2B P",
             "answers": {"professionals_involved": "Social worker", "referral_reason": "criminal", "scaling": 3,
                         "harm_statement": "may_be_experiencing_harm", "imminent_risk": false}}
            """.write(to: directory.appendingPathComponent("assessment.json"), atomically: true, encoding: .utf8)

        func ok(_ arguments: [String], input: String? = nil) throws {
            let result = try cli.run(["--db", "b.sqlite"] + arguments, input: input)
            if result.status != 0 { throw WebDriver.Failure("cegraph \(arguments.joined(separator: " ")): \(result.stderr)") }
        }
        try ok(["import", "picture.jsonl"])
        try ok(["case", "referral", "--child", "CH1", "--received", day(-30), "--referrer", "Duty worker", "--agency", "education",
                "--concern", "cce", "--outcome", "section_47", "--screened", day(-30)])
        try ok(["case", "open", "REF-000001", "--today", day(-30)])
        try ok(["case", "assess", "CASE-000001", "assessment.json"])
        try ok(["panel", "schedule", "--area", "E08000012", "--on", day(7), "--co-chair", "DI", "--co-chair", "Manager"])
        try ok(["panel", "agenda", "PANEL-000001"])
        try ok(["account", "add", "analyst", "--role", "analyst", "--password-stdin"], input: BrowserTests.password + "\n")
        try ok(["account", "add", "member", "--role", "panel_member", "--panel", "E08000012", "--agency", "health", "--password-stdin"],
               input: BrowserTests.password + "\n")
        // A quorate panel transacts business (seed 002): its actions need the attendance first.
        try ok(["panel", "attend", "PANEL-000001", "--attendee", "DI Synthetic:police", "--attendee", "Manager Synthetic:childrens_services",
                "--attendee", "Nurse Synthetic:health", "--attendee", "Teacher Synthetic:education"])
        try ok(["panel", "action", "PANEL-000001", "--text", "Arrange a health check", "--owner", "health", "--due", day(14),
                "--ce-case", "CASE-000001"])
        try ok(["panel", "action", "PANEL-000001", "--text", "Visit the address with the police", "--owner", "police", "--due", day(14),
                "--ce-case", "CASE-000001"])
        try ok(["account", "add", "coordinator", "--role", "ccset_coordinator", "--password-stdin"], input: BrowserTests.password + "\n")
        try ok(["marthr", "schedule", "--on", day(14), "--chair", "DCI Synthetic"])
        try ok(["marthr", "nominate", "MARTHR-000001", "--subject", "AD1", "--ce-case", "CASE-000001", "--claims", "2", "--because", "Linked to a child on MACCSE"])
        try ok(["marthr", "attend", "MARTHR-000001", "--attendee", "DCI Synthetic:police", "--attendee", "Manager Synthetic:childrens_services"])
        try ok(["account", "add", "chair", "--role", "marthr_chair", "--password-stdin"], input: BrowserTests.password + "\n")
    }

    /// Adds to the picture a MACCSE coordinator for Liverpool (children's social care), and a
    /// Sefton child (CH3) whose open case (CASE-000002) is on the agenda of a Sefton panel in
    /// five days (PANEL-000002).
    func prepareMACCSECoordinatorAndASeftonPanel() throws {
        try """
            {"record":"entity","id":"CH3","kind":"child","name":"Canary Seftonchild","area":"E08000014"}
            """.write(to: directory.appendingPathComponent("sefton.jsonl"), atomically: true, encoding: .utf8)
        func ok(_ arguments: [String], input: String? = nil) throws {
            let result = try cli.run(["--db", "b.sqlite"] + arguments, input: input)
            if result.status != 0 { throw WebDriver.Failure("cegraph \(arguments.joined(separator: " ")): \(result.stderr)") }
        }
        let day = BrowserTests.day
        try ok(["import", "sefton.jsonl"])
        try ok(["case", "referral", "--child", "CH3", "--received", day(-25), "--referrer", "Duty worker", "--agency", "health",
                "--concern", "cse", "--outcome", "section_47", "--screened", day(-25)])
        try ok(["case", "open", "REF-000002", "--today", day(-25)])
        try ok(["case", "assess", "CASE-000002", "assessment.json"])
        try ok(["panel", "schedule", "--area", "E08000014", "--on", day(5), "--co-chair", "DI Sefton", "--co-chair", "Manager Sefton"])
        try ok(["panel", "agenda", "PANEL-000002"])
        try ok(["account", "add", "maccse", "--role", "maccse_coordinator", "--area", "E08000012", "--agency", "childrens_services",
                "--password-stdin"], input: BrowserTests.password + "\n")
    }

    /// Starts `cegraph serve` on b.sqlite and chromedriver, each on a free port (retrying
    /// on another port if one was taken in between), opens a headless Chromium session and
    /// runs `body` with it and the site's address; then always closes the session and ends
    /// both processes.
    func withBrowser(_ body: (WebDriver, String) async throws -> Void) async throws {
        var server: ChildProcess?
        var driver: ChildProcess?
        var browser: WebDriver?
        func cleanUp() async {
            await browser?.quit()
            driver?.stop()
            server?.stop()
        }
        do {
            let (serverProcess, site) = try await start("cegraph serve") { port in
                (try ChildProcess(CLITests.products.appendingPathComponent("cegraph").path,
                                  ["--db", "b.sqlite", "serve", "--port", String(port)], directory: directory, log: "serve.log",
                                  environment: ["CEGRAPH_ACTOR": "browser-test"]),
                 URL(string: "http://127.0.0.1:\(port)/sign-in")!)
            }
            server = serverProcess
            let (driverProcess, driverURL) = try await start("chromedriver") { port in
                (try ChildProcess(Chromium.chromedriver!, ["--port=\(port)"], directory: directory, log: "chromedriver.log"),
                 URL(string: "http://127.0.0.1:\(port)/status")!)
            }
            driver = driverProcess
            browser = try await WebDriver.newSession(driver: driverURL.deletingLastPathComponent(), chromium: Chromium.browser)
            try await body(browser!, "http://127.0.0.1:\(site.port!)")
        } catch {
            await cleanUp()
            throw error
        }
        await cleanUp()
    }

    /// Starts a process on a free port and waits until `url` answers; three tries.
    func start(_ what: String, _ launch: (Int) throws -> (ChildProcess, URL)) async throws -> (ChildProcess, URL) {
        var failure: (any Error)?
        for _ in 0..<3 {
            let (process, url) = try launch(try freePort())
            do {
                try await process.waitUntilServing(url, what: what)
                return (process, url)
            } catch {
                process.stop()
                failure = error
            }
        }
        throw failure ?? WebDriver.Failure("\(what) did not start")
    }
}

/// Where Chromium and chromedriver are, if anywhere.
enum Chromium {
    static let chromedriver = executable(environment: "CEGRAPH_CHROMEDRIVER", names: ["chromedriver"])
    static let browser = executable(environment: "CEGRAPH_CHROMIUM", names: ["chromium", "chromium-browser", "google-chrome"])
    static let available = chromedriver != nil && browser != nil
    static let missingMessage: Comment = """
        browser tests skipped: \(browser == nil ? "Chromium" : "chromedriver") is not installed \
        (on Debian: apt-get install chromium chromium-driver; `make test` tries to)
        """

    /// `name` in $PATH, or the path in the environment variable.
    static func executable(environment variable: String, names: [String]) -> String? {
        let manager = FileManager.default
        if let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
            return manager.isExecutableFile(atPath: path) ? path : nil
        }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for directory in directories where manager.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }
}
