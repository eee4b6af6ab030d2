import Foundation
import GraphCore
import GraphQuery
import GraphStore
@testable import CaseWorkflow

/// A workflow over a real SQLite file holding a small synthetic picture. Names are
/// synthetic; dates are chosen to cross weekends and bank holidays.
struct WorkflowFixture {
    static let viewer = Viewer.commandLine(name: "test-coordinator", purpose: "automated test")
    let store: Store
    let workflow: Workflow
    let directory: URL

    /// - Parameter lines: extra JSON Lines records to load after the standard ones.
    init(_ lines: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-workflow-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try Store.open(path: directory.appendingPathComponent("test.sqlite").path)
        workflow = try Workflow(store: store)
        try load(WorkflowFixture.standard + lines)
    }

    /// Liverpool and Wirral children, adults in Liverpool and Sefton, places and a vehicle.
    static let standard: [String] = [
        #"{"record":"entity","id":"CH1","kind":"child","name":"Child One","dob":"2011-05-01","gender":"female","ethnicity":"white_british","sen":true,"area":"E08000012"}"#,
        #"{"record":"entity","id":"CH2","kind":"child","name":"Child Two","dob":"2008-09-15","gender":"male","area":"E08000012"}"#,
        #"{"record":"entity","id":"CH3","kind":"child","name":"Child Three","dob":"2012-01-20","area":"E08000015"}"#,
        #"{"record":"entity","id":"AD1","kind":"adult","name":"Adult One","area":"E08000012","of_concern":true}"#,
        #"{"record":"entity","id":"AD2","kind":"adult","name":"Adult Two","area":"E08000014","of_concern":true}"#,
        #"{"record":"entity","id":"LO1","kind":"location","name":"Place One","location_type":"takeaway","area":"E08000012"}"#,
        #"{"record":"entity","id":"LO2","kind":"location","name":"Place Two","location_type":"park","area":"E08000012"}"#,
        #"{"record":"entity","id":"VE1","kind":"vehicle","vrm":"ZZ10 AAA"}"#,
    ]

    func load(_ lines: [String]) throws {
        let file = directory.appendingPathComponent("input-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        try store.importFile(at: file.path, options: ImportOptions(viewer: WorkflowFixture.viewer))
    }

    var viewer: Viewer { WorkflowFixture.viewer }

    /// A referral, screened for section 47, and the case it opens.
    @discardableResult
    func openCase(child: String, received: String, opened: String? = nil, concern: Concern = .cce) throws -> (referral: String, case: String) {
        let referral = try workflow.recordReferral(ReferralInput(
            child: child, receivedOn: date(received), referrer: "Duty worker", agency: "education", concern: concern,
            outcome: .section47, screenedOn: date(received)), by: viewer)
        let ceCase = try workflow.openCase(referral: referral.ref, on: date(opened ?? received), by: viewer)
        return (referral.ref, ceCase)
    }

    /// A Merseyside assessment with the given scaling.
    func assess(_ ceCase: String, on day: String, scaling: Int = 3, review: Bool = false, graph: [[String: JSONValue]] = [],
                agencies: [String] = ["police", "childrens_services"]) throws -> AssessmentRecord {
        try workflow.recordAssessment(AssessmentInput(
            caseRef: ceCase, assessedOn: date(day), isReview: review, concern: .cce, agencies: agencies,
            answers: ["professionals_involved": "Social worker; police officer", "referral_reason": "criminal",
                      "scaling": .number(String(scaling)), "harm_statement": "may_be_experiencing_harm", "imminent_risk": .bool(false),
                      "criminal_contexts": .array(["out_of_borough_drug_dealing"])],
            grading: Grading("2B P")!, summary: "Synthetic assessment.", graph: graph), by: viewer)
    }

    /// A strategy meeting with a joint visit and the reason no conference was initiated.
    @discardableResult
    func strategyMeeting(_ ceCase: String, on day: String, section47: Bool = false, kind: StrategyMeeting.Kind = .strategy) throws -> String {
        try workflow.recordStrategyMeeting(StrategyMeetingInput(
            caseRef: ceCase, kind: kind, heldOn: date(day), section47: section47, decisions: [.jointVisit],
            noConferenceReason: "A child in need plan is in place"), by: viewer).0
    }

    /// The standard March 2026 start: CH1 referred on Monday 2 March, assessed on 9 March,
    /// and a quorate Liverpool panel on Tuesday 24 March with the case on its agenda.
    func caseOnMarchPanel() throws -> (case: String, panel: String) {
        let (_, ceCase) = try openCase(child: "CH1", received: "2026-03-02")
        _ = try assess(ceCase, on: "2026-03-09")
        return (ceCase, try quoratePanel(on: "2026-03-24"))
    }

    /// A quorate panel for Liverpool on `day`, its agenda built.
    func quoratePanel(on day: String, area: String = "E08000012") throws -> String {
        let panel = try workflow.schedulePanel(area: area, on: date(day), coChairs: ["DI chair", "Service manager"], by: viewer)
        try workflow.recordAttendance(panel: panel, [
            Attendee(name: "P", agency: "police", signedConfidentiality: true),
            Attendee(name: "S", agency: "childrens_services", signedConfidentiality: true),
            Attendee(name: "H", agency: "health", signedConfidentiality: true),
            Attendee(name: "E", agency: "education", signedConfidentiality: true),
        ], by: viewer)
        try workflow.buildAgenda(panel: panel, by: viewer)
        return panel
    }

    func auditCount() throws -> Int { try store.auditEntries(limit: 1_000_000).count }
}

/// A date from text, for tests.
func date(_ text: String) -> CalendarDate { CalendarDate(text)! }
