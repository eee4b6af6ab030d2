import GraphStore

/// What every action row says, in whichever list it stands (a case's actions, a panel's,
/// those carried from an earlier panel): its ref, text, owner, due day and status. Each
/// list's row holds one (``CaseDetail/Action``, ``PanelDetail/Action``,
/// ``PanelDetail/CarriedAction``) and reads its fields through it, with its own columns
/// beside them in the same JSON object.
public struct ActionItem: Codable, Sendable, Equatable {
    /// The action's reference, `ACT-NNNNNN`.
    public var ref: String
    /// What is to be done (free text).
    public var text: String
    /// The agency that owns it, and the day it is due.
    public var ownerAgency: String
    public var dueOn: String
    /// `open`, `done` or `cancelled`.
    public var status: String

    enum CodingKeys: String, CodingKey {
        case ref, text
        case ownerAgency = "owner_agency"
        case dueOn = "due_on"
        case status
    }

    init(_ columns: ColumnReader) throws {
        ref = try columns.text("ref")
        text = try columns.text("text")
        ownerAgency = try columns.text("owner_agency")
        dueOn = try columns.text("due_on")
        status = try columns.text("status")
    }

    func pseudonymised(by pseudonyms: Pseudonymiser) -> ActionItem {
        var shown = self
        shown.text = pseudonyms.apply(text)
        return shown
    }
}
