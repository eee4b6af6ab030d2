import CaseWorkflow
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Downloads (issue 21): maps as SVG, PDF and PNG, networks as GraphML, GEXF and ANX, lists
/// as CSV. Each parses as its format, comes as an attachment with a file name, holds what
/// the page that links it shows for the same audience, and writes its `disclosure` audit row
/// naming its recipient before it leaves.
struct DownloadTests {
    /// A download, its content type and file name's ending, and how its bytes are checked.
    struct Case: CustomStringConvertible, Sendable {
        enum Check: Sendable { case xml, pdf, png, csv(header: String) }
        let uri: String
        let type: String
        let ext: String
        let check: Check
        var description: String { uri }
    }

    static let cases: [Case] = [
        Case(uri: "/api/maps/CH1?hops=2&audience=police&format=svg&download=1", type: "image/svg+xml; charset=utf-8", ext: "svg", check: .xml),
        Case(uri: "/api/maps/CH1?hops=1&audience=panel&format=pdf&download=1", type: "application/pdf", ext: "pdf", check: .pdf),
        Case(uri: "/api/maps/CH1?hops=1&audience=analyst&format=png&download=1", type: "image/png", ext: "png", check: .png),
        Case(uri: "/api/export?format=graphml&root=CH1&hops=2&audience=police", type: "application/graphml+xml; charset=utf-8", ext: "graphml",
             check: .xml),
        Case(uri: "/api/export?format=gexf&root=CH1&hops=1&audience=panel", type: "application/gexf+xml; charset=utf-8", ext: "gexf", check: .xml),
        Case(uri: "/api/export?format=anx&root=CH1&hops=1&audience=analyst", type: "application/xml; charset=utf-8", ext: "anx", check: .xml),
        Case(uri: "/api/timeline/CH1?format=csv", type: "text/csv; charset=utf-8", ext: "csv", check: .csv(header: "on,kind,title,detail,record,ref")),
        Case(uri: "/api/cases?format=csv", type: "text/csv; charset=utf-8", ext: "csv",
             check: .csv(header: "ref,status,area,child_ref,concern,opened_on,review_on,closed_on,closure")),
        Case(uri: "/api/referrals?format=csv&from=2020-01-01", type: "text/csv; charset=utf-8", ext: "csv",
             check: .csv(header: "ref,received_on,area,agency,child_ref,concern,outcome,screened_on,immediate_risk,is_repeat,case_ref")),
        Case(uri: "/api/panels?format=csv", type: "text/csv; charset=utf-8", ext: "csv",
             check: .csv(header: "ref,area,held_on,starts_at,agenda_due_on,agenda_sent_on,status")),
        Case(uri: "/api/disruptions?format=csv", type: "text/csv; charset=utf-8", ext: "csv", check: .csv(header: "ref,tool,state,subject_ref")),
        Case(uri: "/api/query/marthr?format=csv", type: "text/csv; charset=utf-8", ext: "csv", check: .csv(header: "id,kind,label,area,score")),
        Case(uri: "/api/query/cross-border?format=csv", type: "text/csv; charset=utf-8", ext: "csv",
             check: .csv(header: "from,from_area,kind,to,to_area,label")),
        Case(uri: "/api/main-list?format=csv", type: "text/csv; charset=utf-8", ext: "csv", check: .csv(header: "case,area,child,child_name")),
    ]

    static func isWellFormedXML(_ data: Data) -> Bool {
        #if canImport(FoundationXML)
        FoundationXML.XMLParser(data: data).parse()
        #else
        XMLParser(data: data).parse()
        #endif
    }

    /// The fixture with a notice against AD1 protecting CH1, so that the register's CSV has
    /// a row, and the cross-border records.
    static func fixture() throws -> ServerFixture {
        let fixture = try ServerFixture(crossBorder: true)
        _ = try fixture.services.workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cawn, servedOn: .today.adding(days: -3),
                                                                 expiresOn: .today.adding(days: 300), child: "CH1"), by: ServerFixture.viewer)
        return fixture
    }

    @Test(arguments: cases)
    func eachDownloadParsesAndIsAuditedAsADisclosure(_ download: Case) async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            // The CCSET coordinator reads every list (the analyst has no panels).
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let response = try await coordinator.get(download.uri)
            #expect(response.status == .ok, "\(download): \(response.text.prefix(200))")
            #expect(response.headers[.contentType] == download.type)
            let disposition = try #require(response.headers[.contentDisposition])
            #expect(disposition.hasPrefix("attachment; filename=\"") && disposition.hasSuffix(".\(download.ext)\""), "\(disposition)")
            let data = Data(buffer: response.body)
            switch download.check {
            case .xml: #expect(Self.isWellFormedXML(data), "not well-formed XML: \(response.text.prefix(200))")
            case .pdf: #expect(data.starts(with: Array("%PDF-".utf8)))
            case .png: #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            case .csv(let header):
                let lines = response.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.first?.hasPrefix(header) == true, "\(lines.first ?? "")")
                #expect(lines.count >= 2, "a header and at least one row: \(response.text)")
                let columns = lines.first?.split(separator: ",").count ?? 0
                #expect(lines.dropFirst().allSatisfy { CSVReaderCheck.fields($0) == columns }, "\(response.text)")
            }
            // The disclosure, to the account that took the file, is the newest row.
            let row = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(row.operation == "disclosure" && row.actor == "ccset_coordinator", "\(row.operation) \(row.records)")
            #expect(row.recipients.contains("ccset_coordinator"), "\(row.recipients)")
            #expect(try fixture.store.verifyAuditLog().isIntact)
        }
    }

    @Test func aRecipientNamedIsRecorded() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            for uri in ["/api/timeline/CH1?format=csv&recipient=Cheshire%20CE%20lead", "/api/maps/CH1?format=svg&download=1&recipient=Cheshire%20CE%20lead"] {
                #expect(try await analyst.get(uri).status == .ok)
                let row = try #require(try fixture.store.auditEntries(limit: 1).first)
                #expect(row.operation == "disclosure" && row.recipients.contains("Cheshire CE lead"), "\(uri): \(row.recipients)")
            }
        }
    }

    /// A panel member's map download is the map their page shows: the panel audience, the
    /// same bytes, no code-C link, no child off their agenda; another audience is refused.
    @Test func aPanelMembersMapDownloadIsRedactedAsTheirPage() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            let shown = try await member.get("/api/maps/CH1?hops=2&audience=panel")
            let kept = try await member.get("/api/maps/CH1?hops=2&audience=panel&format=svg&download=1")
            #expect(kept.status == .ok && kept.text == shown.text)
            #expect(kept.text.contains("audience: panel"))
            for canary in ["AD2", "Known Only Through C", "Hidden Child", "INC"] {
                #expect(!kept.text.contains(canary), "\(canary) in a panel member's download")
            }
            #expect(try await member.get("/api/maps/CH1?audience=police&format=svg&download=1").status == .forbidden)
            #expect(try await member.get("/api/export?format=graphml&root=CH1&audience=panel").status == .forbidden)
            let row = try #require(try fixture.store.auditEntries(limit: 3).first { $0.operation == "disclosure" })
            #expect(row.actor == "panel_member" && row.records.contains("\"audience\":\"panel\"") && !row.records.contains("AD2"))
            // The map page offers the map's downloads, not the network's.
            let page = try await PageTests.Browser.signIn(client, as: "panel_member").get("/maps/CH1")
            #expect(page.text.contains("format=pdf&amp;download=1") && !page.text.contains("/api/export"))
        }
    }

    /// A map page's downloads carry its filters, and the network exported honours them.
    @Test func theMapsDownloadsKeepItsFilters() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let browser = try await PageTests.Browser.signIn(client, as: "analyst")
            let page = try await browser.get("/maps/CH1?hops=1&audience=police&link_kinds=frequents")
            #expect(page.text.contains("/api/export?format=anx&amp;root=CH1&amp;hops=1&amp;audience=police&amp;link_kinds=frequents"), "\(page.text)")
            #expect(page.text.contains("/api/maps/CH1?hops=1&amp;audience=police&amp;link_kinds=frequents&amp;format=pdf&amp;download=1"))
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let all = try await analyst.get("/api/export?format=graphml&root=CH1&hops=1&audience=police")
            let frequents = try await analyst.get("/api/export?format=graphml&root=CH1&hops=1&audience=police&link_kinds=frequents")
            #expect(all.text.contains("AD1") && !frequents.text.contains("AD1"), "\(frequents.text)")
            let row = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(row.operation == "disclosure" && row.records.contains("frequents") && !row.records.contains("AD1"), "\(row.records)")
        }
    }

    /// The list pages link their CSV, with the page's own filters.
    @Test func listPagesLinkTheirCSV() async throws {
        let fixture = try Self.fixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try await PageTests.Browser.signIn(client, as: "ccset_coordinator")
            let links = [("/cases?area=E08000012&status=closed", "/api/cases?area=E08000012&amp;status=closed&amp;format=csv"),
                         ("/panels", "/api/panels?format=csv"), ("/referrals?from=2026-01-01", "/api/referrals?from=2026-01-01&amp;format=csv"),
                         ("/disruptions?show=in_force", "/api/disruptions?show=in_force&amp;format=csv"),
                         ("/marthr/candidates", "/api/query/marthr?top=50&amp;format=csv"),
                         ("/cross-border?from=CH1&hops=2", "/api/query/cross-border?from=CH1&amp;hops=2&amp;format=csv"),
                         ("/maps/CH1?hops=2&audience=police", "/api/export?format=anx&amp;root=CH1&amp;hops=2&amp;audience=police")]
            for (page, csv) in links {
                let text = try await coordinator.get(page).text
                #expect(text.contains("href=\"\(csv)\""), "\(page) does not link \(csv)")
            }
            // Search posts its text again for the CSV, so the name never sits in a URL.
            let search = try await coordinator.post("/search", ["q": "child", "csrf_token": coordinator.csrf])
            #expect(search.text.contains("action=\"/search.csv\""))
            let csv = try await coordinator.post("/search.csv", ["q": "child", "csrf_token": coordinator.csrf])
            #expect(csv.status == .ok && csv.headers[.contentDisposition] == "attachment; filename=\"search-results.csv\"")
            #expect(csv.text.hasPrefix("id,kind,label,area\r\n") && csv.text.contains("CH1,child,Visible Child"), "\(csv.text)")
            let row = try #require(try fixture.store.auditEntries(limit: 1).first)
            #expect(row.operation == "disclosure" && !row.records.contains("\"child\"") && row.records.contains("CH1"), "\(row.records)")
            #expect(try await coordinator.post("/search.csv", ["q": "child"]).status == .forbidden)
        }
    }
}

/// Counts a CSV line's fields (RFC 4180: quoted fields may hold commas).
enum CSVReaderCheck {
    static func fields(_ line: String) -> Int {
        var count = 1, quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { count += 1 }
        }
        return count
    }
}
