import Foundation
import GraphCore
import GraphServer
import GraphStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The accounts pages (`/accounts`, `/accounts/{username}`): the list, adding an account,
/// changing one's role, scope and agency, disabling and enabling it; refusals shown on the
/// page with what was typed; admins only; CSRF on every form.
struct AccountPageTests {
    typealias Browser = PageTests.Browser

    /// The add form's fields for a MACCSE coordinator of Sefton, with `changes` applied (a
    /// nil value leaves the field out).
    static func addForm(_ csrf: String, _ changes: [String: String?] = [:]) -> [String: String] {
        var form: [String: String] = ["csrf_token": csrf, "form": "add", "username": "sefton_officer", "display_name": "Synthetic Officer",
                                      "role": "maccse_coordinator", "area.E08000014": "on", "agency": "childrens_services",
                                      "password": "synthetic password 7"]
        for (field, value) in changes { form[field] = value }
        return form
    }

    @Test func anAdminSeesEveryAccountWithItsRoleScopeAndAgency() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Browser.signIn(client, as: "admin", reason: nil)
            try fixture.services.accounts.setDisabled(username: "wirral_analyst", true, by: ServerFixture.viewer)
            let page = try await admin.get("/accounts")
            #expect(page.status == .ok)
            let text = page.text
            for username in AccessMatrixTests.accounts.keys {
                #expect(text.contains(#"<a href="/accounts/\#(username)">\#(username)</a>"#), "\(username) missing")
            }
            for part in ["MACCSE panel member", "Intelligence analyst", "Whole picture", "Panels:", "Areas:", "Liverpool", "E08000012",
                         "Wirral", "Health", #"<span class="tag warning">disabled</span>"#, "10 accounts, 1 disabled"] {
                #expect(text.contains(part), "\(part) missing from the accounts page")
            }
            #expect(!text.contains("$2"), "no password hash")
            // The add form: every role, the areas and panels as boxes, the agencies from the agency table.
            for part in [#"<form class="record account-form" method="post" action="/accounts">"#, #"name="csrf_token" value="\#(admin.csrf)""#,
                         #"<option value="maccse_coordinator">MACCSE coordinator</option>"#, #"name="area.E08000014""#,
                         #"name="area.merseyside""#, #"name="panel.E08000015""#, #"<option value="youth_justice">Youth justice</option>"#,
                         #"name="whole_picture""#] {
                #expect(text.contains(part), "\(part) missing from the add form")
            }
            #expect(!text.contains(#"name="panel.merseyside""#), "a panel is a local authority's, not a force's")
        }
    }

    @Test func anAdminAddsAnAccountThroughTheForm() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Browser.signIn(client, as: "admin", reason: nil)
            let added = try await admin.post("/accounts", Self.addForm(admin.csrf))
            #expect(added.status == .created, "\(added.status) \(added.text.prefix(300))")
            #expect(added.text.contains(#"Account <a href="/accounts/sefton_officer">sefton_officer</a> added: MACCSE coordinator."#))
            #expect(!added.text.contains("synthetic password 7") && !added.text.contains("shown this once"), "a typed password is never shown")
            let account = try fixture.services.accounts.summary(username: "sefton_officer")
            #expect(account.role == .maccseCoordinator && account.scope == Scope(areas: ["E08000014"]) && account.agency == "childrens_services")
            #expect(account.displayName == "Synthetic Officer")
            let audit = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(audit.operation == "collection" && audit.actor == "admin" && audit.records.contains("sefton_officer"))
            #expect(try await SignedIn.signIn(client, as: "sefton_officer", password: "synthetic password 7") != nil)
        }
    }

    @Test func aPasswordLeftEmptyIsMadeAndShownOnce() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Browser.signIn(client, as: "admin", reason: nil)
            let added = try await admin.post("/accounts", Self.addForm(admin.csrf, ["password": "", "username": "new_member", "role": "panel_member",
                                                                                     "area.E08000014": nil, "panel.E08000013": "on",
                                                                                     "agency": "education"]))
            #expect(added.status == .created, "\(added.status) \(added.text.prefix(400))")
            let start = try #require(added.text.range(of: #"<code class="password">"#))
            let rest = added.text[start.upperBound...]
            let password = String(rest[..<(rest.firstIndex(of: "<") ?? rest.endIndex)])
            #expect(password.count >= 12, "\(password)")
            #expect(try fixture.services.accounts.summary(username: "new_member").scope == Scope(areas: nil, panels: ["E08000013"]))
            #expect(try await SignedIn.signIn(client, as: "new_member", password: password) != nil)
            #expect(!(try await admin.get("/accounts").text.contains(password)), "shown once only")
        }
    }

    /// Bad input shows the form again, 400 (409 for a username taken), naming the problem,
    /// with what was typed kept (never the password), and nothing is written.
    @Test(arguments: [
        (["role": "superuser"], "role superuser is not one of"),
        (["role": nil], "give role"),
        (["area.atlantis": "on"], "no local authority or police force has the code atlantis"),
        (["agency": "secret_service"], "no agency has the code secret_service"),
        (["role": "panel_member", "area.E08000014": nil], "a panel member sits on at least one MACCSE panel"),
        (["role": "panel_member", "panel.E08000014": "on"], "a panel member is scoped by their panels"),
        (["panel.E08000014": "on"], "only a panel member sits on panels"),
        (["area.E08000014": nil], "tick the areas the account covers, or the whole picture"),
        (["whole_picture": "on"], "tick the whole picture or some areas, not both"),
        (["password": "too short"], "a password needs at least 12 characters"),
        (["username": "a b"], "username a b is not"),
        (["username": "analyst"], "the username analyst is taken"),
    ] as [([String: String?], String)])
    func badInputShowsTheFormAgainAndWritesNothing(_ changes: [String: String?], _ words: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Browser.signIn(client, as: "admin", reason: nil)
            let before = try AccountRouteTests.counts(fixture)
            let response = try await admin.post("/accounts", Self.addForm(admin.csrf, changes))
            #expect(response.status == (words.hasSuffix("is taken") ? .conflict : .badRequest), "\(changes): \(response.status)")
            let escaped = words.replacingOccurrences(of: "'", with: "&#39;")
            #expect(response.text.contains(#"<p class="message" role="alert">"#) && response.text.contains(escaped),
                    "\(changes): \(response.text.prefix(1200))")
            #expect(response.text.contains(#"value="Synthetic Officer""#), "the typed name kept")
            #expect(!response.text.contains("synthetic password 7"), "the password is never sent back")
            if changes["area.E08000014"] == nil && changes.keys.contains("area.E08000014") == false {
                #expect(response.text.contains(#"name="area.E08000014" value="on" checked"#), "the ticked area kept")
            }
            #expect(try AccountRouteTests.counts(fixture) == before, "\(changes) wrote something")
        }
    }

    @Test func formsNeedTheCSRFField() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Browser.signIn(client, as: "admin", reason: nil)
            let before = try AccountRouteTests.counts(fixture)
            var form = Self.addForm(admin.csrf)
            form["csrf_token"] = nil
            #expect(try await admin.post("/accounts", form).status == .forbidden)
            #expect(try await admin.post("/accounts/analyst", ["role": "admin", "whole_picture": "on"]).status == .forbidden)
            #expect(try await admin.post("/accounts/analyst/disabled", ["disabled": "true"]).status == .forbidden)
            #expect(try AccountRouteTests.counts(fixture) == before)
            let analyst = try fixture.services.accounts.summary(username: "analyst")
            #expect(analyst.role == .analyst && !analyst.disabled)
        }
    }

    @Test(arguments: Role.allCases.filter { $0 != .admin })
    func everyOtherRoleIsRefusedThePages(_ role: Role) async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let browser = try await Browser.signIn(client, as: role.rawValue)
            let before = try AccountRouteTests.counts(fixture)
            #expect(try await browser.get("/accounts").status == .forbidden)
            #expect(try await browser.get("/accounts/analyst").status == .forbidden)
            #expect(try await browser.post("/accounts", Self.addForm(browser.csrf)).status == .forbidden)
            #expect(try await browser.post("/accounts/\(role.rawValue)", ["csrf_token": browser.csrf, "role": "admin", "whole_picture": "on"])
                .status == .forbidden)
            #expect(try await browser.post("/accounts/analyst/disabled", ["csrf_token": browser.csrf, "disabled": "true"]).status == .forbidden)
            #expect(try AccountRouteTests.counts(fixture) == before)
            #expect(!(try await browser.get("/search").text.contains(#"href="/accounts""#)), "no link to the accounts page")
        }
    }

    @Test func anAdminChangesAnAccountsRoleScopeAndAgency() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Browser.signIn(client, as: "admin", reason: nil)
            let page = try await admin.get("/accounts/panel_member")
            #expect(page.status == .ok)
            for part in [#"<form class="record account-form" method="post" action="/accounts/panel_member">"#,
                         #"<option value="panel_member" selected>MACCSE panel member</option>"#,
                         #"name="panel.E08000012" value="on" checked"#, #"<option value="health" selected>Health</option>"#,
                         #"action="/accounts/panel_member/disabled""#] {
                #expect(page.text.contains(part), "\(part) missing from the account page")
            }
            #expect(!page.text.contains(#"name="whole_picture" value="on" checked"#), "a panel member never has the whole picture")
            #expect(try await admin.get("/accounts/analyst").text.contains(#"name="whole_picture" value="on" checked"#))

            let member = try await Browser.signIn(client, as: "panel_member")
            let changed = try await admin.post("/accounts/panel_member", ["csrf_token": admin.csrf, "form": "change", "role": "maccse_coordinator",
                                                                          "area.E08000012": "on", "area.E08000015": "on", "agency": "childrens_services"])
            #expect(changed.status == .seeOther && changed.headers[.location] == "/accounts/panel_member?saved=1", "\(changed.status) \(changed.text.prefix(400))")
            let account = try fixture.services.accounts.summary(username: "panel_member")
            #expect(account.role == .maccseCoordinator && account.scope == Scope(areas: ["E08000012", "E08000015"]) && account.agency == "childrens_services")
            #expect(try await member.get("/panels").status == .seeOther, "the old session ended: back to sign in")
            #expect(try await admin.get("/accounts/panel_member?saved=1").text.contains("Saved."))
            let audit = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(audit.operation == "alteration" && audit.actor == "admin" && audit.records.contains("maccse_coordinator"))

            // A refused change: the page again with the message and what was typed.
            let refused = try await admin.post("/accounts/analyst", ["csrf_token": admin.csrf, "form": "change", "role": "panel_member",
                                                                     "agency": "police"])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("a panel member sits on at least one MACCSE panel"))
            #expect(refused.text.contains(#"<option value="panel_member" selected>"#) && refused.text.contains(#"<option value="police" selected>"#))
            #expect(try fixture.services.accounts.summary(username: "analyst").role == .analyst)

            // An admin cannot take their own role away.
            let own = try await admin.post("/accounts/admin", ["csrf_token": admin.csrf, "form": "change", "role": "auditor", "whole_picture": "on"])
            #expect(own.status == .badRequest && own.text.contains("you cannot take away your own admin role"))
            #expect(try await admin.get("/accounts/nobody").status == .notFound)
        }
    }

    @Test func anAdminDisablesAndEnablesAnAccount() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try await Browser.signIn(client, as: "admin", reason: nil)
            let analyst = try await Browser.signIn(client, as: "analyst")
            let disabled = try await admin.post("/accounts/analyst/disabled", ["csrf_token": admin.csrf, "disabled": "true"])
            #expect(disabled.status == .seeOther && disabled.headers[.location] == "/accounts/analyst?saved=1")
            #expect(try fixture.services.accounts.summary(username: "analyst").disabled)
            #expect(try await analyst.get("/search").status == .seeOther, "its session ended")
            #expect(try await SignedIn.signIn(client, as: "analyst") == nil)
            let page = try await admin.get("/accounts/analyst").text
            #expect(page.contains("Enable the account") && page.contains(#"<input type="hidden" name="disabled" value="false">"#))
            let audit = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(audit.operation == "alteration" && audit.records.contains(#""disabled":true"#), "\(audit.records)")

            #expect(try await admin.post("/accounts/analyst/disabled", ["csrf_token": admin.csrf, "disabled": "false"]).status == .seeOther)
            #expect(try await SignedIn.signIn(client, as: "analyst") != nil)

            let own = try await admin.post("/accounts/admin/disabled", ["csrf_token": admin.csrf, "disabled": "true"])
            #expect(own.status == .badRequest && own.text.contains("you cannot disable your own account"))
            #expect(try fixture.services.accounts.summary(username: "admin").disabled == false)
        }
    }
}
