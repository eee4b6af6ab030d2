import GraphCore
import GraphStore
import Testing
@testable import CaseWorkflow

/// A panel member's view is fail-closed: a row that does not say which child, case or
/// subject it is about does not make a record at all, and a record whose child, case,
/// subject or day is not one of theirs is hidden. Data disappears; it never appears.
struct PanelViewTests {
    static let view = PanelView(children: ["CH1": 1], cases: ["CASE-000001"], since: date("2026-01-01"))

    // MARK: - A row missing a column the view reads makes no record

    @Test(arguments: ["case_ref", "child_ref"])
    func anAgendaRowWithoutItsCaseOrChildThrows(column: String) throws {
        try Self.expectInternal(Self.agendaItem(child: "CH1", case: "CASE-000001"), without: column, PanelDetail.AgendaItem.init)
    }

    @Test func aDecisionRowWithoutItsCaseThrows() throws {
        try Self.expectInternal(Self.decision(case: "CASE-000001"), without: "case_ref", PanelDetail.Decision.init)
    }

    @Test(arguments: ["case_ref", "subject_ref"])
    func anActionRowWithoutItsCaseOrSubjectThrows(column: String) throws {
        // Null is an answer (no case, no one); a missing column is not.
        try Self.expectInternal(Self.action(case: nil, subject: nil), without: column, PanelDetail.Action.init)
    }

    @Test(arguments: ["case_ref", "subject_ref", "from_held_on"])
    func aCarriedActionRowWithoutItsCaseSubjectOrPanelDayThrows(column: String) throws {
        try Self.expectInternal(Self.carried(case: nil, subject: nil, from: "2026-02-01"), without: column, PanelDetail.CarriedAction.init)
    }

    @Test func aRefOfAnotherTypeOrACaseListRowWithoutItsAreaOrChildThrows() throws {
        var row = Self.action(case: "CASE-000001", subject: nil)
        row["case_ref"] = 7
        #expect(throws: WorkflowError.self, "a ref that is not text") { try PanelDetail.Action(StoredRow(row)) }
        let summary: [String: StoredValue] = ["ref": "CASE-000001", "status": "open", "area": "E08000012", "concern": "cce",
                                              "opened_on": "2026-03-02", "review_on": nil, "closed_on": nil, "closure": nil,
                                              "child_ref": "CH1"]
        _ = try CaseSummary(StoredRow(summary))
        try Self.expectInternal(summary, without: "area", CaseSummary.init)
        try Self.expectInternal(summary, without: "child_ref", CaseSummary.init)
    }

    // MARK: - What the view leaves

    @Test func theViewLeavesOnlyTheMembersChildrenCasesAndWindow() throws {
        var detail = try PanelDetail(StoredRow(Self.panel), quoracy: Quoracy(agencies: [], shortfalls: []))
        detail.agenda = try [
            Self.agendaItem(child: "CH1", case: "CASE-000001"), Self.agendaItem(child: "CH9", case: "CASE-000009"),
            Self.agendaItem(child: "", case: "CASE-000001"),
        ].map { try PanelDetail.AgendaItem(StoredRow($0)) }
        detail.decisions = try [Self.decision(case: "CASE-000001"), Self.decision(case: "CASE-000009"), Self.decision(case: "")]
            .map { try PanelDetail.Decision(StoredRow($0)) }
        detail.actions = try [
            Self.action(case: nil, subject: nil, ref: "ACT-SHOWN-1"), Self.action(case: "CASE-000001", subject: "CH1", ref: "ACT-SHOWN-2"),
            Self.action(case: "CASE-000009", subject: nil), Self.action(case: nil, subject: "CH9"), Self.action(case: nil, subject: "AD1"),
            Self.action(case: "CASE-000001", subject: "CH9"), Self.action(case: "", subject: nil),
        ].map { try PanelDetail.Action(StoredRow($0)) }
        detail.carriedActions = try [
            Self.carried(case: nil, subject: nil, from: "2026-02-01", ref: "ACT-SHOWN-3"),
            Self.carried(case: nil, subject: nil, from: "2025-12-31"), Self.carried(case: nil, subject: nil, from: "not a date"),
            Self.carried(case: "CASE-000009", subject: nil, from: "2026-02-01"), Self.carried(case: nil, subject: "CH9", from: "2026-02-01"),
        ].map { try PanelDetail.CarriedAction(StoredRow($0)) }

        let seen = Self.view.panel(detail)
        #expect(seen.agenda.map(\.childRef) == ["CH1"])
        #expect(seen.decisions.map(\.caseRef) == ["CASE-000001"])
        #expect(seen.actions.map(\.ref) == ["ACT-SHOWN-1", "ACT-SHOWN-2"])
        #expect(seen.carriedActions.map(\.ref) == ["ACT-SHOWN-3"])
        #expect(seen.ref == detail.ref && seen.attendees == detail.attendees, "the meeting itself is theirs to read")
    }

    @Test func aMemberWithNoChildrenSeesNoChildsRows() throws {
        let empty = PanelView(children: [:], cases: [], since: CalendarDate(year: 9999, month: 12, day: 31))
        var detail = try PanelDetail(StoredRow(Self.panel), quoracy: Quoracy(agencies: [], shortfalls: []))
        detail.agenda = [try PanelDetail.AgendaItem(StoredRow(Self.agendaItem(child: "CH1", case: "CASE-000001")))]
        detail.actions = [try PanelDetail.Action(StoredRow(Self.action(case: "CASE-000001", subject: nil)))]
        detail.carriedActions = [try PanelDetail.CarriedAction(StoredRow(Self.carried(case: nil, subject: nil, from: "2026-02-01")))]
        let seen = empty.panel(detail)
        #expect(seen.agenda.isEmpty && seen.actions.isEmpty && seen.carriedActions.isEmpty)
    }

    // MARK: - Rows

    static func expectInternal<T>(_ row: [String: StoredValue], without column: String, _ make: (StoredRow) throws -> T) throws {
        _ = try make(StoredRow(row))
        var values = row
        values[column] = nil
        let error = try #require(throws: WorkflowError.self, "without \(column)") { try make(StoredRow(values)) }
        #expect(error.kind == .internal && error.field == column)
    }

    static let panel: [String: StoredValue] = [
        "id": 1, "ref": "PANEL-000001", "area": "E08000012", "held_on": "2026-03-24", "starts_at": "10:00", "co_chairs": #"["A","B"]"#,
        "agenda_due_on": "2026-03-18", "agenda_sent_on": nil, "minutes": nil, "status": "held", "created_at": "2026-03-01T10:00:00Z",
        "cancelled_reason": nil, "cancelled_on": nil, "minutes_approved_on": nil, "minutes_approved_by": nil, "minutes_inquorate": 0,
    ]

    static func agendaItem(child: String, case ceCase: String) -> [String: StoredValue] {
        ["position": 0, "slot": "10:00", "minutes": 20, "item": "review", "reason": "review due 2026-03-24", "case_ref": .text(ceCase),
         "child_ref": .text(child), "child_label": "A child", "review_on": "2026-03-24", "risk": nil, "assessment_ref": nil]
    }

    static func decision(case ceCase: String) -> [String: StoredValue] {
        ["id": 1, "decision": "review", "review_on": "2026-06-16", "reason": nil, "police_flag_until": nil, "risk": nil, "note": nil,
         "case_ref": .text(ceCase)]
    }

    static func action(case ceCase: String?, subject: String?, ref: String = "ACT-HIDDEN") -> [String: StoredValue] {
        ["ref": .text(ref), "text": "Do something", "owner_agency": "health", "due_on": "2026-04-01", "status": "open",
         "closed_on": nil, "update_note": nil, "category": nil, "case_ref": StoredValue(ceCase), "subject_ref": StoredValue(subject)]
    }

    static func carried(case ceCase: String?, subject: String?, from: String, ref: String = "ACT-HIDDEN") -> [String: StoredValue] {
        ["ref": .text(ref), "text": "Do something", "owner_agency": "health", "due_on": "2026-04-01", "status": "open", "category": nil,
         "from_meeting": "PANEL-000000", "from_held_on": .text(from), "case_ref": StoredValue(ceCase), "subject_ref": StoredValue(subject),
         "overdue": 1]
    }
}
