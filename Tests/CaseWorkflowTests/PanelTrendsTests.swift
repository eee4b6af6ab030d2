import GraphCore
import GraphQuery
import Testing
@testable import CaseWorkflow

/// The panel's cross-border and trends section (seed 002 MSET), made by the query engine.
struct PanelTrendsTests {
    @Test func crossBorderLinksSinceTheLastPanelAndTheBusiestPlacesByMonth() throws {
        let today = CalendarDate.today
        let thisMonth = CalendarDate(year: today.year, month: today.month, day: 1)
        let lastMonth = thisMonth.adding(months: -1)
        func seen(_ day: CalendarDate) -> String { day.description }
        let fixture = try WorkflowFixture([
            // CH1 (Liverpool) and AD2 (Sefton): across an authority border, recorded today.
            #"{"record":"link","from":"AD2","to":"CH1","kind":"associates_with"}"#,
            // Places of Liverpool: LO1 twice last month, LO2 once; LO1 once this month.
            #"{"record":"link","from":"CH1","to":"LO1","kind":"found_at","first_seen":"\#(seen(lastMonth.adding(days: 2)))"}"#,
            #"{"record":"link","from":"CH2","to":"LO1","kind":"frequents","first_seen":"\#(seen(lastMonth.adding(days: 5)))"}"#,
            #"{"record":"link","from":"CH2","to":"LO2","kind":"frequents","first_seen":"\#(seen(lastMonth.adding(days: 6)))"}"#,
            #"{"record":"link","from":"CH3","to":"LO1","kind":"found_at","first_seen":"\#(seen(thisMonth))"}"#,
        ])
        let panel = try fixture.workflow.schedulePanel(area: "E08000012", on: today.adding(days: 7), coChairs: ["A", "B"], by: fixture.viewer)
        let answer = try fixture.workflow.panelTrends(panel: panel, engine: QueryEngine(store: fixture.store), by: fixture.viewer)
        let json = try #require(answer.json.objectValue)
        let crossings = json["cross_border"]?.arrayValue?.compactMap(\.objectValue) ?? []
        // AD2 is of Sefton; CH3 is a Wirral child, so its link to a Liverpool place crosses too.
        #expect(crossings.map { $0["label"]?.stringValue } == ["cross_authority", "cross_authority"], "\(answer.text)")
        #expect(Set(crossings.compactMap { $0["other_area"]?.stringValue }) == ["E08000014", "E08000015"])
        let places = json["busiest_places"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let lastMonthText = String(format: "%04d-%02d", lastMonth.year, lastMonth.month)
        let rows = places.map { "\($0["month"]?.stringValue ?? "") \($0["place"]?.stringValue ?? "") \($0["links"]?.jsonText ?? "")" }
        #expect(rows.prefix(2) == ["\(lastMonthText) LO1 2", "\(lastMonthText) LO2 1"], "\(rows)")
        #expect(rows.last?.hasSuffix("LO1 1") == true, "\(rows)")
        // Audited as a consultation naming what it showed.
        let entry = try #require(try fixture.store.auditEntries(limit: 1).first)
        #expect(entry.operation == "consultation" && entry.records.contains("LO1"))
    }
}
