import DemoData
import Foundation
import GraphCore
import GraphServer
import GraphStore
import Hummingbird
import HummingbirdTesting
import Testing

/// No page of the demo is too big to open: for every role, each page its navigation offers,
/// the biggest lists asked for in full and the records the picture's MARTHR candidates
/// name come to at most 500 KB of HTML.
struct PageSizeTests {
    static let limit = 500_000

    @Test(.timeLimit(.minutes(10)))
    func noPageOfTheDemoIsOver500KB() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-page-size-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store.open(path: directory.appendingPathComponent("demo.sqlite").path)
        let viewer = Viewer.commandLine(name: "test-setup", purpose: DemoPicture.purpose)
        let built = try DemoPicture.build(into: store, seed: 1, viewer: viewer, today: .today)
        var configuration = ServerConfiguration()
        configuration.bcryptCost = 4
        let services = try Services(store: store, configuration: configuration)
        let area = built.workflow.area
        for role in Role.allCases {
            let (scope, agency): (Scope, String?) = switch role {
            case .panelMember: (Scope(areas: nil, panels: [area]), "health")
            case .maccseCoordinator: (Scope(areas: [area]), "childrens_services")
            default: (.wholePicture, nil)
            }
            try services.accounts.create(username: role.rawValue, displayName: role.rawValue, role: role, password: ServerFixture.password,
                                         scope: scope, agency: agency, by: viewer)
        }
        try await buildApplication(services: services).test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let candidates = try await analyst.get("/api/query/marthr?top=5").json["candidates"] as? [[String: Any]] ?? []
            let hubs = candidates.compactMap { $0["id"] as? String }
            #expect(!hubs.isEmpty)
            // The lists asked for in full, and the records at the centre of the picture.
            let heavy = ["/cross-border?all=1", "/marthr/candidates?top=10000", "/networks?area=\(area)", "/audit?limit=500",
                         "/referrals?from=2000-01-01", "/cases?status=all", "/notifications?status=all", "/disruptions"]
                + (built.workflow.panelsHeld + [built.workflow.upcomingPanel]).map { "/panels/\($0)" }
                + (1...built.workflow.cases).map { String(format: "/cases/CASE-%06d", $0) }
                + hubs.flatMap { ["/entities/\($0)", "/maps/\($0)?hops=3", "/cross-border?from=\($0)&hops=6"] }
            var measured = 0
            for role in Role.allCases {
                let browser = try await PageTests.Browser.signIn(client, as: role.rawValue)
                let landing = try await browser.get("/search").text
                let nav = landing.components(separatedBy: "<nav>").dropFirst().first?.components(separatedBy: "</nav>").first ?? ""
                let links = nav.matches(of: /href="([^"]+)"/).map { String($0.1) }
                #expect(!links.isEmpty || role == .admin || role == .auditor, "\(role): no navigation")
                for path in links + heavy {
                    let page = try await browser.get(path)
                    guard page.status == .ok else { continue }
                    measured += 1
                    #expect(page.body.readableBytes <= Self.limit, "\(role.rawValue) \(path): \(page.body.readableBytes) bytes")
                }
            }
            #expect(measured > 100, "pages measured: \(measured)")
        }
    }
}
