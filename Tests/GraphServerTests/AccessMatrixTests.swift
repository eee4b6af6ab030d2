import GraphCore
import Foundation
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every account (each role, and accounts scoped to other areas and panels) × every
/// route × records it may and may not see. Deny by default: anything not listed as allowed
/// must be refused, and a record outside the account's need-to-know answers as a missing one.
struct AccessMatrixTests {
    /// The records the routes reach, and so who may see them.
    enum Record {
        /// Nothing personal: a list, a count, a search over what the account may see.
        case none
        /// CH1, a Liverpool child on the Liverpool panel's agenda, or its case, map, report.
        case agendaChild
        /// CH2, a Liverpool child on no agenda, or its case.
        case otherChild
        /// AD2, a Liverpool adult known only through handling-code-C intelligence, or INC.
        case codeC
        /// The Liverpool panel.
        case liverpoolPanel
        /// Liverpool's quarterly figures: an area outside scope answers as an unknown one.
        case liverpoolFigures
    }

    /// A route, the record it reaches and the roles allowed at all.
    struct Route: CustomStringConvertible {
        let path: String
        let record: Record
        let allowed: Set<String>
        var description: String { path }
    }

    /// The accounts of ``ServerFixture`` and their roles.
    static let accounts: [String: String] = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0.rawValue, $0.rawValue) })
        .merging(["wirral_member": "panel_member", "sefton_coordinator": "maccse_coordinator", "wirral_analyst": "analyst"]) { $1 }

    static func roles(_ permission: Permission) -> Set<String> { Set(Role.holding(permission).map(\.rawValue)) }

    static let police: Set<String> = ["analyst", "ccset_coordinator", "marthr_chair"]
    static let readers: Set<String> = police.union(["maccse_coordinator", "panel_member"])
    static let caseWorkers: Set<String> = police.union(["maccse_coordinator"])
    static let panelReaders: Set<String> = ["ccset_coordinator", "marthr_chair", "maccse_coordinator", "panel_member"]

    static let routes: [Route] = [
        Route(path: "/api/me", record: .none, allowed: Set(Role.allCases.map(\.rawValue))),
        Route(path: "/api/entities/CH1", record: .agendaChild, allowed: readers),
        Route(path: "/api/entities/CH2", record: .otherChild, allowed: readers),
        Route(path: "/api/entities/AD2", record: .codeC, allowed: readers),
        Route(path: "/api/intel/IN1", record: .agendaChild, allowed: readers),
        Route(path: "/api/intel/INC", record: .codeC, allowed: readers),
        Route(path: "/api/associations/CH1", record: .agendaChild, allowed: police),
        Route(path: "/api/associations/CH2", record: .otherChild, allowed: police),
        Route(path: "/api/maps/CH1", record: .agendaChild, allowed: readers),
        Route(path: "/api/maps/CH2", record: .otherChild, allowed: readers),
        Route(path: "/api/maps/AD2?audience=police", record: .codeC, allowed: readers),
        Route(path: "/api/maps/CH1?audience=analyst", record: .agendaChild, allowed: police),
        Route(path: "/api/cases", record: .none, allowed: caseWorkers),
        Route(path: "/api/cases/CASE-000001", record: .agendaChild, allowed: readers),
        Route(path: "/api/cases/CASE-000002", record: .otherChild, allowed: readers),
        Route(path: "/api/assessments/ASMT-000001", record: .agendaChild, allowed: roles(.readAssessment)),
        Route(path: "/api/panels", record: .none, allowed: panelReaders),
        Route(path: "/api/panels/PANEL-000001", record: .liverpoolPanel, allowed: panelReaders),
        Route(path: "/api/marthr", record: .none, allowed: police),
        Route(path: "/api/marthr/MARTHR-000001", record: .none, allowed: police),
        Route(path: "/api/disruptions", record: .none, allowed: police),
        Route(path: "/api/overdue", record: .none, allowed: caseWorkers),
        Route(path: "/api/main-list", record: .none, allowed: caseWorkers),
        Route(path: "/api/missing", record: .none, allowed: caseWorkers),
        Route(path: "/api/missing?child=CH1", record: .agendaChild, allowed: caseWorkers),
        Route(path: "/api/missing?child=CH2", record: .otherChild, allowed: caseWorkers),
        Route(path: "/api/notifications", record: .none, allowed: caseWorkers),
        Route(path: "/api/notifications?child=CH1", record: .agendaChild, allowed: caseWorkers),
        Route(path: "/api/notifications?child=CH2", record: .otherChild, allowed: caseWorkers),
        Route(path: "/api/placements?child=CH1", record: .agendaChild, allowed: caseWorkers),
        Route(path: "/api/placements?child=CH2", record: .otherChild, allowed: caseWorkers),
        Route(path: "/api/panels/PANEL-000001/trends", record: .liverpoolPanel, allowed: roles(.runPanels)),
        Route(path: "/api/panels/PANEL-000001/pack", record: .liverpoolPanel, allowed: panelReaders),
        Route(path: "/api/main-list?format=csv", record: .none, allowed: caseWorkers),
        Route(path: "/api/reports/quarterly?area=E08000012&quarter=2026Q1", record: .liverpoolFigures, allowed: caseWorkers),
        Route(path: "/api/reports/quarterly/charts/referrals_by_agency.svg?area=E08000012&quarter=2026Q1", record: .liverpoolFigures,
              allowed: caseWorkers),
        Route(path: "/api/audit", record: .none, allowed: ["auditor"]),
        Route(path: "/api/audit?actor=analyst&operation=consultation&limit=5", record: .none, allowed: ["auditor"]),
        Route(path: "/api/audit?format=csv&record=CH1", record: .none, allowed: ["auditor"]),
        Route(path: "/api/query/path?from=CH1&to=AD1", record: .agendaChild, allowed: police),
        Route(path: "/api/query/path?from=CH2&to=AD1", record: .otherChild, allowed: police),
        Route(path: "/api/query/common?a=CH1&b=AD1", record: .agendaChild, allowed: police),
        Route(path: "/api/query/network/CH1", record: .agendaChild, allowed: police),
        Route(path: "/api/query/network/CH2", record: .otherChild, allowed: police),
        Route(path: "/api/query/colocation?window_hours=24", record: .none, allowed: police),
        Route(path: "/api/query/key-players?area=E08000012", record: .none, allowed: police),
        Route(path: "/api/query/communities", record: .none, allowed: police),
        Route(path: "/api/query/cross-border?from=CH1", record: .agendaChild, allowed: police),
        Route(path: "/api/query/marthr", record: .none, allowed: police),
        Route(path: "/api/export?format=graphml&root=CH1", record: .agendaChild, allowed: police),
        Route(path: "/api/referrals?area=E08000012", record: .none, allowed: caseWorkers),
        Route(path: "/api/transitions", record: .none, allowed: caseWorkers),
        Route(path: "/api/alerts?status=all", record: .none, allowed: police),
        Route(path: "/api/flags/CH1", record: .agendaChild, allowed: police),
        Route(path: "/api/flags/CH2", record: .otherChild, allowed: police),
        Route(path: "/api/settings?area=E08000012", record: .none, allowed: ["admin", "ccset_coordinator", "marthr_chair", "maccse_coordinator"]),
        // Timelines and downloads (issue 21).
        Route(path: "/api/timeline/CH1", record: .agendaChild, allowed: readers),
        Route(path: "/api/timeline/CH2", record: .otherChild, allowed: readers),
        Route(path: "/api/timeline/AD2", record: .codeC, allowed: readers),
        Route(path: "/api/timeline/CH1?format=csv&kinds=intelligence,case", record: .agendaChild, allowed: readers),
        Route(path: "/api/timeline/CH2?format=csv", record: .otherChild, allowed: readers),
        Route(path: "/api/maps/CH1?format=pdf&download=1", record: .agendaChild, allowed: readers),
        Route(path: "/api/maps/CH2?format=png&download=1", record: .otherChild, allowed: readers),
        Route(path: "/api/export?format=gexf&root=CH1&hops=1", record: .agendaChild, allowed: police),
        // The map page's arrangements and its other maps (issue 21, item 1).
        Route(path: "/api/maps/CH1?expand=AD1&hide=CH2&pin=AD1&group=community", record: .agendaChild, allowed: readers),
        Route(path: "/api/maps/CH1?view=cross_border&audience=police", record: .agendaChild, allowed: police),
        Route(path: "/api/maps/CH1?view=path&to=AD1&audience=police", record: .agendaChild, allowed: police),
        Route(path: "/api/maps/CH1?view=marthr&audience=police", record: .agendaChild, allowed: police),
        Route(path: "/api/export?format=graphml&root=CH1&hops=1&group=area&hide=AD1", record: .agendaChild, allowed: police),
        Route(path: "/api/export?format=anx&root=CH2&hops=1&audience=police", record: .otherChild, allowed: police),
        Route(path: "/api/cases?format=csv", record: .none, allowed: caseWorkers),
        Route(path: "/api/panels?format=csv", record: .none, allowed: panelReaders),
        Route(path: "/api/referrals?area=E08000012&format=csv", record: .none, allowed: caseWorkers),
        Route(path: "/api/disruptions?format=csv", record: .none, allowed: police),
        Route(path: "/api/query/cross-border?from=CH1&format=csv", record: .agendaChild, allowed: police),
        Route(path: "/api/query/cross-border?from=CH2&format=csv", record: .otherChild, allowed: police),
        Route(path: "/api/query/marthr?format=csv", record: .none, allowed: police),
    ]

    /// Whether `account` may see `record`: the police covering the whole picture see every
    /// record; Liverpool's MACCSE coordinator Liverpool's children and panel, but nothing
    /// resting only on code-C intelligence nor any adult's page; the Liverpool panel member
    /// only their agenda child and their panel; the accounts scoped to Sefton, Wirral, or
    /// Wirral's panel, none of these Liverpool records.
    static func sees(_ account: String, _ record: Record) -> Bool {
        switch record {
        case .none: true
        case .agendaChild: !["wirral_member", "sefton_coordinator", "wirral_analyst"].contains(account)
        case .otherChild: police.contains(account) || account == "maccse_coordinator"
        case .codeC: police.contains(account)
        case .liverpoolPanel: ["ccset_coordinator", "marthr_chair", "maccse_coordinator", "panel_member"].contains(account)
        case .liverpoolFigures: police.contains(account) || account == "maccse_coordinator"
        }
    }

    /// Two routes need more than their record: whole-store exports and counts are for
    /// accounts covering the whole picture.
    static let wholePictureRoutes: [(path: String, allowed: Set<String>)] = [
        ("/api/export?format=jsonl", ["analyst"]), ("/api/stats", police),
    ]

    @Test func everyAccountOnEveryRoute() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            for route in Self.routes {
                let signedOut = try await client.executeRequest(uri: route.path, method: .get, headers: [:], body: nil)
                #expect(signedOut.status == .unauthorized, "signed out: \(route)")
            }
            for (account, role) in Self.accounts.sorted(by: { $0.key < $1.key }) {
                let session = try #require(try await SignedIn.signIn(client, as: account))
                for route in Self.routes {
                    let response = try await session.get(route.path)
                    // A map's record is checked before its parameters (the audience), so a
                    // hidden record answers as a missing one whatever the request asks.
                    let recordFirst = route.path.hasPrefix("/api/maps/") && Self.readers.contains(role) && !Self.sees(account, route.record)
                    let expected: HTTPResponse.Status = recordFirst ? .notFound : !route.allowed.contains(role) ? .forbidden
                        : Self.sees(account, route.record) ? .ok
                        : route.record == .liverpoolFigures ? .badRequest : .notFound
                    #expect(response.status == expected, "\(account) \(route.path): \(response.status) \(response.text.prefix(120))")
                    #expect(response.headers[.cacheControl] == "no-store", "\(account) \(route.path)")
                }
                for (path, allowed) in Self.wholePictureRoutes {
                    let response = try await session.get(path)
                    #expect(response.status == (allowed.contains(account) ? .ok : .forbidden), "\(account) \(path): \(response.status)")
                }
            }
        }
    }

    /// A hidden record answers exactly as a missing one, for every account that may not
    /// see it: the same status and the same bytes.
    @Test func everyHiddenRecordAnswersAsAMissingOne() async throws {
        let fixture = try ServerFixture()
        let pairs: [(hidden: String, missing: String, record: Record)] = [
            ("/api/entities/CH1", "/api/entities/CH404", .agendaChild), ("/api/entities/CH2", "/api/entities/CH404", .otherChild),
            ("/api/entities/AD2", "/api/entities/AD404", .codeC), ("/api/intel/INC", "/api/intel/IN404", .codeC),
            ("/api/intel/IN1", "/api/intel/IN404", .agendaChild), ("/api/maps/CH2", "/api/maps/CH404", .otherChild),
            ("/api/cases/CASE-000002", "/api/cases/CASE-404404", .otherChild),
            ("/api/cases/CASE-000001", "/api/cases/CASE-404404", .agendaChild),
            ("/api/panels/PANEL-000001", "/api/panels/PANEL-404404", .liverpoolPanel),
            ("/api/panels/PANEL-000001/pack", "/api/panels/PANEL-404404/pack", .liverpoolPanel),
            ("/api/timeline/CH1", "/api/timeline/CH404", .agendaChild), ("/api/timeline/CH2", "/api/timeline/CH404", .otherChild),
            ("/api/timeline/AD2", "/api/timeline/AD404", .codeC),
            ("/api/timeline/CH2?format=csv", "/api/timeline/CH404?format=csv", .otherChild),
        ]
        try await fixture.application.test(.router) { client in
            for (account, role) in Self.accounts.sorted(by: { $0.key < $1.key }) where Self.readers.union(Self.panelReaders).contains(role) {
                let session = try #require(try await SignedIn.signIn(client, as: account))
                for pair in pairs where !Self.sees(account, pair.record) {
                    let a = try await session.get(pair.hidden), b = try await session.get(pair.missing)
                    #expect(a.status == b.status && a.text == b.text, "\(account) \(pair.hidden): \(a.status) \(a.text) vs \(b.status) \(b.text)")
                }
            }
        }
    }

    /// Every refusal for need-to-know is in the audit log, with who asked for what; the
    /// answer is the missing record's.
    @Test func refusalsAreAudited() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            for path in ["/api/entities/CH2", "/api/intel/INC", "/api/maps/CH2", "/api/cases/CASE-000002"] {
                #expect(try await member.get(path).status == .notFound)
                let row = try #require(try fixture.store.auditEntries(limit: 1, refusedOnly: true).first)
                #expect(row.actor == "panel_member" && row.records.contains("\"refused\":true"), "\(path): \(row.records)")
                let asked = String(path.split(separator: "/").last!)
                #expect(row.records.contains(asked), "\(path): \(row.records)")
            }
            // A missing record is audited too, but not as a refusal.
            let refusals = try fixture.store.auditEntries(limit: 100, refusedOnly: true).count
            #expect(try await member.get("/api/entities/CH404").status == .notFound)
            #expect(try fixture.store.auditEntries(limit: 100, refusedOnly: true).count == refusals)
            #expect(try fixture.store.auditEntries(limit: 1).first?.records.contains("\"found\":false") == true)
            #expect(try fixture.store.verifyAuditLog().isIntact)
        }
    }

    @Test func searchFindsOnlyWhatEachAccountMayOpen() async throws {
        let fixture = try ServerFixture()
        // What "child" and "adult" find for each account: the police covering the whole
        // picture everything; Liverpool's coordinator Liverpool's children; a panel member
        // their agenda child; accounts scoped elsewhere nothing in Liverpool.
        let finds: [String: Set<String>] = [
            "analyst": ["CH1", "CH2", "AD1", "AD2"], "ccset_coordinator": ["CH1", "CH2", "AD1", "AD2"],
            "marthr_chair": ["CH1", "CH2", "AD1", "AD2"], "maccse_coordinator": ["CH1", "CH2"], "panel_member": ["CH1"],
            "wirral_member": [], "sefton_coordinator": [], "wirral_analyst": [],
        ]
        try await fixture.application.test(.router) { client in
            for (account, role) in Self.accounts.sorted(by: { $0.key < $1.key }) {
                let session = try #require(try await SignedIn.signIn(client, as: account))
                var found = Set<String>()
                for text in ["child", "adult"] {
                    let answer = try await session.send(.post, "/api/search", json: #"{"q": "\#(text)"}"#)
                    #expect(answer.status == (Self.readers.contains(role) ? .ok : .forbidden), "\(account): \(answer.status)")
                    found.formUnion((answer.json["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? [])
                }
                #expect(found == (finds[account] ?? []), "\(account) found \(found.sorted())")
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

    @Test func aPanelMembersSearchSeesOnlyTheirChild() async throws {
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

    /// AD2 is known only through a code-C report: the police may map it for themselves, but
    /// a panel audience's map of it would tell the panel of it, so there is none.
    @Test func noPanelMapOfWhatOnlyCodeCTellsOf() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            #expect(try await analyst.get("/api/maps/AD2?audience=police").status == .ok)
            let panel = try await analyst.get("/api/maps/AD2?audience=panel")
            #expect(panel.status == .badRequest && panel.text.contains("only handling-code-C intelligence tells of AD2"), "\(panel.text)")
            let export = try await analyst.get("/api/export?format=graphml&root=AD2&audience=panel")
            #expect(export.status == .badRequest && !export.text.contains("Known Only Through C"))
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
            #expect(try fixture.store.verifyAuditLog().isIntact)
        }
    }
}
