import GraphCore
import GraphStore

extension Workflow {
    /// A panel's main list (seed 003: the panel keeps a list of the children it oversees):
    /// every open case of `area` (or of every area the viewer covers) with the child's
    /// current risk as the framework words it and as red, amber or yellow (the framework's
    /// colours, or the partnership's `riskColours`), the review date, the panel's last
    /// decision, the child's flags in force and the NRM stage. Those with a review date
    /// come first, soonest first. Audited as a consultation naming each case.
    ///
    /// - Throws: ``WorkflowError`` for an area that is not a local authority the viewer covers.
    public func mainList(area: String?, by viewer: Viewer) throws -> [MainListEntry] {
        try transaction(by: viewer) { tx in
            if let area { try requireArea(area, localAuthority: true, operation: "main list", by: viewer, in: tx) }
            var byArea: [String: (RiskFramework?, [String: String])] = [:]
            let rows = try consult("case.main_list", ["area": StoredValue(area), "on": StoredValue(CalendarDate.today)],
                                   workflow: "main_list", key: "cases",
                                   idColumn: "ref", by: viewer, in: tx)
            return try rows.map { row in
                let caseArea = row.string("area")
                if byArea[caseArea] == nil {
                    let settings = try settings(for: caseArea, in: tx)
                    byArea[caseArea] = (try? frameworks.framework(code: settings.framework), settings.riskColours)
                }
                let (framework, colours) = byArea[caseArea]!
                return try MainListEntry(row, framework: framework, colours: colours)
            }
        }
    }
}
