import GraphCore
import GraphStore

/// One child's MACCSE case as a list shows it (``Workflow/listCases(area:status:by:)``).
///
/// The JSON form (snake_case keys, every key present, `null` where nothing is recorded) is
/// what `GET /api/cases` lists and `cegraph case list --json` prints.
public struct CaseSummary: Codable, Sendable, Equatable {
    /// The case's reference, `CASE-NNNNNN`.
    public var ref: String
    /// `open` or `closed`.
    public var status: String
    /// The local authority the case belongs to: what a scoped viewer's need-to-know reads.
    public var area: String
    /// `cse`, `cce` or `both` (``Concern``).
    public var concern: String
    /// The day it opened, its next review (while open), and the day it closed and why.
    public var openedOn: String
    public var reviewOn: String?
    public var closedOn: String?
    public var closure: String?
    /// The child the case is about.
    public var childRef: String

    enum CodingKeys: String, CodingKey {
        case ref, status, area, concern
        case openedOn = "opened_on"
        case reviewOn = "review_on"
        case closedOn = "closed_on"
        case closure
        case childRef = "child_ref"
    }

    /// A row of `case.list`.
    init(_ row: StoredRow) throws {
        let columns = ColumnReader(row, "case")
        ref = try columns.text("ref")
        status = try columns.text("status")
        area = try columns.text("area")
        concern = try columns.text("concern")
        openedOn = try columns.text("opened_on")
        reviewOn = try columns.optionalText("review_on")
        closedOn = try columns.optionalText("closed_on")
        closure = try columns.optionalText("closure")
        childRef = try columns.text("child_ref")
    }

    /// Encodes every key, `null` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(status, forKey: .status)
        try container.encode(area, forKey: .area)
        try container.encode(concern, forKey: .concern)
        try container.encode(openedOn, forKey: .openedOn)
        try container.encode(reviewOn, forKey: .reviewOn)
        try container.encode(closedOn, forKey: .closedOn)
        try container.encode(closure, forKey: .closure)
        try container.encode(childRef, forKey: .childRef)
    }
}
