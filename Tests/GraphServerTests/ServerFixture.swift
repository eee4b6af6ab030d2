import CaseWorkflow
import Foundation
import GraphCore
import GraphServer
import GraphStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A service over a real SQLite file: a small synthetic picture, a Liverpool MACCSE panel
/// with CH1 on its agenda (CH2 on no agenda), a MARTHR meeting (MARTHR-000001) with no
/// nominations yet, and one account per role. Names are synthetic.
struct ServerFixture {
    /// The body of `POST /api/panels/{ref}/attendance` for the four partner agencies the
    /// default quorum needs, each signed.
    static let quorateAttendanceJSON = #"""
        {"attendees": [{"name": "P", "agency": "police", "signed_confidentiality": true},
                       {"name": "S", "agency": "childrens_services", "signed_confidentiality": true},
                       {"name": "H", "agency": "health", "signed_confidentiality": true},
                       {"name": "E", "agency": "education", "signed_confidentiality": true}]}
        """#

    /// Records the four partner agencies the default quorum needs at `panel`, so that it
    /// may transact business (seed 002: an inquorate panel transacts none).
    static func attendQuorately(_ panel: String, workflow: Workflow) throws {
        try workflow.recordAttendance(panel: panel, ["police", "childrens_services", "health", "education"].map {
            Attendee(name: "Synthetic \($0)", agency: $0, signedConfidentiality: true)
        }, by: viewer)
    }

    static let viewer = Viewer.commandLine(name: "test-setup", purpose: "automated test")
    static let password = "synthetic password 1"
    let store: Store
    let services: Services
    let directory: URL

    /// Records across borders, for the query tests: a Wirral adult (AD3) linked to AD1 in
    /// Liverpool and about whom a 1A report (IN3) is recorded; a Wirral child at risk (CH3)
    /// linked to AD3 and seen at a takeaway in Warrington (LO1, Cheshire Constabulary's area).
    static let crossBorderLines = [
        #"{"record":"entity","id":"CH3","kind":"child","name":"Synthetic Child Three","risk":"merseyside:3","area":"E08000015"}"#,
        #"{"record":"entity","id":"AD3","kind":"adult","name":"Synthetic Adult Three","area":"E08000015","of_concern":true}"#,
        #"{"record":"entity","id":"LO1","kind":"location","name":"Synthetic Takeaway","area":"E06000007"}"#,
        #"{"record":"intel","id":"IN3","date":"2026-03-01","source_evaluation":"1","intelligence_assessment":"A","handling_code":"P","text":"Synthetic report about AD3.","about":["AD3"],"harm_from":["AD3"]}"#,
        #"{"record":"link","from":"AD1","to":"AD3","kind":"associates_with","intel":["IN1"]}"#,
        #"{"record":"link","from":"AD3","to":"CH3","kind":"associates_with","intel":["IN3"]}"#,
        #"{"record":"link","from":"CH3","to":"LO1","kind":"frequents","first_seen":"2026-03-01","last_seen":"2026-03-02","intel":["IN3"]}"#,
    ]

    /// - Parameters:
    ///   - extraLines: more records for the picture, for a test that needs them.
    ///   - crossBorder: adds ``crossBorderLines`` to the picture.
    ///   - storeConfiguration: how the store is opened (a short busy timeout, for a test that
    ///     holds the database from another connection).
    ///   - inMemoryFiles: keeps the database on a memory file system (`/dev/shm`) where there
    ///     is one, for a test that makes thousands of requests (each fsyncs an audit row): the
    ///     same SQLite, without waiting for the disk.
    init(extraLines: [String] = [], crossBorder: Bool = false, storeConfiguration: StoreConfiguration = StoreConfiguration(),
         inMemoryFiles: Bool = false, configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base = inMemoryFiles && FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        directory = base.appendingPathComponent("cegraph-server-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try Store.open(path: ServerFixture.databasePath(in: directory), configuration: storeConfiguration)
        let lines = [
            #"{"record":"entity","id":"CH1","kind":"child","name":"Visible Child","area":"E08000012"}"#,
            #"{"record":"entity","id":"CH2","kind":"child","name":"Hidden Child","area":"E08000012"}"#,
            #"{"record":"entity","id":"AD1","kind":"adult","name":"Adult One","area":"E08000012","of_concern":true}"#,
            #"{"record":"entity","id":"AD2","kind":"adult","name":"Adult Known Only Through C","area":"E08000012","of_concern":true}"#,
            #"{"record":"intel","id":"IN1","date":"2026-02-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","text":"Shareable report."}"#,
            #"{"record":"intel","id":"INC","date":"2026-02-02","source_evaluation":"2","intelligence_assessment":"B","handling_code":"C","handling_conditions":"Police only","text":"CANARY conditional report."}"#,
            #"{"record":"link","from":"AD1","to":"CH1","kind":"associates_with","intel":["IN1"]}"#,
            #"{"record":"link","from":"AD2","to":"CH1","kind":"associates_with","intel":["INC"]}"#,
            #"{"record":"link","from":"CH2","to":"CH1","kind":"associates_with","intel":["IN1"]}"#,
        ] + (crossBorder ? ServerFixture.crossBorderLines : []) + extraLines
        let file = directory.appendingPathComponent("picture.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        try store.importFile(at: file.path, options: ImportOptions(viewer: ServerFixture.viewer))

        let workflow = try Workflow(store: store)
        let referral = try workflow.recordReferral(ReferralInput(
            child: "CH1", receivedOn: CalendarDate.today.adding(days: -30), referrer: "Duty worker", agency: "education",
            concern: .cce, outcome: .section47, screenedOn: CalendarDate.today.adding(days: -30)), by: ServerFixture.viewer)
        let ceCase = try workflow.openCase(referral: referral.ref, on: CalendarDate.today.adding(days: -30), by: ServerFixture.viewer)
        try workflow.recordStrategyMeeting(StrategyMeetingInput(
            caseRef: ceCase, heldOn: CalendarDate.today.adding(days: -29), decisions: [.jointVisit],
            noConferenceReason: "A child in need plan is in place"), by: ServerFixture.viewer)
        _ = try workflow.recordAssessment(AssessmentInput(
            caseRef: ceCase, assessedOn: CalendarDate.today.adding(days: -20), concern: .cce, agencies: ["police", "childrens_services"],
            answers: ["professionals_involved": "Social worker", "referral_reason": "criminal", "scaling": .number("3"),
                      "harm_statement": "may_be_experiencing_harm", "imminent_risk": .bool(false)],
            grading: Grading("2B P")!), by: ServerFixture.viewer)
        let panel = try workflow.schedulePanel(area: "E08000012", on: CalendarDate.today.adding(days: 7), coChairs: ["A", "B"],
                                               by: ServerFixture.viewer)
        try workflow.buildAgenda(panel: panel, by: ServerFixture.viewer)
        // CH2's case opens after the agenda was built: it is on no agenda.
        let later = try workflow.recordReferral(ReferralInput(
            child: "CH2", receivedOn: CalendarDate.today.adding(days: -2), referrer: "Duty worker", agency: "health",
            concern: .cse, outcome: .section47, screenedOn: CalendarDate.today.adding(days: -2)), by: ServerFixture.viewer)
        try workflow.openCase(referral: later.ref, on: CalendarDate.today.adding(days: -2), by: ServerFixture.viewer)
        let marthr = try workflow.scheduleMarthr(on: CalendarDate.today.adding(days: 14), chair: "DCI Synthetic", force: nil,
                                                 by: ServerFixture.viewer)
        try workflow.recordMarthrAttendance(marthr: marthr, [Attendee(name: "DCI Synthetic", agency: "police", signedConfidentiality: true)],
                                            by: ServerFixture.viewer)

        var configuration = ServerConfiguration()
        configuration.bcryptCost = 4
        // Failed sign-ins wait a little before the next, as in service, but not a second.
        configuration.signInDelay = 0.01
        configure(&configuration)
        services = try Services(store: store, configuration: configuration)
        for role in Role.allCases {
            // The panel member sits on Liverpool's panel for health; the MACCSE coordinator
            // is Liverpool's; every other role covers the whole picture.
            let scope: Scope = switch role {
            case .panelMember: Scope(areas: nil, panels: ["E08000012"])
            case .maccseCoordinator: Scope(areas: ["E08000012"])
            default: .wholePicture
            }
            try services.accounts.create(username: role.rawValue, displayName: "Test \(role.rawValue)", role: role,
                                         password: ServerFixture.password, scope: scope,
                                         agency: role == .panelMember ? "health" : nil, by: ServerFixture.viewer)
        }
        // Accounts scoped elsewhere: Sefton's MACCSE coordinator and a Wirral analyst.
        try services.accounts.create(username: "sefton_coordinator", displayName: "Sefton coordinator", role: .maccseCoordinator,
                                     password: ServerFixture.password, scope: Scope(areas: ["E08000014"]), by: ServerFixture.viewer)
        try services.accounts.create(username: "wirral_analyst", displayName: "Wirral analyst", role: .analyst,
                                     password: ServerFixture.password, scope: Scope(areas: ["E08000015"]), by: ServerFixture.viewer)
        try services.accounts.create(username: "wirral_member", displayName: "Other panel", role: .panelMember,
                                     password: ServerFixture.password, scope: Scope(areas: nil, panels: ["E08000015"]),
                                     by: ServerFixture.viewer)
    }

    var application: some ApplicationProtocol { buildApplication(services: services) }

    /// The database file the service uses.
    var databasePath: String { ServerFixture.databasePath(in: directory) }

    static func databasePath(in directory: URL) -> String { directory.appendingPathComponent("test.sqlite").path }
}

/// A signed-in client: the session cookie and CSRF token a browser would keep.
struct SignedIn {
    let client: any TestClientProtocol
    let cookie: String
    let csrf: String

    /// Signs in through the API.
    ///
    /// - Parameters:
    ///   - reason: the reason for sensitive views given with the sign-in; nil gives none.
    static func signIn(_ client: any TestClientProtocol, as username: String, password: String = ServerFixture.password,
                       reason: String? = "automated test") async throws -> SignedIn? {
        let reasonField = reason.map { #","reason":"\#($0)""# } ?? ""
        let response = try await client.executeRequest(uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                                                       body: ByteBuffer(string: #"{"username":"\#(username)","password":"\#(password)"\#(reasonField)}"#))
        guard response.status == .ok, let setCookie = response.headers[.setCookie],
              let cookie = setCookie.split(separator: ";").first.map(String.init),
              let csrf = (try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])?["csrf_token"] as? String
        else { return nil }
        return SignedIn(client: client, cookie: cookie, csrf: csrf)
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await client.executeRequest(uri: uri, method: .get, headers: [.cookie: cookie], body: nil)
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, csrf: Bool = true, json: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.cookie: cookie]
        if csrf { headers[HTTPField.Name("X-CSRF-Token")!] = self.csrf }
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.executeRequest(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:] }
}
