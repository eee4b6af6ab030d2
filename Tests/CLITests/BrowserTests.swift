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

    // MARK: - Steps

    /// Signs in through the form and waits for the search page it leads to.
    func signIn(_ browser: WebDriver, site: String, as username: String) async throws {
        try await browser.navigate(to: site + "/sign-in")
        try await browser.sendKeys(username, to: try await browser.waitForElement("#username"))
        try await browser.sendKeys(BrowserTests.password, to: try await browser.findElement("#password"))
        try await browser.click(try await browser.findElement("form.sign-in button[type=submit]"))
        _ = try await browser.wait("the search page after signing in as \(username)") {
            try await browser.currentURL().hasSuffix("/search") ? true : nil
        }
        #expect(try await browser.source().contains("Signed in as <strong>\(username)</strong>"))
        try await giveReason(browser, site: site)
    }

    /// Gives the session's reason for sensitive views through its form, as the pages ask
    /// for it at the first sensitive view, and waits to be sent back.
    func giveReason(_ browser: WebDriver, site: String) async throws {
        try await browser.navigate(to: site + "/reason?next=%2Fsearch")
        try await browser.sendKeys("browser test session", to: try await browser.waitForElement("#reason"))
        try await browser.click(try await browser.findElement("form.reason button[type=submit]"))
        _ = try await browser.wait("the search page after giving a reason") {
            try await browser.currentURL().hasSuffix("/search") ? true : nil
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

    // MARK: - The picture, the service and the browser

    /// A small synthetic picture in b.sqlite: CH1 on the agenda of a Liverpool MACCSE panel
    /// a week from today; CH2 on no agenda; AD2 known only through a handling-code-C report;
    /// a MARTHR meeting in a fortnight with AD1 nominated from CH1's case; an analyst, a
    /// Liverpool panel member and the MARTHR chair.
    func preparePicture() throws {
        try """
            {"record":"entity","id":"CH1","kind":"child","name":"Visible Child","area":"E08000012"}
            {"record":"entity","id":"CH2","kind":"child","name":"Canary Otherchild","area":"E08000012"}
            {"record":"entity","id":"AD1","kind":"adult","name":"Shared Adult","area":"E08000012"}
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
        try ok(["account", "add", "member", "--role", "panel_member", "--panel", "E08000012", "--password-stdin"],
               input: BrowserTests.password + "\n")
        try ok(["marthr", "schedule", "--on", day(14), "--chair", "DCI Synthetic"])
        try ok(["marthr", "nominate", "MARTHR-000001", "--subject", "AD1", "--ce-case", "CASE-000001", "--because", "Linked to a child on MACCSE"])
        try ok(["account", "add", "chair", "--role", "marthr_chair", "--password-stdin"], input: BrowserTests.password + "\n")
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
