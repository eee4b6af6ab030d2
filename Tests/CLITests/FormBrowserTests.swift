import Foundation
import Testing

/// The forms in a real browser (issue 21, item 6): a CCSET coordinator refers an adult to
/// the panel by finding them with the picker (no id typed), records a decision whose flag
/// row names a record found the same way, and sees a confirmation after each save; on the
/// intelligence form only the link kinds that fit the two chosen records are offered.
extension BrowserTests {
    @Test(.timeLimit(.minutes(4)))
    func aCoordinatorFillsPanelFormsWithThePickerAndSeesEachSaveConfirmed() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "coordinator")
            try await browser.navigate(to: site + "/panels/PANEL-000001")

            // A perpetrator referral: the adult found by name, not typed as an id.
            try await pick("Shared", id: "AD1", into: "perpetrator-subject", browser)
            try await browser.sendKeys("Disruption of the adult's contact with the child", to: try await browser.findElement("#perpetrator-reason"))
            try await keepAtBothSizes(browser, as: "form-picker", height: 900)
            try await browser.click(try await browser.findElement(#"#refer-perpetrator button[type="submit"]"#))
            let saved = try await browser.wait("the confirmation") { try await confirmation(browser) }
            #expect(saved == "Perpetrator referral recorded for panel PANEL-000001", "\(saved)")
            let referred = try await browser.execute("return document.body.innerText;") as? String ?? ""
            #expect(referred.contains("Shared Adult") && referred.contains("Disruption of the adult's contact"), "\(referred)")
            try await keepAtBothSizes(browser, as: "form-saved")
            // Shown once: the next page has none.
            try await browser.navigate(to: site + "/panels/PANEL-000001")
            _ = try await browser.waitForElement("#agenda")
            #expect(try await browser.findElements("p.saved").isEmpty)

            // A decision, its flag on the adult found with the picker in the flag row.
            try await browser.click(try await browser.findElement(#"#decide-CASE-000001 select[name="decision"] option[value="review"]"#))
            try await browser.click(try await browser.findElement(#"#decide-CASE-000001-flag-1-kind option[value="adult_of_concern"]"#))
            try await browser.click(try await browser.findElement(#"#decide-CASE-000001-flag-1-owner option[value="police"]"#))
            try await pick("Shared", id: "AD1", into: "decide-CASE-000001-flag-1-entity", browser)
            try keep(try await browser.screenshot(), as: "form-decision-flags.png")
            try await browser.click(try await browser.findElement(#"#decide-CASE-000001 button[type="submit"]"#))
            let decided = try await browser.wait("the decision confirmed") { try await confirmation(browser) }
            #expect(decided == "Decision recorded for CASE-000001 at panel PANEL-000001", "\(decided)")
            try await browser.navigate(to: site + "/flags/AD1")
            let flags = try await browser.text(of: try await browser.waitForElement("main"))
            #expect(flags.contains("adult_of_concern") || flags.contains("adult of concern"), "\(flags)")

            // The intelligence form: a child and a place offer only the links between them.
            try await browser.navigate(to: site + "/intel/new")
            for (text, id) in [("Visible", "CH1"), ("Shared", "AD1")] {
                try await browser.sendKeys(text, to: try await browser.waitForElement("#entity-search"))
                try await browser.click(try await browser.waitForElement(#"#entity-hits button[data-id="\#(id)"]"#))
            }
            try await browser.click(try await browser.findElement(#"#link-from option[value="CH1"]"#))
            try await browser.click(try await browser.findElement(#"#link-to option[value="AD1"]"#))
            let offered = try await browser.execute(
                ##"return Array.from(document.querySelectorAll("#link-kind option")).filter(function (o) { return !o.disabled; }).map(function (o) { return o.value; });"##)
                as? [String] ?? []
            #expect(Set(offered) == ["associates_with", "sibling_of", "parent_of"], "\(offered)")
            try keep(try await browser.screenshot(), as: "form-link-kinds.png")
        }
    }

    /// The confirmation line a save leaves on the next page, nil while there is none.
    func confirmation(_ browser: WebDriver) async throws -> String? {
        guard let line = try await browser.findElements("p.saved[role=status]").first else { return nil }
        return try await browser.text(of: line)
    }
}

extension BrowserTests {
    /// A refused form whose template does not place the message beside the field gets it
    /// placed there by /static/field-errors.js (issue 21, item 6), the field marked invalid.
    @Test(.timeLimit(.minutes(3)))
    func aRefusedFormShowsItsMessageBesideTheField() async throws {
        try preparePicture()
        try await withBrowser { browser, site in
            try await signIn(browser, site: site, as: "coordinator")
            try await browser.navigate(to: site + "/panels")
            try await browser.sendKeys("Atlantis", to: try await browser.findElement("#s-area"))
            try await typeDay(BrowserTests.day(30), into: "#s-on", browser)
            try await browser.sendKeys("DI Synthetic", to: try await browser.findElement("#s-chairs"))
            try await browser.click(try await browser.findElement(#"form input[name="form"][value="schedule"] ~ button[type="submit"], form:has(input[value="schedule"]) button[type="submit"]"#))
            let note = try await browser.waitForElement("#error-schedule-area")
            #expect(try await browser.text(of: note).contains("Atlantis"))
            let invalid = try await browser.execute(#"return document.getElementById("s-area").getAttribute("aria-invalid");"#) as? String
            #expect(invalid == "true")
            try keep(try await browser.screenshot(), as: "form-field-error.png")
        }
    }
}
