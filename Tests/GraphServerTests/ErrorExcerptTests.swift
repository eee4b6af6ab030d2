import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// An error quotes at most 200 characters of a bad value and says how long it was: an
/// import's 4 MiB field, a JSON body's field and a form's field answer in a few hundred
/// characters, not megabytes.
struct ErrorExcerptTests {
    static let huge = String(repeating: "q", count: 4 << 20)

    static func checkShort(_ response: TestResponse, length: Int, _ what: String) {
        #expect(response.status == .badRequest, "\(what): \(response.status)")
        #expect(response.body.readableBytes < 1_500, "\(what): \(response.body.readableBytes) bytes")
        #expect(response.text.contains(String(repeating: "q", count: 200) + "…"), "\(what): \(response.text.prefix(300))")
        #expect(response.text.contains("(\(length) characters)"), "\(what): \(response.text.prefix(400))")
        #expect(!response.text.contains(String(repeating: "q", count: 201)), "\(what)")
    }

    @Test func anImportQuotesAFourMebibyteFieldShortly() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            for line in [#"{"record":"entity","id":"AD-X","kind":"\#(Self.huge)","name":"Long"}"#,
                         #"{"record":"intel","id":"IN-X","date":"\#(Self.huge)","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P"}"#,
                         #"{"record":"link","from":"\#(Self.huge)","to":"CH1","kind":"associates_with"}"#] {
                let response = try await coordinator.client.executeRequest(uri: "/api/import", method: .post, headers: [
                    .cookie: coordinator.cookie, HTTPField.Name("X-CSRF-Token")!: coordinator.csrf, .contentType: "application/x-ndjson",
                ], body: ByteBuffer(string: line))
                Self.checkShort(response, length: 4 << 20, String(line.prefix(40)))
            }
        }
    }

    @Test func aJSONBodysFieldAndAFormsFieldAreQuotedShortly() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let long = String(repeating: "q", count: 900_000)
            let date = try await coordinator.send(.post, "/api/panels", json: #"{"area":"E08000012","on":"\#(long)","co_chairs":["A","B"]}"#)
            Self.checkShort(date, length: 900_000, "a JSON body's date")
            let admin = try #require(try await SignedIn.signIn(client, as: "admin"))
            let role = String(repeating: "q", count: 15_000)
            let json = try await admin.send(.post, "/api/accounts", json: #"{"username":"x1","role":"\#(role)"}"#)
            Self.checkShort(json, length: 15_000, "a JSON body's role")
            let form = try await client.executeRequest(uri: "/accounts", method: .post, headers: [
                .cookie: admin.cookie, .contentType: "application/x-www-form-urlencoded",
            ], body: ByteBuffer(string: "csrf_token=\(admin.csrf)&username=x1&role=\(String(repeating: "q", count: 60_000))&areas=all"))
            #expect(form.status == .badRequest && form.text.contains("(60000 characters)"), "\(form.status) \(form.text.prefix(300))")
            #expect(!form.text.contains(String(repeating: "q", count: 201)), "a form's field")
        }
    }
}
