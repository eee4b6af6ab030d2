import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The query verbs over HTTP (`/api/query/...`): what each answers on the fixture's picture
/// with its cross-border records, the parameters' checks, unknown ids, the reason asked
/// first, and the audit rows.
struct QueryRouteTests {
    static let police = ["analyst", "ccset_coordinator", "marthr_chair"]

    @Test(arguments: police)
    func everyVerbAnswersForAPoliceRole(_ username: String) async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let session = try #require(try await SignedIn.signIn(client, as: username))

            let path = try await session.get("/api/query/path?from=CH1&to=CH3")
            #expect(path.status == .ok, "\(path.text)")
            #expect(path.json["length"] as? Int == 3 && path.json["count"] as? Int == 1, "\(path.text)")
            let walk = (path.json["paths"] as? [[String: Any]])?.first?["entities"] as? [String]
            #expect(walk == ["CH1", "AD1", "AD3", "CH3"], "\(path.text)")

            let common = try await session.get("/api/query/common?a=CH1&b=AD3")
            #expect(ids(common.json["common"]) == ["AD1"], "\(common.text)")

            let network = try await session.get("/api/query/network/CH1")
            #expect(Set(ids(network.json["entities"])) == ["CH1", "CH2", "AD1", "AD2", "AD3", "CH3", "LO1"], "\(network.text)")

            let coLocation = try await session.get("/api/query/colocation?window_hours=48")
            #expect(coLocation.status == .ok && coLocation.json["window_hours"] as? Int == 48, "\(coLocation.text)")

            let players = try await session.get("/api/query/key-players?area=merseyside&top=3")
            #expect(players.status == .ok && ids(players.json["players"]).count == 3, "\(players.text)")
            #expect(ids(players.json["players"]).first == "CH1", "every path from CH2 or AD2 runs through CH1: \(players.text)")

            let communities = try await session.get("/api/query/communities?min_size=1")
            let members = (communities.json["communities"] as? [[String: Any]] ?? []).flatMap { ids($0["members"]) }
            #expect(Set(members) == ["CH1", "CH2", "AD1", "AD2", "AD3", "CH3", "LO1"], "\(communities.text)")

            let crossBorder = try await session.get("/api/query/cross-border?from=CH1&hops=4")
            let notified = (crossBorder.json["notify"] as? [[String: Any]] ?? []).compactMap { $0["area"] as? String }
            #expect(notified == ["E06000007", "E08000015"], "\(crossBorder.text)")
            let labels = (crossBorder.json["links"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            #expect(labels.sorted() == ["cross_authority", "cross_force"], "\(crossBorder.text)")
            #expect(Set(ids(crossBorder.json["entities"])) == ["CH1", "AD1", "AD3", "CH3", "LO1"], "\(crossBorder.text)")

            let marthr = try await session.get("/api/query/marthr?top=5")
            let candidate = try #require((marthr.json["candidates"] as? [[String: Any]])?.first, "\(marthr.text)")
            #expect(candidate["id"] as? String == "AD3" && candidate["criteria"] as? [Int] == [2, 3], "\(marthr.text)")
            #expect(candidate["children_at_risk"] as? [String] == ["CH3"] && (candidate["evidence"] as? [String])?.isEmpty == false)
        }
    }

    @Test func theSharedFiltersApply() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let kinds = try await analyst.get("/api/query/path?from=CH1&to=CH3&link_kinds=frequents")
            #expect(kinds.json["length"] as? Int == -1, "\(kinds.text)")
            // Only the dated link to the takeaway is seen in March 2026.
            let dated = try await analyst.get("/api/query/cross-border?since=2026-03-01&until=2026-03-31")
            #expect((dated.json["links"] as? [[String: Any]])?.compactMap { $0["label"] as? String } == ["cross_force"], "\(dated.text)")
            let graded = try await analyst.get("/api/query/marthr?min_grade=1A")
            #expect(ids(graded.json["candidates"]) == ["AD3"], "\(graded.text)")
            let entityKinds = try await analyst.get("/api/query/network/CH1?entity_kinds=child,adult")
            #expect(!ids(entityKinds.json["entities"]).contains("LO1"), "\(entityKinds.text)")
        }
    }

    /// A bad parameter answers 400 with words naming it.
    @Test(arguments: [
        ("/api/query/path?from=CH1", "to"),
        ("/api/query/path?to=CH1", "from"),
        ("/api/query/path?from=CH1&to=CH3&limit=0", "limit"),
        ("/api/query/path?from=CH1&to=CH3&since=2026-13-01", "since"),
        ("/api/query/path?from=CH1&to=CH3&until=soon", "until"),
        ("/api/query/path?from=CH1&to=CH3&as_of=yesterday", "as_of"),
        ("/api/query/path?from=CH1&to=CH3&since=2026-03-01&until=2026-01-01", "since"),
        ("/api/query/path?from=CH1&to=CH3&min_grade=9Z", "min_grade"),
        ("/api/query/path?from=CH1&to=CH3&link_kinds=knows_of", "link_kinds"),
        ("/api/query/path?from=CH1&to=CH3&entity_kinds=dragon", "entity_kinds"),
        ("/api/query/path?from=CH1&to=CH3&include_suspected_false=perhaps", "include_suspected_false"),
        ("/api/query/common?a=CH1", "b"),
        ("/api/query/network/CH1?limit=many", "limit"),
        ("/api/query/colocation?window_hours=-1", "window_hours"),
        ("/api/query/key-players?area=atlantis", "area"),
        ("/api/query/key-players?top=0", "top"),
        ("/api/query/communities?min_size=0", "min_size"),
        ("/api/query/cross-border?hops=9", "hops"),
        ("/api/query/marthr?top=all", "top"),
    ])
    func aBadParameterIsNamed(_ uri: String, _ parameter: String) async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let response = try await analyst.get(uri)
            #expect(response.status == .badRequest, "\(uri): \(response.status) \(response.text)")
            let message = try #require(response.json["error"] as? String, "\(uri): \(response.text)")
            #expect(message.range(of: "\\b\(parameter)\\b", options: .regularExpression) != nil, "\(uri): \(message)")
        }
    }

    @Test func anUnknownIdAnswersAsTheOtherRoutesDo() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let missing = try await analyst.get("/api/entities/CH404")
            #expect(missing.status == .notFound)
            for uri in ["/api/query/path?from=CH404&to=CH1", "/api/query/path?from=CH1&to=CH404", "/api/query/common?a=CH1&b=CH404",
                        "/api/query/network/CH404", "/api/query/colocation?at=CH404", "/api/query/cross-border?from=CH404"] {
                let response = try await analyst.get(uri)
                #expect(response.status == .notFound && response.text == missing.text, "\(uri): \(response.status) \(response.text)")
            }
        }
    }

    @Test func aReasonIsAskedFirst() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst", reason: nil))
            let response = try await analyst.get("/api/query/marthr")
            #expect(response.status == .preconditionRequired, "\(response.status) \(response.text)")
        }
    }

    @Test func everyVerbWritesItsAuditRow() async throws {
        let fixture = try ServerFixture(crossBorder: true)
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst", reason: "preparing the MARTHR meeting"))
            for (uri, verb) in [("/api/query/path?from=CH1&to=CH3", "path"), ("/api/query/common?a=CH1&b=AD3", "common"),
                                ("/api/query/network/CH1", "network"), ("/api/query/colocation", "co-location"),
                                ("/api/query/key-players", "key-players"), ("/api/query/communities", "communities"),
                                ("/api/query/cross-border?from=CH1", "cross-border"), ("/api/query/marthr", "marthr")] {
                let before = try fixture.store.auditEntries(limit: 100_000).count
                let response = try await analyst.get(uri)
                #expect(response.status == .ok, "\(uri): \(response.text)")
                #expect(try fixture.store.auditEntries(limit: 100_000).count == before + 1, "\(uri)")
                let newest = try #require(try fixture.store.auditEntries(limit: 1).first)
                #expect(newest.operation == "consultation" && newest.actor == "analyst", "\(uri)")
                #expect(newest.records.contains(#""query":"\#(verb)""#), "\(uri): \(newest.records)")
                #expect(newest.justification.contains("preparing the MARTHR meeting"), "\(uri): \(newest.justification)")
            }
            #expect(try fixture.store.verifyAuditLog().isIntact)
        }
    }

    /// The ids of a JSON array of objects.
    func ids(_ json: Any?) -> [String] {
        (json as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
}
