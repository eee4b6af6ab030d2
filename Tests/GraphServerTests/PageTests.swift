import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The HTML pages: sign in and out through forms, what each role's pages show and hide,
/// escaping, redirects, and the static files.
struct PageTests {
    /// A browser's state after signing in through the form: the cookie, and the CSRF token
    /// read from the sign-out form in the page's header.
    struct Browser {
        let client: any TestClientProtocol
        let cookie: String
        let csrf: String

        /// - Parameters:
        ///   - reason: the reason for sensitive views, given through its form; nil gives none.
        static func signIn(_ client: any TestClientProtocol, as username: String, reason: String? = "automated test") async throws -> Browser {
            let response = try await PageTests.postForm(client, "/sign-in", ["username": username, "password": ServerFixture.password])
            #expect(response.status == .seeOther, "\(username): \(response.status)")
            let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let page = try await client.executeRequest(uri: "/reason?next=%2Fsearch", method: .get, headers: [.cookie: cookie], body: nil)
            let csrf = try #require(PageTests.csrfToken(in: page.text), "no sign-out form on \(page.text.prefix(300))")
            let browser = Browser(client: client, cookie: cookie, csrf: csrf)
            if let reason {
                let given = try await browser.post("/reason", ["reason": reason, "next": "/search", "csrf_token": csrf])
                #expect(given.status == .seeOther && given.headers[.location] == "/search", "reason: \(given.status)")
            }
            return browser
        }

        func get(_ uri: String) async throws -> TestResponse {
            try await client.executeRequest(uri: uri, method: .get, headers: [.cookie: cookie], body: nil)
        }

        /// A page's text without the CSRF token, whose random letters could spell a canary.
        func text(_ uri: String) async throws -> String {
            try await get(uri).text.replacingOccurrences(of: csrf, with: "")
        }

        /// The search page's hits for `text`, posted as the form posts it, without the CSRF token.
        func searched(_ text: String) async throws -> String {
            try await post("/search", ["q": text, "csrf_token": csrf]).text.replacingOccurrences(of: csrf, with: "")
        }

        func post(_ uri: String, _ fields: [String: String]) async throws -> TestResponse {
            try await PageTests.postForm(client, uri, fields, cookie: cookie)
        }
    }

    static func postForm(_ client: any TestClientProtocol, _ uri: String, _ fields: [String: String],
                         cookie: String? = nil) async throws -> TestResponse {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let body = fields.sorted { $0.key < $1.key }.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value)"
        }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        return try await client.executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf_token" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    // MARK: - Signing in and out

    @Test func signingInThroughTheFormSetsTheSessionCookieAndRedirects() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let response = try await Self.postForm(client, "/sign-in", ["username": "analyst", "password": ServerFixture.password])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/search")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("cegraph_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict")
                && cookie.contains("Secure"), "\(cookie)")
            let browser = try await Browser.signIn(client, as: "analyst")
            let page = try await browser.get("/search")
            #expect(page.status == .ok && page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("Signed in as") && page.text.contains("Intelligence analyst"))
            #expect(page.text.components(separatedBy: "OFFICIAL-SENSITIVE").count == 3, "the marking top and bottom")
            #expect(try await browser.get("/").headers[.location] == "/search")
            #expect(try await browser.get("/sign-in").headers[.location] == "/search")
        }
    }

    @Test func aFailedSignInShowsTheFormAgainAndWrongUsernameAndPasswordReadAlike() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let form = try await client.executeRequest(uri: "/sign-in", method: .get, headers: [:], body: nil)
            #expect(form.status == .ok && form.text.contains(#"<form class="sign-in" method="post" action="/sign-in">"#))
            let wrong = try await Self.postForm(client, "/sign-in", ["username": "analyst", "password": "not it at all"])
            #expect(wrong.status == .unauthorized && wrong.headers[.setCookie] == nil)
            #expect(wrong.text.contains("the username or password is not right") && wrong.text.contains(#"value="analyst""#))
            let nobody = try await Self.postForm(client, "/sign-in", ["username": "nobody", "password": "not it at all"])
            #expect(nobody.status == wrong.status)
            #expect(nobody.text.replacingOccurrences(of: "nobody", with: "analyst") == wrong.text)
        }
    }

    @Test func aSignInPostedFromAnotherSiteIsRefused() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let body = ByteBuffer(string: "username=analyst&password=\(ServerFixture.password.replacingOccurrences(of: " ", with: "+"))")
            for (site, expected) in [("cross-site", HTTPResponse.Status.forbidden), ("same-site", .forbidden), ("same-origin", .seeOther)] {
                let response = try await client.executeRequest(uri: "/sign-in", method: .post, headers: [
                    .contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: site,
                ], body: body)
                #expect(response.status == expected, "\(site)")
                #expect((response.headers[.setCookie] != nil) == (expected == .seeOther), "\(site)")
            }
        }
    }

    @Test func theFormAndTheAPIShareTheSignInRateLimit() async throws {
        let fixture = try ServerFixture { $0.signInAttempts = 3 }
        try await fixture.application.test(.router) { client in
            for _ in 0..<3 {
                #expect(try await Self.postForm(client, "/sign-in", ["username": "auditor", "password": "guess"]).status == .unauthorized)
            }
            let api = try await client.executeRequest(uri: "/api/session", method: .post, headers: [:],
                                                      body: ByteBuffer(string: #"{"username":"auditor","password":"\#(ServerFixture.password)"}"#))
            #expect(api.status == .tooManyRequests)
            let form = try await Self.postForm(client, "/sign-in", ["username": "auditor", "password": ServerFixture.password])
            #expect(form.status == .tooManyRequests && form.text.contains("too many failed sign-ins"))
        }
    }

    @Test func signingOutNeedsTheFormsCSRFToken() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let browser = try await Browser.signIn(client, as: "analyst")
            let refused = try await browser.post("/sign-out", [:])
            #expect(refused.status == .forbidden && refused.headers[.contentType] == "text/html; charset=utf-8")
            #expect(refused.text.contains("CSRF token"))
            #expect(try await browser.post("/sign-out", ["csrf_token": "not the token"]).status == .forbidden)
            #expect(try await browser.get("/search").status == .ok, "still signed in after the refusals")
            let out = try await browser.post("/sign-out", ["csrf_token": browser.csrf])
            #expect(out.status == .seeOther && out.headers[.location] == "/sign-in")
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await browser.get("/search").headers[.location] == "/sign-in")
        }
    }

    @Test(arguments: ["/", "/search", "/search?q=child", "/entities/CH1", "/maps/CH1", "/entities/CH404"])
    func signedOutPagesRedirectToSignIn(_ uri: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.executeRequest(uri: uri, method: .get, headers: [:], body: nil)
            #expect(response.status == .seeOther && response.headers[.location] == "/sign-in")
            #expect(response.headers[.cacheControl] == "no-store")
        }
    }

    @Test func anAddressOutsideTheAPIThatDoesNotExistIsAnHTMLPage() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let page = try await client.executeRequest(uri: "/no-such-page", method: .get, headers: [:], body: nil)
            #expect(page.status == .notFound && page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("OFFICIAL-SENSITIVE"))
            let api = try await client.executeRequest(uri: "/api/no-such-route", method: .get, headers: [:], body: nil)
            #expect(api.status == .notFound && api.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    // MARK: - What a panel member sees

    @Test func aPanelMembersSearchListsTheirAgendaChildOnly() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let member = try await Browser.signIn(client, as: "panel_member")
            let page = try await member.searched("child")
            #expect(page.contains(#"<a href="/entities/CH1">Visible Child</a>"#), "\(page)")
            #expect(!page.contains("CH2") && !page.contains("Hidden Child"))
            let analyst = try await Browser.signIn(client, as: "analyst")
            #expect(try await analyst.searched("child").contains(#"<a href="/entities/CH2">Hidden Child</a>"#))
        }
    }

    @Test func aPanelMembersEntityPageLeavesOutCodeCAndOtherChildren() async throws {
        // A shareable report about CH1 names CH2, a child off the member's agendas.
        let fixture = try ServerFixture(extraLines: [
            #"{"record":"intel","id":"IN9","date":"2026-02-03","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","text":"Seen with hidden child near the park.","about":["CH1"]}"#,
        ])
        try await fixture.application.test(.router) { client in
            let member = try await Browser.signIn(client, as: "panel_member")
            let page = try await member.text("/entities/CH1")
            #expect(page.contains("Visible Child") && page.contains("AD1") && page.contains("IN1"))
            // The police's free text stays with them until the partnership shares it.
            #expect(!page.contains("Shareable report.") && !page.contains("near the park"))
            for canary in ["CANARY", "INC", "AD2", "CH2", "Hidden Child", "Known Only Through C"] {
                #expect(!page.contains(canary), "\(canary) on a panel member's entity page")
            }
            _ = try fixture.services.workflow.updateSettings(["partnerFreeText": .bool(true)], for: nil, by: ServerFixture.viewer)
            let shared = try await member.text("/entities/CH1")
            #expect(shared.contains("Shareable report.") && shared.contains("Seen with Child 1 near the park."), "\(shared)")
            for canary in ["CANARY", "INC", "AD2", "CH2", "Hidden Child", "hidden child", "Known Only Through C"] {
                #expect(!shared.contains(canary), "\(canary) on a panel member's entity page, text shared")
            }
            let analyst = try await Browser.signIn(client, as: "analyst")
            let full = try await analyst.text("/entities/CH1")
            #expect(full.contains("CANARY") && full.contains("AD2") && full.contains("Hidden Child") && full.contains("Seen with hidden child"))
        }
    }

    @Test func aHiddenChildsPagesAreTheMissingOnes() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let member = try await Browser.signIn(client, as: "panel_member")
            for (hidden, missing) in [("/entities/CH2", "/entities/CH404"), ("/maps/CH2", "/maps/CH404")] {
                let a = try await member.get(hidden), b = try await member.get(missing)
                #expect(a.status == .notFound)
                #expect(a.status == b.status && a.text == b.text, "\(hidden) and \(missing) differ")
                #expect(a.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }

    @Test func aPanelMembersMapPageIsThePanelMap() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let member = try await Browser.signIn(client, as: "panel_member")
            let page = try await member.get("/maps/CH1")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"data-src="/api/maps/CH1?hops=1&amp;audience=panel""#), "\(page.text)")
            #expect(page.text.contains(#"<script src="/static/map.js"></script>"#))
            #expect(try await member.get("/maps/CH1?audience=police").status == .forbidden)
            // The map offers (SVG class `opens`) only what the viewer may open: a panel
            // member not the adult linked to the child, whom an analyst may open.
            func offered(_ svg: String) -> Set<String> {
                Set(svg.components(separatedBy: #"class="node opens">"#).dropFirst().compactMap { part in
                    part.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first
                })
            }
            let memberMap = try await member.get("/api/maps/CH1")
            #expect(memberMap.status == .ok && !offered(memberMap.text).contains("AD1"))
            let analystMap = try await Browser.signIn(client, as: "analyst").get("/api/maps/CH1?audience=police")
            #expect(offered(analystMap.text).contains("AD1"), "\(analystMap.text.prefix(2000))")
            let analyst = try await Browser.signIn(client, as: "analyst")
            #expect(try await analyst.get("/maps/CH1?audience=analyst&hops=2").status == .ok)
            #expect(try await analyst.get("/maps/CH404").status == .notFound)
        }
    }

    /// The map page's filters reach the drawing: kinds, dates and grading leave links out,
    /// links new since a day are marked, and a bad filter is said, naming it.
    @Test func mapsAreDrawnThroughTheFiltersTheirPageGives() async throws {
        let fixture = try ServerFixture(extraLines: ServerFixture.crossBorderLines)
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let whole = try await analyst.get("/api/maps/AD3?hops=2&audience=police")
            #expect(whole.status == .ok && whole.text.contains("LO1") && whole.text.contains("CH3"))
            let people = try await analyst.get("/api/maps/AD3?hops=2&audience=police&link_kinds=associates_with")
            #expect(people.status == .ok && people.text.contains("CH3") && !people.text.contains("LO1"))
            let checked = try await analyst.get("/api/maps/AD3?hops=2&audience=police&entity_kinds=adult&entity_kinds=child")
            #expect(checked.status == .ok && checked.text.contains("CH3") && !checked.text.contains("LO1"))
            let dated = try await analyst.get("/api/maps/AD3?hops=2&audience=police&since=2026-02-01&new_since=2026-02-15")
            #expect(dated.status == .ok && dated.text.contains("new since 2026&#45;02&#45;15"))
            let bad = try await analyst.get("/api/maps/AD3?min_grade=9Z")
            #expect(bad.status == .badRequest && bad.text.contains("min_grade"))
            let page = try await Browser.signIn(client, as: "analyst").get("/maps/AD3?hops=2&audience=police&link_kinds=associates_with&since=2026-01-01")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"data-src="/api/maps/AD3?hops=2&amp;audience=police&amp;link_kinds=associates_with&amp;since=2026-01-01""#))
            #expect(page.text.contains(#"value="associates_with" checked"#) && page.text.contains(#"href="/maps/AD3?hops=1&amp;audience=police&amp;link_kinds"#))
            #expect(try await Browser.signIn(client, as: "analyst").get("/maps/AD3?since=someday").status == .badRequest)
        }
    }

    // MARK: - Escaping, headers, static files

    @Test func aHostileLabelComesOutEscaped() async throws {
        let fixture = try ServerFixture(extraLines: [
            #"{"record":"entity","id":"AD9","kind":"adult","name":"<script>alert(1)</script>","area":"E08000012"}"#,
            #"{"record":"link","from":"AD9","to":"CH1","kind":"associates_with","intel":["IN1"]}"#,
        ])
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst")
            for uri in ["/entities/AD9", "/entities/CH1", "search: alert"] {
                let page = uri.hasPrefix("/") ? try await analyst.text(uri) : try await analyst.searched("alert")
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri): \(page)")
                #expect(!page.contains("<script>alert"), "\(uri)")
            }
            let search = try await analyst.searched("<b>")
            #expect(search.contains(#"value="&lt;b&gt;""#) && !search.contains("<b>"))
        }
    }

    @Test func pagesCarryTheSecurityHeaders() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try await Browser.signIn(client, as: "analyst")
            for uri in ["/search", "/entities/CH1", "/entities/CH404", "/maps/CH1", "/static/map.js"] {
                let response = try await analyst.get(uri)
                #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true, "\(uri)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
            }
            let signIn = try await client.executeRequest(uri: "/sign-in", method: .get, headers: [:], body: nil)
            #expect(signIn.headers[.cacheControl] == "no-store" && signIn.headers[.contentSecurityPolicy] != nil)
        }
    }

    @Test func staticFilesAreServedWithTheirTypes() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let script = try await client.executeRequest(uri: "/static/map.js", method: .get, headers: [:], body: nil)
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("viewBox"))
            let style = try await client.executeRequest(uri: "/static/cegraph.css", method: .get, headers: [:], body: nil)
            #expect(style.status == .ok && style.headers[.contentType] == "text/css; charset=utf-8")
            for missing in ["/static/nothing.js", "/static/..%2FPageRenderer.swift"] {
                #expect(try await client.executeRequest(uri: missing, method: .get, headers: [:], body: nil).status == .notFound)
            }
        }
    }
}

extension PageTests {
    @Test func auditorsLandOnTheAuditLogAndAdminsOnTheAccounts() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let auditor = try await Browser.signIn(client, as: "auditor")
            let home = try await auditor.get("/")
            #expect(home.headers[.location] == "/audit")
            let audit = try await auditor.get("/audit?limit=5")
            #expect(audit.status == .ok)
            #expect(audit.text.contains("The audit log is intact"), "\(audit.text.prefix(400))")
            #expect(audit.text.components(separatedBy: "<tr><td data-label=\"#\">").count - 1 == 5)
            #expect(!audit.text.contains("{\"workflow\""), "records are escaped, not raw JSON")
            // Reading the log is itself audited, naming the rows read.
            let read = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(read.operation == "consultation" && read.actor == "auditor" && read.records.contains("audit_log"), "\(read)")
            let api = try #require(try await SignedIn.signIn(client, as: "auditor"))
            #expect(try await api.get("/api/audit?limit=3").status == .ok)
            let apiRead = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(apiRead.seq > read.seq && apiRead.records.contains(#""rows":3"#), "\(apiRead.records)")
            #expect(try await auditor.get("/accounts").status == .forbidden)

            let admin = try await Browser.signIn(client, as: "admin")
            #expect(try await admin.get("/").headers[.location] == "/accounts")
            let accounts = try await admin.get("/accounts").text
            #expect(accounts.contains("panel_member") && accounts.contains("E08000012"))
            #expect(try await admin.get("/audit").status == .forbidden)

            let analyst = try await Browser.signIn(client, as: "analyst")
            #expect(try await analyst.get("/audit").status == .forbidden)
        }
    }
}

extension PageTests {
    /// A sign-in form left open in another tab still works: the old session ends and a new
    /// one begins, with no CSRF refusal.
    @Test func signingInAgainReplacesTheSession() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let first = try await Browser.signIn(client, as: "analyst")
            let again = try await PageTests.postForm(client, "/sign-in", ["username": "analyst", "password": ServerFixture.password],
                                                     cookie: first.cookie)
            #expect(again.status == .seeOther, "\(again.status) \(again.text.prefix(200))")
            let second = try #require(again.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            #expect(second != first.cookie)
            #expect(try await first.get("/search").headers[.location] == "/sign-in", "the old session has ended")
            // The new session is signed in, and has yet to give its reason.
            let page = try await client.executeRequest(uri: "/search", method: .get, headers: [.cookie: second], body: nil)
            #expect(page.status == .seeOther && page.headers[.location] == "/reason?next=%2Fsearch")
        }
    }
}

/// "No personal data in URLs": the search form posts its text, and so do the pages' scripts.
struct PostedSearchTests {
    @Test func theSearchFormPostsAndTheAPITakesThePostedText() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let browser = try await PageTests.Browser.signIn(client, as: "analyst")
            let form = try await browser.text("/search")
            #expect(form.contains(#"<form class="search" method="post" action="/search""#))
            let hits = try await browser.post("/search", ["q": "Visible", "csrf_token": browser.csrf])
            #expect(hits.status == .ok && hits.text.contains(#"href="/entities/CH1""#))
            #expect(try await browser.post("/search", ["q": "Visible"]).status == .forbidden, "a posted search needs its CSRF field")
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let api = try await analyst.send(.post, "/api/search", json: #"{"q":"Visible","limit":5}"#)
            #expect(api.status == .ok && api.text.contains(#""id":"CH1""#))
            #expect(try await analyst.send(.post, "/api/search", json: #"{"q":"Visible","limit":500}"#).status == .badRequest)
            #expect(try await analyst.send(.post, "/api/search", json: #"{"q":" "}"#).status == .badRequest)
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let memberHits = try await member.send(.post, "/api/search", json: #"{"q":"Child"}"#)
            #expect(memberHits.text.contains("CH1") && !memberHits.text.contains("CH2"), "the same need-to-know as the page")
            // No GET form: a name never goes in a URL. A `q` in the page's address is ignored.
            #expect(try await analyst.get("/api/search?q=Visible").status != .ok)
            #expect(!(try await browser.text("/search?q=Visible")).contains(#"href="/entities/CH1""#))
            let unreasoned = try #require(try await SignedIn.signIn(client, as: "analyst", reason: nil))
            #expect(try await unreasoned.send(.post, "/api/search", json: #"{"q":"Visible"}"#).status == .preconditionRequired)
        }
        for script in ["picker.js", "intel.js", "lint.js"] {
            let text = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Sources/GraphServer/Static/\(script)"), encoding: .utf8)
            #expect(!text.contains("/api/search?"), "\(script) puts search text in a URL")
        }
    }
}
