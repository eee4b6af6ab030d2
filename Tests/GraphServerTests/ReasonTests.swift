import Foundation
import GraphServer
import GraphStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Sensitive views ask for a reason once per session, and the audit log keeps it with
/// every view (issue 6: "Sensitive views ask for a reason once per session").
struct ReasonTests {
    @Test func aPageAsksForTheReasonOnceThenGoesWhereItWasGoing() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let browser = try await PageTests.Browser.signIn(client, as: "analyst", reason: nil)
            // Search lists names: it asks first, as an entity page does.
            let search = try await browser.get("/search")
            #expect(search.status == .seeOther && search.headers[.location] == "/reason?next=%2Fsearch")
            #expect(try await browser.post("/search", ["q": "child", "csrf_token": browser.csrf]).headers[.location] == "/reason?next=%2Fsearch")
            let asked = try await browser.get("/entities/CH1?x=1")
            #expect(asked.status == .seeOther)
            #expect(asked.headers[.location] == "/reason?next=%2Fentities%2FCH1%3Fx%3D1")
            let form = try await browser.get("/reason?next=%2Fentities%2FCH1%3Fx%3D1")
            #expect(form.text.contains(#"name="next" value="/entities/CH1?x=1""#))
            // Too short a reason is refused with the form again.
            let short = try await browser.post("/reason", ["reason": "x", "next": "/entities/CH1", "csrf_token": browser.csrf])
            #expect(short.status == .badRequest)
            #expect(short.text.contains("at least 5 characters"))
            // Without the CSRF field the form is refused.
            #expect(try await browser.post("/reason", ["reason": "panel preparation", "next": "/entities/CH1"]).status == .forbidden)
            let given = try await browser.post("/reason", ["reason": "panel preparation", "next": "/entities/CH1", "csrf_token": browser.csrf])
            #expect(given.status == .seeOther && given.headers[.location] == "/entities/CH1")
            #expect(try await browser.get("/entities/CH1").status == .ok)
            #expect(try await browser.get("/maps/CH1").status == .ok)
        }
        let view = try #require(try fixture.store.auditEntries(limit: 20).first { $0.operation == "consultation" && $0.actor == "analyst" })
        #expect(view.justification.contains("reason: panel preparation"), "\(view.justification)")
    }

    @Test func theFormSendsTheBrowserOnlyToThisService() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let browser = try await PageTests.Browser.signIn(client, as: "analyst", reason: nil)
            for next in ["//elsewhere.example/", "https://elsewhere.example/", "/\\elsewhere.example", "search"] {
                let given = try await browser.post("/reason", ["reason": "panel preparation", "next": next, "csrf_token": browser.csrf])
                #expect(given.headers[.location] == "/search", "\(next) → \(given.headers[.location] ?? "")")
            }
        }
    }

    @Test func theAPIAnswers428UntilTheSessionHasAReason() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst", reason: nil))
            for uri in ["/api/entities/CH1", "/api/associations/CH1?hops=1", "/api/maps/CH1"] {
                let refused = try await analyst.get(uri)
                #expect(refused.status == .preconditionRequired, "\(uri)")
                #expect((refused.json["error"] as? String)?.contains("/api/session/reason") == true)
            }
            #expect(try await analyst.get("/api/me").json["reason_given"] as? Bool == false)
            #expect(try await analyst.send(.post, "/api/session/reason", json: #"{"reason":"  "}"#).status == .badRequest)
            #expect(try await analyst.send(.post, "/api/session/reason", csrf: false, json: #"{"reason":"network review"}"#).status == .forbidden)
            #expect(try await analyst.send(.post, "/api/session/reason", json: #"{"reason":"network review"}"#).status == .noContent)
            #expect(try await analyst.get("/api/entities/CH1").status == .ok)
            #expect(try await analyst.get("/api/me").json["reason_given"] as? Bool == true)
            // A role that sees no personal data is still asked (deny by default), and a
            // hidden record is still answered as missing only after the reason.
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member", reason: nil))
            #expect(try await member.get("/api/entities/CH2").status == .preconditionRequired)
            #expect(try await member.get("/api/entities/CH404").status == .preconditionRequired)
        }
    }

    @Test func anAPITokenGivesItsReasonOnEachRequest() async throws {
        let fixture = try ServerFixture()
        let token = try fixture.services.accounts.issueToken(username: "analyst", name: "script", by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let bare = try await client.executeRequest(uri: "/api/entities/CH1", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
            #expect(bare.status == .preconditionRequired)
            let reasoned = try await client.executeRequest(uri: "/api/entities/CH1", method: .get, headers: [
                .authorization: "Bearer \(token)", HTTPField.Name("X-Justification")!: "nightly network check",
            ], body: nil)
            #expect(reasoned.status == .ok)
            let session = try await client.executeRequest(uri: "/api/session/reason", method: .post, headers: [
                .authorization: "Bearer \(token)", .contentType: "application/json",
            ], body: ByteBuffer(string: #"{"reason":"nightly network check"}"#))
            #expect(session.status == .badRequest)
        }
        let row = try #require(try fixture.store.auditEntries(limit: 5).first { $0.actor == "analyst" })
        #expect(row.justification.contains("reason: nightly network check"))
    }

    @Test(arguments: [("  nightly check  ", HTTPResponse.Status.ok), ("nightly\tcheck", .badRequest),
                      ("nightly\u{200B}check", .badRequest), ("ni  ", .badRequest),
                      (String(repeating: "r", count: 301), .badRequest)])
    func aTokensReasonIsOneLineOfFiveTo300Characters(reason: String, status: HTTPResponse.Status) async throws {
        let fixture = try ServerFixture()
        let token = try fixture.services.accounts.issueToken(username: "analyst", name: "script", by: ServerFixture.viewer)
        try await fixture.application.test(.router) { client in
            let answer = try await client.executeRequest(uri: "/api/entities/CH1", method: .get, headers: [
                .authorization: "Bearer \(token)", HTTPField.Name("X-Justification")!: reason,
            ], body: nil)
            #expect(answer.status == status, "\(reason.unicodeScalars.map(\.value))")
        }
        if status == .ok {
            let row = try #require(try fixture.store.auditEntries(limit: 5).first { $0.actor == "analyst" })
            #expect(row.justification.hasSuffix("reason: nightly check"), "\(row.justification)")
        }
    }
}
