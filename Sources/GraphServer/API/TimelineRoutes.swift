import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// A child's or subject's chronology over the API: `GET /api/timeline/{id}`, as JSON, or as
/// CSV to download (a disclosure, audited with its recipient).
struct TimelineRoutes {
    let services: Services
    var reads: WorkflowReads { WorkflowReads(services: services) }

    func add(to router: Router<AppRequestContext>) {
        router.get("/api/timeline/{id}", use: timeline)
    }

    /// `?from=&to=&kinds=&format=json|csv`.
    @Sendable func timeline(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readPicture)
        let format = request.query("format") ?? "json"
        guard ["json", "csv"].contains(format) else { throw ServerError(.badRequest, "format is json or csv") }
        let timeline = try reads.timeline(try context.parameters.require("id"), request, for: context)
        guard format == "csv" else { return try JSONResponse.make(encoding: timeline) }
        return try Download.csv("timeline", timeline.csv, name: "timeline-\(timeline.id)")
            .response(details: TimelineRoutes.details(timeline), recordIds: timeline.recordIds, request: request, context: context,
                      services: services)
    }

    /// What a timeline download held, for its audit row.
    static func details(_ timeline: Timeline) -> [String: JSONValue] {
        ["entity": .string(timeline.id), "from": timeline.from.map(JSONValue.string) ?? .null, "to": timeline.to.map(JSONValue.string) ?? .null,
         "kinds": .array(timeline.kinds.map { .string($0.rawValue) })]
    }
}

extension Timeline {
    /// The records its events come from, once each (`intel:INT-1`, `case:CASE-000001`).
    var recordIds: [String] {
        [id] + Array(Set(events.map { "\($0.record.what):\($0.record.ref)" })).sorted()
    }
}
