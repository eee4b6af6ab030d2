import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphCore
import Testing
@testable import CaseWorkflow

struct QuarterlyReportTests {
    /// Liverpool, 2026 Q1: CH1 comes to MACCSE in January; CH2 (on MACCSE since August
    /// 2025) leaves near 18 in March, is re-referred and comes back; CH4 has been on MACCSE
    /// since June 2025.
    func scenario() throws -> WorkflowFixture {
        let fixture = try WorkflowFixture([
            #"{"record":"entity","id":"CH4","kind":"child","name":"Child Four","dob":"2010-02-02","gender":"female","area":"E08000012"}"#,
            #"{"record":"link","from":"CH1","to":"LO1","kind":"frequents"}"#,
            #"{"record":"link","from":"CH4","to":"LO1","kind":"found_at"}"#,
        ])
        let (_, ch4) = try fixture.openCase(child: "CH4", received: "2025-06-02")
        _ = try fixture.assess(ch4, on: "2025-06-09", scaling: 2)
        let (_, ch2) = try fixture.openCase(child: "CH2", received: "2025-08-01")
        _ = try fixture.assess(ch2, on: "2025-08-05", scaling: 4)
        let (_, ch1) = try fixture.openCase(child: "CH1", received: "2026-01-05")
        _ = try fixture.assess(ch1, on: "2026-01-12", scaling: 3)
        try fixture.workflow.recordNRM(case: ch1, stage: .referred, on: date("2026-02-02"), multiAgencyForum: true, by: fixture.viewer)
        // CH2 turns 18 on 2026-09-15: from 2026-03-15 the case may close as reached_18.
        let march = try fixture.quoratePanel(on: "2026-03-17")
        try fixture.workflow.recordDecision(panel: march, case: ch2, PanelDecisionInput(
            decision: .remove, closure: .reached18, risk: RiskLevel("merseyside:4")), by: fixture.viewer)
        // Re-referred, and back into MACCSE: measure 8 counts it.
        let back = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH2", receivedOn: date("2026-03-23"), referrer: "Youth worker", agency: "voluntary", concern: .cce,
            outcome: .section47, screenedOn: date("2026-03-23")), by: fixture.viewer)
        _ = try fixture.workflow.openCase(referral: back.ref, on: date("2026-03-24"), by: fixture.viewer)
        return fixture
    }

    func counts(_ report: QuarterlyReport, _ number: Int) -> [String: Int] {
        Dictionary(report.measures.first { $0.number == number }!.counts.map { ($0.label, $0.value) }) { $1 }
    }

    @Test func theTenMeasuresOfSeed003() throws {
        let fixture = try scenario()
        let report = try fixture.workflow.quarterlyReport(area: "E08000012", quarter: "2026Q1", by: fixture.viewer)
        #expect(report.quarter.first == date("2026-01-01"))
        #expect(report.quarter.last == date("2026-03-31"))
        #expect(counts(report, 1) == ["cce": 1, "total": 1])
        #expect(counts(report, 2)["children in MACCSE in the quarter"] == 3)
        #expect(counts(report, 2)["assessed as still at risk"] == 3)
        #expect(counts(report, 3)["Context: criminal exploitation: Exploited to deal drugs out of borough"] == 1, "\(counts(report, 3))")
        #expect(counts(report, 4)["gender female"] == 2)
        #expect(counts(report, 4)["SEN yes"] == 1)
        #expect(counts(report, 5) == ["closed": 0])
        #expect(counts(report, 6) == ["closed": 1, "risk at closure: merseyside:4": 1])
        #expect(counts(report, 8) == ["re-referrals": 1])
        #expect(counts(report, 9) == ["children": 1])
        #expect(report.measures.first { $0.number == 9 }?.note?.contains("CASE-000001") == true)
        #expect(counts(report, 10) == ["submitted": 1, "decided in a multi-agency forum": 1])
        let agencies = report.referralsByAgency.map { "\($0.label) \($0.value)" }
        #expect(agencies == ["Education 1", "Voluntary sector 1"], "agencies by name")
        #expect(report.referralsByMonth.count == 12)
        #expect(report.referralsByMonth.last?.label == "2026-03")
        let places = report.measures.first { $0.title.hasPrefix("Places") }!.counts
        #expect(places.first?.value == 2)
        #expect(places.first?.label.contains("LO1") == true)
    }

    @Test func formatsAndCharts() throws {
        let fixture = try scenario()
        let report = try fixture.workflow.quarterlyReport(area: "E08000012", quarter: "2026q1", by: fixture.viewer)
        #expect(report.csv.hasPrefix("measure,title,label,value\n"))
        #expect(report.csv.contains("6,\"Closed on reaching 18, with risk level\",closed,1"))
        #expect(report.json.objectValue?["measures"]?.arrayValue?.count == report.measures.count)
        let charts = try report.charts()
        #expect(charts.map(\.0) == ["referrals_by_agency", "referrals_by_month"])
        for (_, svg) in charts {
            #expect(svg.contains("OFFICIAL-SENSITIVE"))
            #expect(try XMLDocumentCheck.isWellFormed(svg))
        }
        let markdown = report.markdown(charts: ["referrals_by_agency": "q1-agency.svg"])
        #expect(markdown.contains("![Referrals by agency](q1-agency.svg)"))
        #expect(markdown.contains("## 10. NRMs submitted"))
    }

    @Test func financialYearQuartersAndBadQuarters() throws {
        let fixture = try WorkflowFixture()
        try fixture.workflow.updateSettings(["firstQuarterMonth": .number("4")], for: "E08000012", by: fixture.viewer)
        let report = try fixture.workflow.quarterlyReport(area: "E08000012", quarter: "2026Q4", by: fixture.viewer)
        #expect(report.quarter.first == date("2027-01-01"))
        #expect(report.quarter.last == date("2027-03-31"))
        for bad in ["2026Q5", "Q1", "2026-1", ""] {
            #expect(throws: WorkflowError.self) { try fixture.workflow.quarterlyReport(area: "E08000012", quarter: bad, by: fixture.viewer) }
        }
        #expect(throws: WorkflowError.self) { try fixture.workflow.quarterlyReport(area: "merseyside", quarter: "2026Q1", by: fixture.viewer) }
    }

    @Test func aHostileLabelCannotRunAsASpreadsheetFormula() {
        #expect(CSVText.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVText.field("+1") == "'+1")
        #expect(CSVText.field("plain") == "plain")
    }
}

/// Well-formedness through Foundation's XML parser.
enum XMLDocumentCheck {
    static func isWellFormed(_ text: String) throws -> Bool {
        #if canImport(FoundationXML)
        let parser = FoundationXML.XMLParser(data: Data(text.utf8))
        #else
        let parser = XMLParser(data: Data(text.utf8))
        #endif
        return parser.parse()
    }
}
