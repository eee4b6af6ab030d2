import DemoData
import Foundation
import GraphCore
import GraphServer
import GraphStore
import Hummingbird
import HummingbirdTesting
import Testing

/// Scopes on the demo's picture (``DemoPicture``: five Merseyside authorities, a year of
/// case work in one of them): a local authority's MACCSE coordinator sees their own
/// authority's children, cases, panels and figures, and nothing of another's.
struct DemoScopeTests {
    @Test func aCoordinatorSeesTheirAuthorityAndNothingOfAnother() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-demo-scope-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try Store.open(path: directory.appendingPathComponent("demo.sqlite").path)
        let viewer = Viewer.commandLine(name: "test-setup", purpose: DemoPicture.purpose)
        let built = try DemoPicture.build(into: store, seed: 1, viewer: viewer,
                                            today: CalendarDate(year: 2026, month: 11, day: 23))
        let area = built.workflow.area
        let other = try #require(DemoWorkflow.merseyside.first { $0 != area })
        var configuration = ServerConfiguration()
        configuration.bcryptCost = 4
        let services = try Services(store: store, configuration: configuration)
        for (name, scope) in [("home", area), ("away", other)] {
            try services.accounts.create(username: name, displayName: name, role: .maccseCoordinator, password: ServerFixture.password,
                                         scope: Scope(areas: [scope]), by: viewer)
        }
        try await buildApplication(services: services).test(.router) { client in
            let home = try #require(try await SignedIn.signIn(client, as: "home"))
            let away = try #require(try await SignedIn.signIn(client, as: "away"))
            let cases = try await home.get("/api/cases").json["cases"] as? [[String: Any]] ?? []
            #expect(cases.count == built.workflow.cases && cases.allSatisfy { $0["area"] as? String == area }, "\(cases.count)")
            #expect((try await away.get("/api/cases").json["cases"] as? [Any])?.isEmpty == true)
            for ceCase in cases.prefix(3) {
                let ref = try #require(ceCase["ref"] as? String)
                #expect(try await home.get("/api/cases/\(ref)").status == .ok)
                #expect(try await away.get("/api/cases/\(ref)").status == .notFound)
                let child = try #require(ceCase["child_ref"] as? String)
                #expect(try await home.get("/api/entities/\(child)").status == .ok)
                #expect(try await away.get("/api/entities/\(child)").status == .notFound)
                #expect(try await away.get("/api/maps/\(child)").status == .notFound)
            }
            let panels = try await home.get("/api/panels").json["panels"] as? [[String: Any]] ?? []
            #expect(panels.count == built.workflow.panelsHeld.count + 1 && panels.allSatisfy { $0["area"] as? String == area })
            #expect((try await away.get("/api/panels").json["panels"] as? [Any])?.isEmpty == true)
            #expect(try await away.get("/api/panels/\(built.workflow.busiestPanel)").status == .notFound)
            #expect(try await home.get("/api/reports/quarterly?area=\(area)&quarter=2026Q2").status == .ok)
            #expect(try await away.get("/api/reports/quarterly?area=\(area)&quarter=2026Q2").status == .badRequest)
            // Search finds children only, and only their authority's.
            let hits = try await home.send(.post, "/api/search", json: #"{"q": "a", "limit": 200}"#).json["hits"] as? [[String: Any]] ?? []
            #expect(!hits.isEmpty && hits.allSatisfy { $0["kind"] as? String == "child" })
            for hit in hits.prefix(20) {
                let id = try #require(hit["id"] as? String)
                #expect(try await home.get("/api/entities/\(id)").json["area"].flatMap { ($0 as? [String: Any])?["code"] as? String } == area)
            }
            let referrals = try await home.get("/api/referrals?from=2026-01-01&to=2026-12-31").json["referrals"] as? [[String: Any]] ?? []
            #expect(referrals.count == built.workflow.referrals && referrals.allSatisfy { $0["area"] as? String == area })
            #expect((try await away.get("/api/referrals?from=2026-01-01&to=2026-12-31").json["referrals"] as? [Any])?.isEmpty == true)
        }
    }
}
