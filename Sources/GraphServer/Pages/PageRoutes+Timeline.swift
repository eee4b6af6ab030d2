import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

extension PageRoutes {
    /// A child's or subject's chronology (`/entities/{id}/timeline`): the filter (a window
    /// of days, the kinds of record) as a plain GET form, the events oldest first, each
    /// linked to its record's page, and the CSV of what is shown. Printable: the print style
    /// drops the navigation, the form and the links' underlines.
    @Sendable func timeline(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireSensitive(.readPicture)
        let id = try context.parameters.require("id")
        // The same read as `GET /api/timeline/{id}`: the page only lays it out.
        let timeline = try WorkflowReads(services: services).timeline(id, request, for: context)
        let segment = PageRenderer.pathSegment(timeline.id)
        var query = [("from", timeline.from ?? ""), ("to", timeline.to ?? "")].filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1)" }
        if !Set(TimelineEvent.Kind.kinds(for: timeline.kind)).isSubset(of: timeline.kinds) {
            query.append("kinds=" + timeline.kinds.map(\.rawValue).joined(separator: ","))
        }
        // Long chronologies page (`page=`), oldest first, with counts; `page=all` puts every
        // event on one page to print.
        let everything = request.query("page") == "all"
        let pageCount = max(1, (timeline.events.count + PageRoutes.timelinePage - 1) / PageRoutes.timelinePage)
        let page = everything ? 1 : try request.integer("page", default: 1, in: 1...pageCount)
        let first = everything ? 0 : (page - 1) * PageRoutes.timelinePage
        let shownEvents = everything ? timeline.events[...] : timeline.events[first..<min(timeline.events.count, first + PageRoutes.timelinePage)]
        let events = shownEvents.map { event -> [String: Any] in
            var row: [String: Any] = ["on": event.on, "kind": event.kind.rawValue, "kindWords": event.kind.words, "title": event.title]
            if let detail = event.detail { row["detail"] = detail }
            if let href = PageRoutes.href(event.record, role: account.role) { row["href"] = href }
            return row
        }
        var fields: [String: Any] = [
            "id": timeline.id, "label": timeline.label, "kind": PageRoutes.kindName(timeline.kind.rawValue),
            "entityHref": "/entities/" + segment, "action": "/entities/\(segment)/timeline",
            "from": timeline.from ?? "", "to": timeline.to ?? "",
            "kinds": TimelineEvent.Kind.kinds(for: timeline.kind).map { kind -> [String: Any] in
                ["value": kind.rawValue, "words": kind.words, "checked": timeline.kinds.contains(kind)]
            },
            "events": events, "anyEvents": !events.isEmpty,
            "shown": String(events.count), "total": String(timeline.total),
            "csvHref": "/api/timeline/\(segment)?" + (query + ["format=csv"]).joined(separator: "&"),
        ]
        if pageCount > 1 || everything {
            func href(_ page: String) -> String { "/entities/\(segment)/timeline?" + (query + ["page=" + page]).joined(separator: "&") }
            var pager: [String: Any] = ["firstShown": String(first + 1), "lastShown": String(first + shownEvents.count),
                                        "count": String(timeline.events.count)]
            // Only the links that lead somewhere: a section on an empty string still shows.
            if !everything, page > 1 { pager["previousHref"] = href(String(page - 1)) }
            if !everything, page < pageCount { pager["nextHref"] = href(String(page + 1)) }
            pager[everything ? "pagedHref" : "allHref"] = href(everything ? "1" : "all")
            fields["pager"] = pager
        }
        // What the filter keeps, in words, so that a printed copy says what it leaves out.
        let words = PageRoutes.filterWords(timeline)
        if !words.isEmpty { fields["filterWords"] = words }
        return pages.page("timeline", fields, context: context)
    }

    /// Events on a page of a timeline.
    static let timelinePage = 200

    /// The filter in words: "only missing episodes and notices, from 2026-01-01"; empty for
    /// every event.
    static func filterWords(_ timeline: Timeline) -> String {
        var parts: [String] = []
        if !Set(TimelineEvent.Kind.kinds(for: timeline.kind)).isSubset(of: timeline.kinds) {
            // "Missing episodes" reads "missing episodes" mid-sentence; "MACCSE case" stays.
            parts.append("only " + timeline.kinds.map { kind in
                kind.words.dropFirst().first?.isUppercase == true ? kind.words : kind.words.prefix(1).lowercased() + kind.words.dropFirst()
            }.joined(separator: ", "))
        }
        if let from = timeline.from { parts.append("from \(from)") }
        if let to = timeline.to { parts.append("to \(to)") }
        return parts.joined(separator: ", ")
    }

    /// The page of an event's record, for a role that may open it; nil for none.
    static func href(_ record: TimelineEvent.Record, role: Role) -> String? {
        let segment = PageRenderer.pathSegment(record.ref)
        let casePage = record.caseRef.flatMap { role.may(.readCase) ? "/cases/" + PageRenderer.pathSegment($0) : nil }
        switch record.what {
        case "entity": return record.opens ? "/entities/" + segment : nil
        case "intel": return "/intel/" + segment
        case "case": return role.may(.readCase) ? "/cases/" + segment : nil
        case "assessment": return role.may(.readAssessment) ? "/assessments/" + segment : nil
        case "panel": return role.may(.readPanels) ? "/panels/" + segment : nil
        case "marthr": return role.may(.readMarthr) ? "/marthr/" + segment : nil
        case "disruption": return role.may(.readMarthr) ? "/disruptions/" + segment : nil
        case "flag": return role.may(.readFlags) ? "/flags/" + segment : casePage
        default: return casePage
        }
    }
}
