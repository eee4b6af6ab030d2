import CaseWorkflow
import GraphCore
import Hummingbird

extension WorkflowReads {
    /// The chronology of a child or subject (``Workflow/timeline(of:filter:asOf:by:)``): the
    /// events of the records the viewer may open, filtered by the request's `from`, `to`
    /// (`YYYY-MM-DD`) and `kinds` (comma-separated, or repeated as a form's boxes send them).
    /// Anyone who may open the entity page may ask; what each role sees of the case work is
    /// the workflow's to decide.
    ///
    /// - Throws: ``ServerError/notFound`` for a missing entity and for one the viewer may not
    ///   open, alike (audited as the entity page's refusal is); 400 naming a bad parameter.
    func timeline(_ id: String, _ request: Request, for context: AppRequestContext) throws -> Timeline {
        _ = try context.requireSensitive(.readPicture)
        let filter = try WorkflowReads.timelineFilter(request)
        guard let timeline = try services.workflow.timeline(of: id, filter: filter, asOf: .today,
                                                            by: services.viewer(context, purpose: "viewing a timeline"))
        else { throw ServerError.notFound }
        return timeline
    }

    /// The timeline's filter from the query: `from`, `to`, `kinds`.
    static func timelineFilter(_ request: Request) throws -> TimelineFilter {
        let named = request.uri.queryParameters.getAll("kinds").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var kinds = Set<TimelineEvent.Kind>()
        for name in named {
            guard let kind = TimelineEvent.Kind(rawValue: name) else {
                throw ServerError(.badRequest, "kinds: \(Excerpt.bare(name)) is not one of "
                                  + TimelineEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            kinds.insert(kind)
        }
        func day(_ name: String) throws -> CalendarDate? { request.query(name)?.isEmpty == false ? try request.date(name) : nil }
        return try TimelineFilter(from: try day("from"), to: try day("to"), kinds: kinds.isEmpty ? Set(TimelineEvent.Kind.allCases) : kinds)
    }
}
