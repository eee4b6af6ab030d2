import Foundation
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Where each account lands after signing in: its role's first page (``Role/firstPage``),
/// one it may open. A sensitive first page asks for the session's reason first, then opens.
struct LandingPageTests {
    /// Each first page's heading, to tell it from the error page or the reason form.
    static let headings = [
        "/search": "<h1>Search</h1>", "/referrals": "<h1>Referrals</h1>", "/marthr": "<h1>MARTHR meetings</h1>",
        "/panels": "<h1>MACCSE panels</h1>", "/audit": "<h1>Audit log</h1>", "/accounts": "<h1>Accounts</h1>",
    ]

    /// A path as the reason redirect puts it in its query.
    static func escaped(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? path
    }

    @Test(arguments: AccessMatrixTests.accounts.keys.sorted())
    func everyAccountLandsOnItsRolesFirstPageAndMayOpenIt(_ username: String) async throws {
        let role = try #require(Role(rawValue: AccessMatrixTests.accounts[username] ?? ""))
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let signedIn = try await PageTests.postForm(client, "/sign-in", ["username": username, "password": ServerFixture.password])
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == role.firstPage, "\(username) is sent to \(signedIn.headers[.location] ?? "nowhere")")
            let cookie = try #require(signedIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            func get(_ uri: String) async throws -> TestResponse {
                try await client.executeRequest(uri: uri, method: .get, headers: [.cookie: cookie], body: nil)
            }

            var landing = try await get(role.firstPage)
            if landing.status == .seeOther {
                // A sensitive page: the reason first, then back to the page.
                let next = try #require(landing.headers[.location])
                #expect(next == "/reason?next=" + Self.escaped(role.firstPage), "\(username): \(next)")
                let form = try await get(next)
                #expect(form.status == .ok)
                let csrf = try #require(PageTests.csrfToken(in: form.text))
                let given = try await PageTests.postForm(client, "/reason", ["reason": "automated test", "next": role.firstPage, "csrf_token": csrf],
                                                         cookie: cookie)
                #expect(given.status == .seeOther && given.headers[.location] == role.firstPage, "\(username): \(given.status)")
                landing = try await get(role.firstPage)
            }
            #expect(landing.status == .ok, "\(username) may not open \(role.firstPage): \(landing.status)")
            let heading = try #require(Self.headings[role.firstPage])
            #expect(landing.text.contains(heading), "\(username) on \(role.firstPage): \(landing.text.prefix(600))")

            // The home page and the sign-in form, signed in, lead to the same page.
            #expect(try await get("/").headers[.location] == role.firstPage)
            #expect(try await get("/sign-in").headers[.location] == role.firstPage)
            // The navigation links to it.
            #expect(landing.text.contains(#"<a href="\#(role.firstPage)">"#), "\(username): no link to \(role.firstPage)")
        }
    }

    /// The reason form sends a role without a page of its own back to its first page, not
    /// to the search page it may not open.
    @Test func theReasonFormFallsBackToTheRolesFirstPage() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let auditor = try await PageTests.Browser.signIn(client, as: "auditor", reason: nil)
            let given = try await auditor.post("/reason", ["reason": "checking refusals", "next": "https://elsewhere.example/", "csrf_token": auditor.csrf])
            #expect(given.status == .seeOther && given.headers[.location] == "/audit", "\(given.headers[.location] ?? "")")
        }
    }
}
