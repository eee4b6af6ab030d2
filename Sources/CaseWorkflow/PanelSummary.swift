import GraphCore
import GraphStore

/// A MACCSE panel as a list shows it (``Workflow/listPanels(area:by:)``); it names no child.
///
/// The JSON form (snake_case keys, every key present, `null` where nothing is recorded) is
/// what `GET /api/panels` lists and `cegraph panel list --json` prints.
public struct PanelSummary: Codable, Sendable, Equatable {
    /// The panel's reference, `PANEL-NNNNNN`, and its local authority.
    public var ref: String
    public var area: String
    /// The day it is (or was) held, and its start time, `HH:MM`.
    public var heldOn: String
    public var startsAt: String
    /// The day its agenda is due, and the day it was sent.
    public var agendaDueOn: String
    public var agendaSentOn: String?
    /// `scheduled`, `held` or `cancelled`.
    public var status: String

    enum CodingKeys: String, CodingKey {
        case ref, area
        case heldOn = "held_on"
        case startsAt = "starts_at"
        case agendaDueOn = "agenda_due_on"
        case agendaSentOn = "agenda_sent_on"
        case status
    }

    /// A row of `panel.list`.
    init(_ row: StoredRow) throws {
        let columns = ColumnReader(row, "panel")
        ref = try columns.text("ref")
        area = try columns.text("area")
        heldOn = try columns.text("held_on")
        startsAt = try columns.text("starts_at")
        agendaDueOn = try columns.text("agenda_due_on")
        agendaSentOn = try columns.optionalText("agenda_sent_on")
        status = try columns.text("status")
    }

    /// Encodes every key, `null` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(area, forKey: .area)
        try container.encode(heldOn, forKey: .heldOn)
        try container.encode(startsAt, forKey: .startsAt)
        try container.encode(agendaDueOn, forKey: .agendaDueOn)
        try container.encode(agendaSentOn, forKey: .agendaSentOn)
        try container.encode(status, forKey: .status)
    }
}
