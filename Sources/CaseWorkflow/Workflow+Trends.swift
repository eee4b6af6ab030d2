import GraphCore
import GraphQuery
import GraphStore

extension Workflow {
    /// A panel's cross-border and trends section (seed 002 MSET): the query engine's
    /// ``GraphQuery/QueryEngine/trends(area:since:until:months:viewer:)`` for the panel's
    /// local authority, since the authority's previous panel (or three months before this
    /// one) up to the panel's day. The engine answers only with what the viewer may see and
    /// audits it.
    ///
    /// - Throws: ``WorkflowError`` (not found) for a panel the viewer may not open.
    public func panelTrends(panel ref: String, engine: QueryEngine, by viewer: Viewer) throws -> QueryAnswer {
        let (area, since, until) = try transaction(by: viewer) { tx -> (String, CalendarDate, CalendarDate) in
            let meeting = try requirePanel(ref, operation: "trends", by: viewer, in: tx)
            guard let held = meeting.date("held_on") else {
                throw WorkflowError("trends", "panel \(ref) has no day", kind: .internal)
            }
            let previous = try tx.row("panel.previous_held", ["area": meeting["area"], "held": meeting["held_on"]])?.date("held_on")
            return (meeting.string("area"), previous ?? held.adding(months: -3), held)
        }
        do {
            return try engine.trends(area: area, since: since, until: until, viewer: viewer)
        } catch let error as QueryError {
            throw WorkflowError("trends", error.description, field: "panel")
        }
    }
}
