import GraphCore
import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every role × every route × a record the role may see and one it may not. Deny by
/// default: anything not listed as allowed must be refused.
struct AccessMatrixTests {
    /// A route, the record it reaches that every allowed role may see, and one a panel
    /// member may not (nil when the route has no record).
    struct Route: CustomStringConvertible {
        let visible: String
        let hidden: String?
        /// The roles allowed at all.
        let allowed: Set<String>
        var description: String { visible }
    }

    static let police: Set<String> = ["analyst", "ccset_coordinator", "marthr_chair"]
    static let routes: [Route] = [
        Route(visible: "/api/me", hidden: nil, allowed: Set(Role.allCases.map(\.rawValue))),
        Route(visible: "/api/entities/CH1", hidden: "/api/entities/CH2", allowed: police.union(["panel_member"])),
        Route(visible: "/api/intel/IN1", hidden: "/api/intel/INC", allowed: police.union(["panel_member"])),
        Route(visible: "/api/associations/CH1", hidden: "/api/associations/CH2", allowed: police),
        Route(visible: "/api/maps/CH1", hidden: "/api/maps/CH2", allowed: police.union(["panel_member"])),
        Route(visible: "/api/maps/CH1?audience=analyst", hidden: nil, allowed: police),
        Route(visible: "/api/cases", hidden: nil, allowed: police),
        Route(visible: "/api/cases/CASE-000001", hidden: "/api/cases/CASE-000002", allowed: police.union(["panel_member"])),
        Route(visible: "/api/panels", hidden: nil, allowed: ["ccset_coordinator", "marthr_chair", "panel_member"]),
        Route(visible: "/api/panels/PANEL-000001", hidden: nil, allowed: ["ccset_coordinator", "marthr_chair", "panel_member"]),
        Route(visible: "/api/marthr", hidden: nil, allowed: police),
        Route(visible: "/api/marthr/MARTHR-000001", hidden: nil, allowed: police),
        Route(visible: "/api/disruptions", hidden: nil, allowed: police),
        Route(visible: "/api/overdue", hidden: nil, allowed: ["ccset_coordinator", "marthr_chair"]),
        Route(visible: "/api/reports/quarterly?area=E08000012&quarter=2026Q1", hidden: nil, allowed: police),
        Route(visible: "/api/reports/quarterly/charts/referrals_by_agency.svg?area=E08000012&quarter=2026Q1", hidden: nil, allowed: police),
        Route(visible: "/api/audit", hidden: nil, allowed: ["auditor"]),
        Route(visible: "/api/query/path?from=CH1&to=AD1", hidden: "/api/query/path?from=CH2&to=AD1", allowed: police),
        Route(visible: "/api/query/common?a=CH1&b=AD1", hidden: "/api/query/common?a=CH2&b=AD1", allowed: police),
        Route(visible: "/api/query/network/CH1", hidden: "/api/query/network/CH2", allowed: police),
        Route(visible: "/api/query/colocation?window_hours=24", hidden: nil, allowed: police),
        Route(visible: "/api/query/key-players?area=E08000012", hidden: nil, allowed: police),
        Route(visible: "/api/query/communities", hidden: nil, allowed: police),
        Route(visible: "/api/query/cross-border?from=CH1", hidden: "/api/query/cross-border?from=CH2", allowed: police),
        Route(visible: "/api/query/marthr", hidden: nil, allowed: police),
        Route(visible: "/api/export?format=graphml&root=CH1", hidden: nil, allowed: police),
        Route(visible: "/api/export?format=jsonl", hidden: nil, allowed: ["analyst"]),
        Route(visible: "/api/stats", hidden: nil, allowed: police),
        Route(visible: "/api/referrals?area=E08000012", hidden: nil, allowed: police),
        Route(visible: "/api/transitions", hidden: nil, allowed: police),
        Route(visible: "/api/alerts?status=all", hidden: nil, allowed: police),
        Route(visible: "/api/flags/CH1", hidden: "/api/flags/CH2", allowed: police),
        Route(visible: "/api/settings?area=E08000012", hidden: nil, allowed: ["admin", "ccset_coordinator", "marthr_chair"]),
    ]

    @Test func everyRoleOnEveryRoute() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            for route in Self.routes {
                let signedOut = try await client.executeRequest(uri: route.visible, method: .get, headers: [:], body: nil)
                #expect(signedOut.status == .unauthorized, "signed out: \(route)")
            }
            for username in Role.allCases.map(\.rawValue) + ["wirral_member"] {
                let session = try #require(try await SignedIn.signIn(client, as: username))
                let role = username == "wirral_member" ? "panel_member" : username
                for route in Self.routes {
                    let response = try await session.get(route.visible)
                    var expected: HTTPResponse.Status = route.allowed.contains(role) ? .ok : .forbidden
                    // The Wirral panel member sits on no Liverpool panel: every Liverpool record
                    // is hidden from them, so it answers as missing, before any other refusal.
                    let isRecord = route.visible.hasPrefix("/api/entities/") || route.visible.hasPrefix("/api/maps/") || route.visible.hasPrefix("/api/intel/")
                        || route.visible.hasPrefix("/api/cases/") || route.visible.hasPrefix("/api/panels/")
                    if username == "wirral_member", isRecord, route.allowed.contains("panel_member") || route.visible.hasPrefix("/api/maps") {
                        expected = .notFound
                    }
                    #expect(response.status == expected, "\(username) \(route.visible): \(response.status) \(response.text.prefix(120))")
                    #expect(response.headers[.cacheControl] == "no-store", "\(username) \(route.visible)")
                    guard let hidden = route.hidden else { continue }
                    let hiddenResponse = try await session.get(hidden)
                    let hiddenExpected: HTTPResponse.Status = !route.allowed.contains(role) ? .forbidden
                        : role == "panel_member" ? .notFound : .ok
                    #expect(hiddenResponse.status == hiddenExpected, "\(username) \(hidden): \(hiddenResponse.status)")
                }
            }
        }
    }

    @Test func searchIsForThePoliceRolesAndPanelMembers() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            for role in Role.allCases.map(\.rawValue) {
                let session = try #require(try await SignedIn.signIn(client, as: role))
                let answer = try await session.send(.post, "/api/search", json: #"{"q": "child"}"#)
                let expected: HTTPResponse.Status = Self.police.union(["panel_member"]).contains(role) ? .ok : .forbidden
                #expect(answer.status == expected, "\(role): \(answer.status)")
            }
        }
    }

    @Test func aPanelMembersSearchDependsOnlyOnTheirChildren() async throws {
        // A hidden child's name alone matches "Zq": the full-text search finds nothing the
        // member may see, and the substring match must run over their children too.
        let fixture = try ServerFixture(extraLines: [
            #"{"record":"entity","id":"CH7","kind":"child","name":"Zqhidden Sample","area":"E08000012"}"#,
        ])
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            for text in ["Zqhidden", "qhidd", "Visible", "isibl"] {
                let answer = try await member.send(.post, "/api/search", json: #"{"q": "\#(text)"}"#)
                let ids = (answer.json["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                #expect(answer.status == .ok && ids == (text.lowercased().contains("isib") ? ["CH1"] : []), "\(text): \(answer.text)")
                let audit = try #require(try fixture.store.auditEntries(limit: 1).first)
                #expect(!audit.records.contains("CH7"), "the audit row names a hit the member was not shown")
            }
        }
    }

    @Test func aHiddenRecordAnswersExactlyAsAMissingOne() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            for (hidden, missing) in [("/api/entities/CH2", "/api/entities/CH404"), ("/api/maps/CH2", "/api/maps/CH404"),
                                      ("/api/cases/CASE-000002", "/api/cases/CASE-404404")] {
                let a = try await member.get(hidden), b = try await member.get(missing)
                #expect(a.status == b.status && a.text == b.text, "\(hidden): \(a.status) \(a.text) vs \(b.status) \(b.text)")
            }
            let search = try await member.send(.post, "/api/search", json: #"{"q": "child"}"#)
            let ids = (search.json["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(ids == ["CH1"], "\(search.text)")
        }
    }

    @Test func handlingCodeCAndOtherChildrenStayOffAPanelMembersPages() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let full = try await analyst.get("/api/entities/CH1").text
            #expect(full.contains("INC") && full.contains("AD2") && full.contains("CH2"))
            let page = try await member.get("/api/entities/CH1").text
            #expect(page.contains("AD1") && page.contains("IN1"))
            for canary in ["INC", "CANARY", "AD2", "CH2", "Hidden Child"] {
                #expect(!page.contains(canary), "\(canary) on a panel member's page")
            }
            let map = try await member.get("/api/maps/CH1").text
            #expect(map.hasPrefix("<?xml") || map.contains("<svg"))
            for canary in ["AD2", "Known Only Through C", "Hidden Child"] {
                #expect(!map.contains(canary), "\(canary) on a panel member's map")
            }
        }
    }

    @Test func aPanelMembersMapDoesNotGoThroughAChildOffTheirAgendas() async throws {
        // AD8 is reached from CH1 only through CH2, who is on no agenda.
        let fixture = try ServerFixture(extraLines: [
            #"{"record":"entity","id":"AD8","kind":"adult","name":"Adult Reached Through The Other Child","area":"E08000012"}"#,
            #"{"record":"link","from":"AD8","to":"CH2","kind":"associates_with","intel":["IN1"]}"#,
        ])
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let full = try await analyst.get("/api/maps/CH1?hops=2&audience=panel").text
            #expect(full.contains("Reached Through"), "the analyst's panel map should reach AD8")
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let map = try await member.get("/api/maps/CH1?hops=2")
            #expect(map.status == .ok && map.text.contains("<svg"))
            #expect(!map.text.contains("Reached Through") && !map.text.contains("AD8"), "drawn through a child off the agendas")
            let disclosed = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(disclosed.operation == "disclosure" && !disclosed.records.contains("AD8") && !disclosed.records.contains("CH2"))
        }
    }

    @Test func readsAndDisclosuresAreAudited() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let before = try fixture.store.auditEntries(limit: 100_000).count
            _ = try await analyst.get("/api/entities/CH1")
            var newest = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(newest.operation == "consultation" && newest.actor == "analyst")
            _ = try await analyst.get("/api/maps/CH1?audience=police")
            newest = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(newest.operation == "disclosure" && newest.records.contains("\"audience\":\"police\""))
            #expect(try fixture.store.auditEntries(limit: 100_000).count == before + 2)
            #expect(try fixture.store.verifyAuditChain().isIntact)
        }
    }
}
