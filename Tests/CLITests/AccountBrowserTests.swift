import Foundation
import Testing

/// The admin's and the auditor's pages in a real browser: adding an account through the
/// accounts page, its first sign-in, and the audit log's refused reads; with screenshots at
/// a laptop's size (1366x768) and a phone's (390x844) in `.build/test-artifacts`.
extension BrowserTests {
    static let laptop = (width: 1366, height: 768)
    static let phone = (width: 390, height: 844)

    @Test(.timeLimit(.minutes(5)))
    func anAdminAddsAMACCSECoordinatorWhoSignsInAndLandsOnThePanels() async throws {
        try preparePicture()
        try addAccounts()
        try await withBrowser { browser, site in
            try await browser.setViewportSize(width: BrowserTests.laptop.width, height: BrowserTests.laptop.height)
            try await signIn(browser, site: site, as: "admin")
            let rows = try await browser.findElements("table.accounts tbody tr")
            #expect(rows.count == 41, "the picture's accounts and the admin's: \(rows.count)")

            // A MACCSE coordinator for Sefton, children's social care, the password left for the service to make.
            try await browser.sendKeys("maccse", to: try await browser.findElement("#username"))
            try await browser.click(try await browser.findElement(#"#role option[value="maccse_coordinator"]"#))
            try await browser.click(try await browser.findElement("#area-E08000014"))
            try await browser.click(try await browser.findElement(#"#agency option[value="childrens_services"]"#))
            try await browser.click(try await browser.findElement(#"form.account-form button[type="submit"]"#))
            let password = try await browser.wait("the password made for the new account") {
                let shown = try await browser.findElements("code.password")
                return shown.isEmpty ? nil : try await browser.text(of: shown[0])
            }
            #expect(password.count >= 12, "\(password)")
            let notice = try await browser.text(of: try await browser.findElement("div.notice"))
            #expect(notice.contains("maccse") && notice.contains("MACCSE coordinator"), "\(notice)")
            let row = try await browser.text(of: try await browser.findElement(#"table.accounts tr:has(a[href="/accounts/maccse"])"#))
            #expect(row.contains("Sefton") && row.contains("E08000014") && row.contains("Children's social care"), "\(row)")
            try keep(try await browser.screenshot(), as: "accounts-page.png")
            try keep(try await browser.fullPageScreenshot(), as: "accounts-page-full.png")
            try await browser.setViewportSize(width: BrowserTests.phone.width, height: BrowserTests.phone.height)
            try keep(try await browser.screenshot(), as: "accounts-page-phone.png")
            try keep(try await browser.fullPageScreenshot(), as: "accounts-page-phone-full.png")

            // One account's page, with its forms.
            try await browser.navigate(to: site + "/accounts/maccse")
            _ = try await browser.waitForElement(#"form.account-form"#)
            #expect(try await browser.execute("return document.getElementById('area-E08000014').checked;") as? Bool == true)
            try keep(try await browser.fullPageScreenshot(), as: "account-page-phone-full.png")
            try await browser.setViewportSize(width: BrowserTests.laptop.width, height: BrowserTests.laptop.height)
            try keep(try await browser.screenshot(), as: "account-page.png")

            // The new account signs in and lands on the panels, as a MACCSE coordinator.
            try await browser.click(try await browser.findElement("form.sign-out button[type=submit]"))
            _ = try await browser.wait("the sign-in form after signing out") {
                try await browser.currentURL().hasSuffix("/sign-in") ? true : nil
            }
            try await signIn(browser, site: site, as: "maccse", password: password)
            #expect(try await browser.text(of: try await browser.findElement("h1")) == "MACCSE panels")
            #expect(try await browser.text(of: try await browser.findElement("header.site .who")).contains("MACCSE coordinator"))
            try keep(try await browser.screenshot(), as: "maccse-first-page.png")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func anAuditorFindsTheReadsRefusedToAPanelMember() async throws {
        try preparePicture()
        let added = try cli.run(["--db", "b.sqlite", "account", "add", "auditor", "--role", "auditor", "--password-stdin"],
                                input: BrowserTests.password + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        try await withBrowser { browser, site in
            try await browser.setViewportSize(width: BrowserTests.laptop.width, height: BrowserTests.laptop.height)
            try await signIn(browser, site: site, as: "member")
            for page in ["/entities/CH2", "/maps/CH2"] {
                try await browser.navigate(to: site + page)
                #expect(try await browser.text(of: try await browser.waitForElement("main")).lowercased().contains("not found"))
            }
            try await browser.click(try await browser.findElement("form.sign-out button[type=submit]"))
            _ = try await browser.wait("the sign-in form after signing out") {
                try await browser.currentURL().hasSuffix("/sign-in") ? true : nil
            }

            try await signIn(browser, site: site, as: "auditor")
            try await browser.click(try await browser.findElement(#"p.choices a[href^="/audit?refused=1"]"#))
            let table = try await browser.wait("the refused reads") {
                try await browser.currentURL().contains("refused=1") ? try await browser.findElements("table.refusals").first : nil
            }
            let text = try await browser.text(of: table)
            #expect(text.contains("member") && text.contains("CH2"), "\(text)")
            #expect(!text.contains("auditor"), "the auditor's own reads are not refusals: \(text)")
            try keep(try await browser.screenshot(), as: "audit-refusals.png")
            try await browser.setViewportSize(width: BrowserTests.phone.width, height: BrowserTests.phone.height)
            try keep(try await browser.screenshot(), as: "audit-refusals-phone.png")
            try keep(try await browser.fullPageScreenshot(), as: "audit-refusals-phone-full.png")
        }
    }

    /// Thirty-six accounts of every role and scope, with synthetic names, and an admin: with
    /// the picture's four, a long list.
    func addAccounts() throws {
        let authorities = ["E08000012", "E08000011", "E08000013", "E08000014", "E08000015"]
        let agencies = ["police", "childrens_services", "health", "education", "youth_justice", "probation"]
        var commands: [[String]] = [["account", "add", "admin", "--role", "admin"]]
        for number in 1...36 {
            let area = authorities[number % authorities.count]
            let name = String(format: "Test Officer %02d", number)
            switch number % 6 {
            case 0: commands.append(["account", "add", "analyst\(number)", "--role", "analyst", "--name", name, "--area", area])
            case 1: commands.append(["account", "add", "member\(number)", "--role", "panel_member", "--name", name, "--panel", area,
                                     "--agency", agencies[number % agencies.count]])
            case 2: commands.append(["account", "add", "maccse\(number)", "--role", "maccse_coordinator", "--name", name, "--area", area,
                                     "--area", authorities[(number + 1) % authorities.count], "--agency", "childrens_services"])
            case 3: commands.append(["account", "add", "ccset\(number)", "--role", "ccset_coordinator", "--name", name, "--agency", "police"])
            case 4: commands.append(["account", "add", "chair\(number)", "--role", "marthr_chair", "--name", name, "--area", "merseyside"])
            default: commands.append(["account", "add", "auditor\(number)", "--role", "auditor", "--name", name])
            }
        }
        for command in commands {
            let result = try cli.run(["--db", "b.sqlite"] + command + ["--password-stdin"], input: BrowserTests.password + "\n")
            if result.status != 0 { throw WebDriver.Failure("cegraph \(command.joined(separator: " ")): \(result.stderr)") }
        }
        let disabled = try cli.run(["--db", "b.sqlite", "account", "disable", "auditor5"])
        if disabled.status != 0 { throw WebDriver.Failure("cegraph account disable auditor5: \(disabled.stderr)") }
    }
}
