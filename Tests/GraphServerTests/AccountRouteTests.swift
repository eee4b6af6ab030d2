import Foundation
import GraphCore
import GraphServer
import GraphStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The accounts API (`/api/accounts`): admins only, CSRF with a cookie session, every
/// write audited through ``AccountStore``, bad input refused naming the problem with nothing
/// written, and never a password hash in an answer.
struct AccountRouteTests {
    /// How many accounts and audit rows the store holds: what a refused write must leave alone.
    static func counts(_ fixture: ServerFixture) throws -> (accounts: Int, audit: Int) {
        (try fixture.services.accounts.summaries().count, try fixture.store.auditEntries(limit: 1_000_000).count)
    }

    @Test func anAdminListsTheAccountsWithTheirScopesAndNoPasswordHash() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try #require(try await SignedIn.signIn(client, as: "admin", reason: nil))
            let response = try await admin.get("/api/accounts")
            #expect(response.status == .ok)
            #expect(!response.text.contains("$2") && !response.text.contains("hash") && !response.text.contains("password"), "\(response.text)")
            let accounts = try #require(response.json["accounts"] as? [[String: Any]])
            let byName = Dictionary(uniqueKeysWithValues: accounts.map { ($0["username"] as? String ?? "", $0) })
            #expect(Set(byName.keys) == Set(AccessMatrixTests.accounts.keys))
            #expect(byName["analyst"]?["areas"] is NSNull && byName["analyst"]?["role"] as? String == "analyst")
            #expect(byName["maccse_coordinator"]?["areas"] as? [String] == ["E08000012"])
            #expect(byName["panel_member"]?["panels"] as? [String] == ["E08000012"] && byName["panel_member"]?["agency"] as? String == "health")
            #expect(byName["wirral_analyst"]?["areas"] as? [String] == ["E08000015"] && byName["wirral_analyst"]?["disabled"] as? Bool == false)
        }
    }

    /// Every role but admin is refused, before the body is read; signed out is 401.
    @Test(arguments: Role.allCases.filter { $0 != .admin })
    func everyOtherRoleIsRefused(_ role: Role) async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let before = try Self.counts(fixture)
            let signedIn = try #require(try await SignedIn.signIn(client, as: role.rawValue))
            #expect(try await signedIn.get("/api/accounts").status == .forbidden)
            let body = #"{"username":"intruder","role":"admin","password":"synthetic password 9"}"#
            #expect(try await signedIn.send(.post, "/api/accounts", json: body).status == .forbidden)
            #expect(try await signedIn.send(.post, "/api/accounts", json: "not json").status == .forbidden, "403 before the body")
            #expect(try await signedIn.send(.put, "/api/accounts/\(role.rawValue)", json: #"{"role":"admin"}"#).status == .forbidden)
            #expect(try Self.counts(fixture).accounts == before.accounts)
            #expect(try fixture.services.accounts.summary(username: role.rawValue).role == role)
            let signedOut = try await client.executeRequest(uri: "/api/accounts", method: .get, headers: [:], body: nil)
            #expect(signedOut.status == .unauthorized)
        }
    }

    @Test func writesNeedTheCSRFToken() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try #require(try await SignedIn.signIn(client, as: "admin", reason: nil))
            let before = try Self.counts(fixture)
            let add = #"{"username":"no_token","role":"analyst","password":"synthetic password 9"}"#
            #expect(try await admin.send(.post, "/api/accounts", csrf: false, json: add).status == .forbidden)
            #expect(try await admin.send(.put, "/api/accounts/analyst", csrf: false, json: #"{"disabled":true}"#).status == .forbidden)
            #expect(try Self.counts(fixture) == before)
            #expect(try fixture.services.accounts.summary(username: "analyst").disabled == false)
        }
    }

    @Test func anAdminAddsAnAccountAuditedWithAGeneratedPasswordShownOnce() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try #require(try await SignedIn.signIn(client, as: "admin", reason: nil))
            let response = try await admin.send(.post, "/api/accounts", json: """
                {"username":"Knowsley.Coordinator","display_name":"Synthetic Coordinator","role":"maccse_coordinator",
                 "areas":["E08000011"],"agency":"childrens_services"}
                """)
            #expect(response.status == .created, "\(response.text)")
            let account = try #require(response.json["account"] as? [String: Any])
            #expect(account["username"] as? String == "knowsley.coordinator" && account["role"] as? String == "maccse_coordinator")
            #expect(account["areas"] as? [String] == ["E08000011"] && account["agency"] as? String == "childrens_services")
            let password = try #require(response.json["password"] as? String)
            #expect(password.count >= 12)

            let audit = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(audit.operation == "collection" && audit.actor == "admin" && audit.records.contains("knowsley.coordinator"), "\(audit)")
            #expect(!audit.records.contains(password))

            // The new account signs in with it, scoped as asked.
            let me = try #require(try await SignedIn.signIn(client, as: "knowsley.coordinator", password: password))
            let who = try await me.get("/api/me").json
            #expect(who["role"] as? String == "maccse_coordinator")
            // The password is never shown again.
            #expect(!(try await admin.get("/api/accounts").text.contains(password)))

            // A password typed is not echoed back.
            let typed = try await admin.send(.post, "/api/accounts", json: """
                {"username":"wirral_chair_2","role":"marthr_chair","password":"synthetic password 9"}
                """)
            #expect(typed.status == .created && typed.json["password"] == nil, "\(typed.text)")
            #expect((typed.json["account"] as? [String: Any])?["areas"] is NSNull, "no areas: the whole picture, as the command line")
        }
    }

    /// Bad input is a 400 naming the problem, and nothing is written; a username taken is a 409.
    @Test(arguments: [
        (#"{"username":"x1","role":"superuser"}"#, "role superuser is not one of"),
        (#"{"username":"x1","role":"analyst","areas":["atlantis"]}"#, "no local authority or police force has the code atlantis"),
        (#"{"username":"x1","role":"analyst","agency":"secret_service"}"#, "no agency has the code secret_service"),
        (#"{"username":"x1","role":"panel_member"}"#, "a panel member sits on at least one MACCSE panel"),
        (#"{"username":"x1","role":"panel_member","panels":["E08000012"],"areas":["E08000012"]}"#, "a panel member is scoped by their panels"),
        (#"{"username":"x1","role":"panel_member","panels":["merseyside"]}"#, "no local authority has the code merseyside"),
        (#"{"username":"x1","role":"analyst","panels":["E08000012"]}"#, "only a panel member sits on panels"),
        (#"{"username":"x1","role":"analyst","areas":[]}"#, "give at least one area"),
        (#"{"username":"x1","role":"analyst","password":"too short"}"#, "at least 12 characters"),
        (#"{"username":"a b","role":"analyst"}"#, "username a b is not"),
        (#"{"role":"analyst"}"#, "give username"),
        (#"{"username":"x1","role":"analyst","superuser":true}"#, "unknown field superuser"),
        (#"{"username":"analyst","role":"analyst"}"#, "the username analyst is taken"),
    ])
    func badInputIsRefusedAndNothingWritten(_ body: String, _ words: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try #require(try await SignedIn.signIn(client, as: "admin", reason: nil))
            let before = try Self.counts(fixture)
            let response = try await admin.send(.post, "/api/accounts", json: body)
            #expect(response.status == (words.hasSuffix("is taken") ? .conflict : .badRequest), "\(body): \(response.status)")
            #expect((response.json["error"] as? String)?.contains(words) == true, "\(body): \(response.text)")
            #expect(try Self.counts(fixture) == before, "\(body) wrote something")
        }
    }

    @Test func anAdminChangesARoleAndScopeEndingItsSessionsThenDisablesIt() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try #require(try await SignedIn.signIn(client, as: "admin", reason: nil))
            let analyst = try #require(try await SignedIn.signIn(client, as: "wirral_analyst"))
            #expect(try await analyst.get("/api/me").status == .ok)

            let changed = try await admin.send(.put, "/api/accounts/wirral_analyst",
                                               json: #"{"role":"maccse_coordinator","areas":["E08000015","E08000014"],"agency":"education"}"#)
            #expect(changed.status == .ok, "\(changed.text)")
            let account = try #require(changed.json["account"] as? [String: Any])
            #expect(account["role"] as? String == "maccse_coordinator" && account["areas"] as? [String] == ["E08000014", "E08000015"])
            #expect(account["agency"] as? String == "education")
            #expect(try await analyst.get("/api/me").status == .unauthorized, "the old session ends with the change")
            let audit = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(audit.operation == "alteration" && audit.actor == "admin" && audit.records.contains("maccse_coordinator"), "\(audit)")

            // Fields left out keep their values; disabled alone disables.
            let disabled = try await admin.send(.put, "/api/accounts/wirral_analyst", json: #"{"disabled":true}"#)
            #expect((disabled.json["account"] as? [String: Any])?["disabled"] as? Bool == true)
            #expect((disabled.json["account"] as? [String: Any])?["areas"] as? [String] == ["E08000014", "E08000015"])
            #expect(try await SignedIn.signIn(client, as: "wirral_analyst") == nil, "a disabled account cannot sign in")
            #expect(try await admin.send(.put, "/api/accounts/wirral_analyst", json: #"{"disabled":false}"#).status == .ok)
            #expect(try await SignedIn.signIn(client, as: "wirral_analyst") != nil)

            // Back to the whole picture: areas null.
            let whole = try await admin.send(.put, "/api/accounts/wirral_analyst", json: #"{"role":"analyst","areas":null,"agency":null}"#)
            #expect((whole.json["account"] as? [String: Any])?["areas"] is NSNull, "\(whole.text)")
        }
    }

    @Test func changesAreCheckedLikeNewAccounts() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let admin = try #require(try await SignedIn.signIn(client, as: "admin", reason: nil))
            let before = try Self.counts(fixture)
            for (path, body, status, words) in [
                ("/api/accounts/analyst", #"{"role":"panel_member"}"#, HTTPResponse.Status.badRequest, "sits on at least one MACCSE panel"),
                ("/api/accounts/analyst", #"{"areas":["atlantis"]}"#, .badRequest, "atlantis"),
                ("/api/accounts/analyst", #"{"agency":"secret_service"}"#, .badRequest, "secret_service"),
                ("/api/accounts/analyst", #"{"display_name":"New name"}"#, .badRequest, "unknown field display_name"),
                ("/api/accounts/admin", #"{"role":"analyst"}"#, .badRequest, "your own admin role"),
                ("/api/accounts/admin", #"{"disabled":true}"#, .badRequest, "disable your own account"),
                ("/api/accounts/nobody", #"{"disabled":true}"#, .notFound, "no account nobody"),
            ] {
                let response = try await admin.send(.put, path, json: body)
                #expect(response.status == status, "\(path) \(body): \(response.status)")
                #expect((response.json["error"] as? String)?.contains(words) == true, "\(path) \(body): \(response.text)")
            }
            #expect(try Self.counts(fixture) == before)
            #expect(try fixture.services.accounts.summary(username: "analyst").role == .analyst)
        }
    }
}
