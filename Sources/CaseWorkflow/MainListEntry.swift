import GraphCore
import GraphStore

/// One open case on a panel's main list (``Workflow/mainList(area:by:)``): the child, their
/// current risk in the framework's words and as red, amber or yellow, the review date, the
/// panel's last decision, the child's flags in force and the NRM stage.
///
/// The JSON form (snake_case keys, every key present, `null` where nothing is recorded) is
/// what `GET /api/main-list` answers; ``csvHeader`` and ``csvRow`` the CSV.
public struct MainListEntry: Codable, Sendable, Equatable {
    /// The case, its local authority, concern and the day it opened.
    public var caseRef: String
    public var area: String
    public var concern: String
    public var openedOn: String
    /// The child.
    public var childRef: String
    public var childLabel: String
    /// The child's current risk (`framework:level`), the level's label, and its colour on
    /// the list (nil when the level has none, or no risk is recorded).
    public var risk: String?
    public var riskLabel: String?
    public var colour: RiskColour?
    /// The review date the panel set.
    public var reviewOn: String?
    /// The panel's last decision on the case, the day and the panel.
    public var lastDecision: String?
    public var lastDecisionOn: String?
    public var lastPanel: String?
    /// The child's flags in force.
    public var flags: [String]
    /// The case's NRM stage, if it has one.
    public var nrmStage: String?

    enum CodingKeys: String, CodingKey {
        case caseRef = "case_ref"
        case area, concern
        case openedOn = "opened_on"
        case childRef = "child_ref"
        case childLabel = "child_label"
        case risk
        case riskLabel = "risk_label"
        case colour
        case reviewOn = "review_on"
        case lastDecision = "last_decision"
        case lastDecisionOn = "last_decision_on"
        case lastPanel = "last_panel"
        case flags
        case nrmStage = "nrm_stage"
    }

    /// A row of `case.main_list`; the level's label and colour come from `framework` and the
    /// partnership's `colours`.
    init(_ row: StoredRow, framework: RiskFramework?, colours: [String: String]) throws {
        let columns = ColumnReader(row, "main list")
        caseRef = try columns.text("ref")
        area = try columns.text("area")
        concern = try columns.text("concern")
        openedOn = try columns.text("opened_on")
        childRef = try columns.text("child_ref")
        childLabel = try columns.text("child_label")
        risk = try columns.optionalText("risk")
        reviewOn = try columns.optionalText("review_on")
        lastDecision = try columns.optionalText("last_decision")
        lastDecisionOn = try columns.optionalText("last_decision_on")
        lastPanel = try columns.optionalText("last_panel")
        flags = try columns.json("flags", as: [String].self)
        nrmStage = try columns.optionalText("nrm_stage")
        // A risk recorded under another framework than the partnership's has no colour here.
        if let level = risk.flatMap(RiskLevel.init), let framework, level.framework == framework.code,
           let definition = framework.level(level.level) {
            riskLabel = definition.label
            colour = colours[level.level].map { RiskColour(rawValue: $0) } ?? definition.colour
        }
    }

    /// Encodes every key, `null` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(caseRef, forKey: .caseRef)
        try container.encode(area, forKey: .area)
        try container.encode(concern, forKey: .concern)
        try container.encode(openedOn, forKey: .openedOn)
        try container.encode(childRef, forKey: .childRef)
        try container.encode(childLabel, forKey: .childLabel)
        try container.encode(risk, forKey: .risk)
        try container.encode(riskLabel, forKey: .riskLabel)
        try container.encode(colour, forKey: .colour)
        try container.encode(reviewOn, forKey: .reviewOn)
        try container.encode(lastDecision, forKey: .lastDecision)
        try container.encode(lastDecisionOn, forKey: .lastDecisionOn)
        try container.encode(lastPanel, forKey: .lastPanel)
        try container.encode(flags, forKey: .flags)
        try container.encode(nrmStage, forKey: .nrmStage)
    }

    /// The CSV columns, in order.
    public static let csvHeader = ["case", "area", "child", "child_name", "risk", "risk_label", "colour", "review_on",
                                   "last_decision", "last_decision_on", "last_panel", "flags", "nrm_stage", "concern", "opened_on"]

    /// The list as CSV: the header, then a line per entry (fields quoted and guarded
    /// against formulas as the quarterly report's are).
    public static func csv(_ entries: [MainListEntry]) -> String {
        CSVText.table(header: csvHeader, rows: entries.map(\.csvRow))
    }

    /// The entry's CSV fields, in ``csvHeader``'s order.
    public var csvRow: [String] {
        [caseRef, area, childRef, childLabel, risk ?? "", riskLabel ?? "", colour?.rawValue ?? "", reviewOn ?? "",
         lastDecision ?? "", lastDecisionOn ?? "", lastPanel ?? "", flags.joined(separator: " "), nrmStage ?? "", concern, openedOn]
    }
}
