import GraphStore

/// The minutes of one child's discussion at a MACCSE panel (seed 003: the discussion,
/// decisions and actions of that case), kept on the child's case
/// (``Workflow/recordCaseMinutes(panel:case:_:on:by:)``). A panel's record lists those of
/// its children (``PanelDetail/caseMinutes``); a case's record those of every panel that
/// discussed it (``CaseDetail/panelMinutes``).
public struct CaseMinutes: Codable, Sendable, Equatable {
    /// The panel, and the day it was held.
    public var panelRef: String
    public var heldOn: String
    /// The case discussed.
    public var caseRef: String
    /// The minutes (free text).
    public var text: String
    /// When they were recorded, and by whom.
    public var recordedOn: String
    public var recordedBy: String

    enum CodingKeys: String, CodingKey {
        case panelRef = "panel_ref"
        case heldOn = "held_on"
        case caseRef = "case_ref"
        case text
        case recordedOn = "recorded_on"
        case recordedBy = "recorded_by"
    }

    /// A row of `panel.case_minutes_of_panel` or `panel.case_minutes_of_case`.
    init(_ row: StoredRow) throws {
        let columns = ColumnReader(row, "case minutes")
        panelRef = try columns.text("panel_ref")
        heldOn = try columns.text("held_on")
        caseRef = try columns.text("case_ref")
        text = try columns.text("text")
        recordedOn = try columns.text("recorded_on")
        recordedBy = try columns.text("recorded_by")
    }

    /// The minutes with every child outside the viewer's need-to-know named "Child N".
    func pseudonymised(by pseudonyms: Pseudonymiser) -> CaseMinutes {
        var shown = self
        shown.text = pseudonyms.apply(text)
        return shown
    }
}
