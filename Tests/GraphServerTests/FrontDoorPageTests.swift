import CaseWorkflow
import Foundation
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The front door and timeline pages (referrals and screening, flags, alerts) and the
/// settings page: each form makes the same write as the API, keeps what was typed when
/// refused, and shows only to the roles the write allows.
struct FrontDoorPageTests {
    typealias Browser = PageTests.Browser

    @Test func aCoordinatorScreensAReferralThroughItsForm() async throws {
        let fixture = try ServerFixture()
        let referral = try Workflow(store: fixture.store).recordReferral(ReferralInput(
            child: "CH1", receivedOn: CalendarDate.today.adding(days: -1), referrer: "School nurse", agency: "health", concern: .cse),
            by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let page = try await coordinator.text("/referrals")
            #expect(page.contains(referral.ref) && page.contains(#"href="/entities/CH1""#))
            #expect(page.contains(#"action="/referrals/\#(referral.ref)/screening""#), "a form on the referral not yet screened")
            #expect(page.components(separatedBy: "/screening\"").count == 2, "and on no other")
            let badDay = try await coordinator.post("/referrals/\(referral.ref)/screening", [
                "form": "screen-\(referral.ref)", "outcome": "early_help", "on": "yesterday", "csrf_token": coordinator.csrf,
            ])
            #expect(badDay.status == .badRequest && badDay.text.contains("not a date") && badDay.text.contains(#"value="yesterday""#))
            #expect(badDay.text.contains(#"<option value="early_help" selected>"#), "the outcome chosen stays chosen")
            let screened = try await coordinator.post("/referrals/\(referral.ref)/screening", [
                "form": "screen-\(referral.ref)", "outcome": "early_help", "on": CalendarDate.today.description, "csrf_token": coordinator.csrf,
            ])
            #expect(screened.status == .seeOther && screened.headers[.location] == "/referrals")
            let after = try await coordinator.text("/referrals")
            #expect(after.contains("early help on \(CalendarDate.today)") && !after.contains("/screening\""))
            // An analyst reads the list without the form; a panel member may not open it.
            let analyst = try await Browser.signIn(client, as: "analyst")
            #expect(try await analyst.text("/referrals").contains(referral.ref))
            #expect(try await analyst.post("/referrals/\(referral.ref)/screening", ["outcome": "early_help", "csrf_token": analyst.csrf]).status == .forbidden)
            #expect(try await Browser.signIn(client, as: "panel_member").get("/referrals").status == .forbidden)
        }
    }

    @Test func aCoordinatorRecordsAReferralThenOpensItsCaseByForm() async throws {
        let fixture = try ServerFixture(extraLines: [#"{"record":"entity","id":"CH3","kind":"child","name":"Third Child","area":"E08000012"}"#])
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            let page = try await coordinator.text("/referrals")
            #expect(page.contains(#"action="/referrals""#) && page.contains(#"data-picker="/api/search""#))
            // No referrer: refused, and the form comes back open with what was typed.
            let missing = try await coordinator.post("/referrals", ["form": "referral", "child": "CH3", "agency": "education", "concern": "cce",
                                                                    "referrer": "", "note": "TYPED NOTE", "csrf_token": coordinator.csrf])
            #expect(missing.status == .badRequest && missing.text.contains("give referrer"))
            #expect(missing.text.contains(#"value="CH3""#) && missing.text.contains("TYPED NOTE") && missing.text.contains("<details open>"))
            let recorded = try await coordinator.post("/referrals", [
                "form": "referral", "child": "CH3", "agency": "education", "concern": "cce", "referrer": "Head of year",
                "outcome": "section_47", "immediate_risk": "yes", "csrf_token": coordinator.csrf,
            ])
            #expect(recorded.status == .seeOther && recorded.headers[.location] == "/referrals")
            let listed = try await coordinator.text("/referrals")
            let ref = try #require(listed.firstMatch(of: /action="\/referrals\/(REF-\d+)\/case"/)?.1).description
            #expect(listed.contains("immediate risk") && listed.contains("section 47 enquiry (child protection) on \(CalendarDate.today)"))
            // Opening the case goes to its page.
            let opened = try await coordinator.post("/referrals/\(ref)/case", ["form": "case", "csrf_token": coordinator.csrf])
            #expect(opened.status == .seeOther, "\(opened.text.firstMatch(of: /role="alert">[^<]*/)?.0 ?? "")")
            let location = try #require(opened.headers[.location])
            #expect(location.hasPrefix("/cases/CASE-"))
            #expect(try await coordinator.text(location).contains("Third Child"))
            // The same referral cannot open a second case: the page says why.
            let again = try await coordinator.post("/referrals/\(ref)/case", ["form": "case", "csrf_token": coordinator.csrf])
            #expect(again.status == .conflict && again.text.contains("already has an open MACCSE case"), "\(again.status)")
            let analyst = try await Browser.signIn(client, as: "analyst")
            #expect(!(try await analyst.text("/referrals")).contains("Record a referral"))
            #expect(try await analyst.post("/referrals", ["child": "CH1", "csrf_token": analyst.csrf]).status == .forbidden)
        }
    }

    @Test func aFlagSetByFormRaisesAnAlertThatIsReviewedByForm() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await Browser.signIn(client, as: "ccset_coordinator")
            #expect(try await coordinator.text("/entities/AD1").contains(#"href="/flags/AD1""#))
            #expect(try await coordinator.text("/flags/AD1").contains("No flags, now or before."))
            // No owner: refused, with the flag chosen kept.
            let unowned = try await coordinator.post("/flags/AD1", ["form": "flag", "entity": "AD1", "flag": "adult_of_concern", "owner": "",
                                                                    "csrf_token": coordinator.csrf])
            #expect(unowned.status == .badRequest && unowned.text.contains("owner"))
            #expect(unowned.text.contains(#"<option value="adult_of_concern" selected>"#))
            let flagged = try await coordinator.post("/flags/AD1", ["form": "flag", "entity": "AD1", "flag": "adult_of_concern", "owner": "police",
                                                                    "review_on": CalendarDate.today.adding(days: 90).description, "csrf_token": coordinator.csrf])
            #expect(flagged.status == .seeOther && flagged.headers[.location] == "/flags/AD1")
            let flags = try await coordinator.text("/flags/AD1")
            #expect(flags.contains("adult of concern") && flags.contains("present") && flags.contains("/flags/AD1/remove"))

            // The scan finds AD1, of concern now, linked to CH1 within the week.
            let scanned = try await coordinator.post("/alerts/scan", ["form": "scan", "since": CalendarDate.today.adding(days: -7).description,
                                                                      "csrf_token": coordinator.csrf])
            #expect(scanned.status == .seeOther && scanned.headers[.location] == "/alerts")
            let alerts = try await coordinator.text("/alerts")
            #expect(alerts.contains("adult newly linked to child") && alerts.contains(#"href="/entities/AD1""#) && alerts.contains(#"href="/entities/CH1""#))
            let action = try #require(alerts.firstMatch(of: /action="(\/alerts\/\d+\/review)"/)?.1).description
            let noNote = try await coordinator.post(action, ["note": "", "dismiss": "yes", "csrf_token": coordinator.csrf])
            #expect(noNote.status == .badRequest && noNote.text.contains("what the review found"))
            let reviewed = try await coordinator.post(action, ["note": "Known association, plan in place", "dismiss": "yes", "csrf_token": coordinator.csrf])
            #expect(reviewed.status == .seeOther && reviewed.headers[.location] == "/alerts")
            let open = try await coordinator.text("/alerts")
            #expect(!open.contains(action), "\(open)")
            let dismissed = try await coordinator.text("/alerts?status=dismissed")
            #expect(dismissed.contains("Known association, plan in place") && !dismissed.contains("/review\""))

            // Removing the flags; an analyst sees them without the forms.
            let removed = try await coordinator.post("/flags/AD1/remove", ["form": "remove", "csrf_token": coordinator.csrf])
            #expect(removed.status == .seeOther)
            let analyst = try await Browser.signIn(client, as: "analyst")
            let seen = try await analyst.text("/flags/AD1")
            #expect(seen.contains("adult of concern") && !seen.contains("Set the flag") && !seen.contains("/remove"))
            #expect(try await analyst.post("/alerts/scan", ["csrf_token": analyst.csrf]).status == .forbidden)
            #expect(try await analyst.get("/flags/NOSUCH").status == .notFound)
            let member = try await Browser.signIn(client, as: "panel_member")
            #expect(try await member.get("/alerts").status == .forbidden)
            #expect(try await member.get("/flags/CH1").status == .forbidden)
        }
    }

    @Test func anAdminChangesSettingsAndAnAuthorityKeepsOnlyWhatItChanged() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Browser.signIn(client, as: "admin", reason: nil)
            let page = try await admin.text("/settings")
            #expect(page.contains(#"name="agendaDaysBefore" value="4""#) && page.contains(#"action="/settings/default""#))
            let bad = try await admin.post("/settings/default", ["form": "settings", "agendaDaysBefore": "five", "csrf_token": admin.csrf])
            #expect(bad.status == .badRequest && bad.text.contains("five is not a whole number") && bad.text.contains(#"value="five""#))
            let late = try await admin.post("/settings/default", ["form": "settings", "panelStartsAt": "25:00", "csrf_token": admin.csrf])
            #expect(late.status == .badRequest && late.text.contains("25:00 is not a time"))
            let saved = try await admin.post("/settings/default", ["form": "settings", "agendaDaysBefore": "5", "panelStartsAt": "10:00",
                                                                   "csrf_token": admin.csrf])
            #expect(saved.status == .seeOther && saved.headers[.location] == "/settings")
            #expect(try await admin.text("/settings").contains(#"name="agendaDaysBefore" value="5""#))
            // An authority changes its slot length; every other value follows the default,
            // so a later change to the default still reaches it.
            let area = try await admin.post("/settings/E08000012", ["form": "settings", "caseSlotMinutes": "30", "agendaDaysBefore": "5",
                                                                    "csrf_token": admin.csrf])
            #expect(area.status == .seeOther && area.headers[.location] == "/settings?area=E08000012")
            _ = try await admin.post("/settings/default", ["form": "settings", "agendaDaysBefore": "6", "csrf_token": admin.csrf])
            let local = try await admin.text("/settings?area=E08000012")
            #expect(local.contains(#"name="caseSlotMinutes" value="30""#) && local.contains(#"name="agendaDaysBefore" value="6""#))
            #expect(try await admin.post("/settings/E99999999", ["caseSlotMinutes": "30", "csrf_token": admin.csrf]).status == .badRequest)
            // The chair reads them; an analyst may not open the page.
            let chair = try await Browser.signIn(client, as: "marthr_chair")
            let read = try await chair.text("/settings?area=E08000012")
            #expect(read.contains("30") && !read.contains("<form class=\"record settings\""))
            #expect(try await chair.post("/settings/default", ["agendaDaysBefore": "3", "csrf_token": chair.csrf]).status == .forbidden)
            #expect(try await Browser.signIn(client, as: "analyst").get("/settings").status == .forbidden)
        }
    }

    /// The settings with a fixed set of values are choices on the form (they were missing
    /// from it: the template asked for `choices.0`, which swift-mustache does not read).
    @Test func theSettingsFormOffersItsChoicesAndSharingFreeTextIsOne() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Browser.signIn(client, as: "admin", reason: nil)
            let page = try await admin.text("/settings")
            for select in [#"<select id="setting-framework" name="framework">"#, #"<select id="setting-partnerFreeText" name="partnerFreeText">"#,
                           #"<select id="setting-quorum-signedConfidentialityOnly" name="quorum.signedConfidentialityOnly">"#] {
                #expect(page.contains(select), "\(select)")
            }
            #expect(page.contains(#"<option value="no" selected>no</option>"#))
            let saved = try await admin.post("/settings/default", ["form": "settings", "partnerFreeText": "yes", "csrf_token": admin.csrf])
            #expect(saved.status == .seeOther)
            #expect(try fixture.services.workflow.settings(for: nil).partnerFreeText)
            // A partnership-wide choice: an authority may not make its own.
            let local = try await admin.post("/settings/E08000012", ["form": "settings", "partnerFreeText": "no", "csrf_token": admin.csrf])
            #expect(local.status == .badRequest && local.text.contains("chosen for the whole partnership"), "\(local.status)")
        }
    }
}
