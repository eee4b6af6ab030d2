import Foundation
import GraphCore
import GraphServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Areas named as people know them where the API and the pages ask for one: "Liverpool"
/// as well as E08000012, in any case; an unknown or ambiguous name refused naming the field.
struct AreaNameRouteTests {
    @Test func aNameIsAcceptedWhereACodeWas() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            for path in ["/api/panels", "/api/cases", "/api/main-list", "/api/referrals?from=2020-01-01&to=2030-12-31"] {
                let separator = path.contains("?") ? "&" : "?"
                let byCode = try await coordinator.get(path + separator + "area=E08000012")
                let byName = try await coordinator.get(path + separator + "area=liverpool")
                #expect(byCode.status == .ok && byName.status == .ok && byName.text == byCode.text, "\(path): \(byName.text)")
            }
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            #expect(try await analyst.get("/api/query/key-players?area=Liverpool").status == .ok)

            let scheduled = try await coordinator.send(.post, "/api/panels", json: #"""
                {"area": "Liverpool", "on": "\#(CalendarDate.today.adding(days: 30))", "co_chairs": ["DI Synthetic", "Service manager"]}
                """#)
            #expect(scheduled.status == .created, "\(scheduled.text)")
            let panel = try #require(scheduled.json["panel"] as? String)
            #expect(try await coordinator.get("/api/panels/\(panel)").json["area"] as? String == "E08000012")
        }
    }

    @Test(arguments: [("/api/cases?area=Atlantis", "no area is called or coded"), ("/api/referrals?area=w", "could be")])
    func anUnknownOrAmbiguousAreaIsRefusedNamingTheField(_ path: String, _ words: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let refused = try await coordinator.get(path)
            #expect(refused.status == .badRequest && refused.text.contains("area") && refused.text.contains(words), "\(refused.text)")
            let page = try await PageTests.Browser.signIn(client, as: "ccset_coordinator").get("/main-list?area=Atlantis")
            #expect(page.status == .badRequest && page.text.contains("no area is called or coded"), "\(page.text.prefix(300))")
        }
    }
}
