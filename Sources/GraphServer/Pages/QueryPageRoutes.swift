import Foundation
import GraphCore
import HTTPTypes
import Hummingbird

/// The analysis pages for police roles: the path finder, the cross-border view, MARTHR
/// candidates, and key players and communities. Each lays out the very JSON the matching
/// `/api/query/...` route answers (``QueryReads``), so a page and the API cannot disagree.
/// With no question asked yet a page is only its form; a question that names nothing, or a
/// bad parameter, shows the form again with the API's words.
struct QueryPageRoutes {
    let services: Services
    var reads: QueryReads { QueryReads(services: services) }
    var pages: PageRenderer { services.pages }

    func add(to router: Router<AppRequestContext>) {
        let group = router.group().add(middleware: PageErrorMiddleware(pages: services.pages))
        group.get("/paths", use: paths)
        group.get("/cross-border", use: crossBorder)
        group.get("/marthr/candidates", use: marthrCandidates)
        group.get("/networks", use: networks)
    }

    // MARK: - Path finder

    /// Two entities: the shortest paths between them, step by step, and their common associates.
    @Sendable func paths(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.analyse)
        let from = QueryReads.given(request, "from"), to = QueryReads.given(request, "to")
        var fields = QueryPageRoutes.filterFields(request).merging(["from": from ?? "", "to": to ?? ""]) { $1 }
        guard from != nil || to != nil else { return pages.page("paths", fields, context: context) }
        guard let from, let to else {
            fields["message"] = "Give both entities: choose one in each box."
            return pages.page("paths", fields, context: context, status: .badRequest)
        }
        return try answering(fields, "paths", context: context) { fields in
            let answer = try reads.path(request, context: context).objectValue ?? [:]
            let common = try reads.common(from, to, request, context: context).objectValue ?? [:]
            let entities = QueryPageRoutes.entities(answer["entities"])
            fields["asked"] = true
            fields["fromEntity"] = QueryPageRoutes.entity(entities[from] ?? .object(["id": .string(from)]))
            fields["toEntity"] = QueryPageRoutes.entity(entities[to] ?? .object(["id": .string(to)]))
            fields["pathMapHref"] = "/maps/\(PageRenderer.pathSegment(from))?view=path&to="
                + (to.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "&audience=police" + PageRoutes.filterQuery(request)
            let length = answer["length"]?.doubleValue.map { Int($0) } ?? -1
            let count = answer["count"]?.doubleValue.map { Int($0) } ?? 0
            fields["found"] = length >= 0
            fields["summary"] = length < 0 ? "No path links them under these filters."
                : "\(count) shortest path\(count == 1 ? "" : "s") of \(length) link\(length == 1 ? "" : "s")"
                    + (count > (answer["paths"]?.arrayValue?.count ?? 0) ? ", the first \(answer["paths"]?.arrayValue?.count ?? 0) shown." : ".")
            fields["paths"] = (answer["paths"]?.arrayValue ?? []).enumerated().map { number, path -> [String: Any] in
                ["number": String(number + 1), "steps": QueryPageRoutes.steps(path.objectValue ?? [:], entities: entities)]
            }
            let associates = (common["common"]?.arrayValue ?? []).compactMap(\.objectValue)
            fields["anyCommon"] = !associates.isEmpty
            fields["common"] = associates.map { associate -> [String: Any] in
                var row = QueryPageRoutes.entity(.object(associate))
                row["toFirst"] = QueryPageRoutes.links(associate["links_to_first"])
                row["toSecond"] = QueryPageRoutes.links(associate["links_to_second"])
                return row
            }
        }
    }

    /// A path as alternating steps: an entity, then the links to the next entity.
    static func steps(_ path: [String: JSONValue], entities: [String: JSONValue]) -> [[String: Any]] {
        let ids = (path["entities"]?.arrayValue ?? []).compactMap(\.stringValue)
        let links = (path["links"]?.arrayValue ?? []).compactMap(\.objectValue)
        var steps: [[String: Any]] = []
        for (index, id) in ids.enumerated() {
            steps.append(["stepEntity": entity(entities[id] ?? .object(["id": .string(id)]))])
            guard index + 1 < ids.count else { break }
            let next = ids[index + 1]
            let between = links.filter {
                let ends = ($0["from"]?.stringValue, $0["to"]?.stringValue)
                return ends == (id, next) || ends == (next, id)
            }
            steps.append(["stepLinks": between.map { link(.object($0), from: id) }])
        }
        return steps
    }

    // MARK: - Cross-border

    /// Links crossing local authority or force borders, from one entity or in the whole
    /// picture, grouped by the authority or force to notify.
    @Sendable func crossBorder(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.analyse)
        let from = QueryReads.given(request, "from")
        let fields = QueryPageRoutes.filterFields(request).merging(["from": from ?? "", "hops": QueryReads.given(request, "hops") ?? "3"]) { $1 }
        // The whole picture only when asked for (a button), not on merely opening the page.
        guard from != nil || request.query("all") != nil else { return pages.page("cross-border", fields, context: context) }
        return try answering(fields, "cross-border", context: context) { fields in
            let answer = try reads.crossBorder(request, context: context).objectValue ?? [:]
            let entities = QueryPageRoutes.entities(answer["entities"])
            let links = (answer["links"]?.arrayValue ?? []).compactMap(\.objectValue)
            fields["asked"] = true
            fields["csvHref"] = Download.csvHref("/api/query/cross-border", QueryPageRoutes.parameters(request, ["from", "hops"]))
            if let root = answer["root"]?.stringValue {
                fields["root"] = QueryPageRoutes.entity(entities[root] ?? .object(["id": .string(root)]))
                let hops = min(3, try QueryReads.integer(request, "hops", default: 3, in: 1...6))
                fields["crossBorderMapHref"] = "/maps/\(PageRenderer.pathSegment(root))?view=cross_border&hops=\(hops)&audience=police"
                    + PageRoutes.filterQuery(request)
            }
            fields["linkCount"] = String(links.count)
            let chosen = QueryReads.given(request, "group")
            let page = try QueryReads.integer(request, "page", default: 1, in: 1...1_000_000)
            let all = (answer["notify"]?.arrayValue ?? []).compactMap(\.objectValue)
            fields["groupCount"] = String(all.count)
            let entries = all.filter { chosen == nil || $0["area"]?.stringValue == chosen }
            if chosen != nil, entries.isEmpty { throw ServerError(.badRequest, "group: no authority or force to notify is coded \(Excerpt.bare(chosen ?? ""))") }
            if chosen != nil { fields["everyGroupHref"] = PageRenderer.href("/cross-border", request, setting: ["group": nil, "page": nil]) }
            let groups = entries.map { entry -> [String: Any] in
                let area = entry["area"]?.stringValue ?? "", force = entry["force"]?.stringValue ?? ""
                let crossings = links.filter { $0["from_area"]?.stringValue == area || $0["to_area"]?.stringValue == area }
                let reasons = (entry["reasons"]?.arrayValue ?? []).compactMap(\.stringValue)
                // The whole picture lists thousands of crossings: each group shows its first
                // few, and one group at a time pages through them all.
                let size = chosen == nil ? QueryPageRoutes.crossingsPerGroup : QueryPageRoutes.crossingsPerPage
                let first = chosen == nil ? 0 : min((page - 1) * size, max(crossings.count - 1, 0))
                let shown = crossings.dropFirst(first).prefix(size)
                var group: [String: Any] = [
                    "area": area, "name": entry["name"]?.stringValue ?? area,
                    "isAuthority": area != force,
                    "force": force, "forceName": entry["force_name"]?.stringValue ?? force,
                    "reasons": Array(reasons.prefix(chosen == nil ? QueryPageRoutes.reasonsPerGroup : reasons.count)),
                    "crossings": shown.map { QueryPageRoutes.crossing(.object($0), entities: entities) },
                    "crossingCount": String(crossings.count),
                    "firstShown": String(first + 1), "lastShown": String(first + shown.count),
                ]
                if chosen == nil, crossings.count > shown.count || reasons.count > QueryPageRoutes.reasonsPerGroup {
                    group["moreHref"] = PageRenderer.href("/cross-border", request, setting: ["group": area, "page": nil])
                    group["moreReasons"] = reasons.count > QueryPageRoutes.reasonsPerGroup ? String(reasons.count - QueryPageRoutes.reasonsPerGroup) : nil
                }
                if chosen != nil, first + shown.count < crossings.count {
                    group["nextHref"] = PageRenderer.href("/cross-border", request, setting: ["page": String(page + 1)])
                }
                if chosen != nil, page > 1 {
                    group["previousHref"] = PageRenderer.href("/cross-border", request, setting: ["page": String(page - 1)])
                }
                return group
            }
            fields["anyGroups"] = !groups.isEmpty
            fields["groups"] = groups
        }
    }

    /// How many crossings each group shows when every group is listed.
    static let crossingsPerGroup = 10
    /// How many reasons each group shows when every group is listed.
    static let reasonsPerGroup = 5
    /// How many crossings a page of one group shows.
    static let crossingsPerPage = 100

    /// A cross-border link: its two ends with their areas, the link, and which border it crosses.
    static func crossing(_ json: JSONValue, entities: [String: JSONValue]) -> [String: Any] {
        let object = json.objectValue ?? [:]
        let from = object["from"]?.stringValue ?? "", to = object["to"]?.stringValue ?? ""
        var row = link(json, from: from)
        row["fromEntity"] = entity(entities[from] ?? .object(["id": .string(from)]))
        row["toEntity"] = entity(entities[to] ?? .object(["id": .string(to)]))
        row["border"] = object["label"]?.stringValue == "cross_force" ? "crosses a force border" : "crosses an authority border"
        return row
    }

    // MARK: - MARTHR candidates

    /// The thresholds of the MARTHR protocol (seed 003), by number (docs/QUERIES.md).
    static let criteria = [1: "Under investigation", 2: "Linked to a child at risk, the relationship may expose them to harm",
                           3: "Intelligence suggests a risk of harm from the subject", 4: "A place of potential risk"]

    /// The page lists this many candidates unless asked for more (the whole list of a force
    /// runs to thousands).
    static let candidatesShown = 50
    /// The pieces of evidence a candidate shows; its map shows the rest.
    static let evidenceShown = 10

    /// Persons, networks and places meeting the MARTHR thresholds, best first, with the
    /// score, the criteria met and the evidence behind each.
    @Sendable func marthrCandidates(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.analyse)
        let fields = QueryPageRoutes.filterFields(request).merging(["top": QueryReads.given(request, "top") ?? ""]) { $1 }
        return try answering(fields, "marthr-candidates", context: context) { fields in
            let answer = try reads.marthr(request, context: context, fallback: QueryPageRoutes.candidatesShown).objectValue ?? [:]
            let candidates = (answer["candidates"]?.arrayValue ?? []).compactMap(\.objectValue)
            fields["asOf"] = answer["as_of"]?.stringValue ?? ""
            fields["csvHref"] = Download.csvHref("/api/query/marthr", [("top", QueryReads.given(request, "top") ?? String(QueryPageRoutes.candidatesShown))]
                                                 + QueryPageRoutes.parameters(request, []))
            fields["anyCandidates"] = !candidates.isEmpty
            let meeting = answer["meeting"]?.objectValue ?? [:]
            let total = meeting["any"]?.doubleValue.map { Int($0) } ?? candidates.count
            fields["shown"] = String(candidates.count)
            fields["total"] = String(total)
            fields["more"] = candidates.count < total
            if candidates.count < total {
                let next = min(candidates.count + QueryPageRoutes.candidatesShown, total)
                fields["moreHref"] = PageRenderer.href("/marthr/candidates", request, setting: ["top": String(next)])
                fields["next"] = String(next)
            }
            fields["thresholds"] = (1...4).map { number -> [String: Any] in
                ["number": String(number), "name": QueryPageRoutes.criteria[number] ?? "", "count": String(meeting[String(number)]?.doubleValue.map { Int($0) } ?? 0)]
            }
            let managed = (answer["under_management"]?.arrayValue ?? []).compactMap(\.objectValue)
            fields["anyManaged"] = !managed.isEmpty
            fields["managed"] = managed.map { subject -> [String: Any] in
                var row = QueryPageRoutes.entity(.object(subject))
                row["since"] = subject["since"]?.stringValue ?? "unknown"
                row["openActions"] = String(subject["open_actions"]?.doubleValue.map { Int($0) } ?? 0)
                row["notices"] = (subject["notices_in_force"]?.arrayValue ?? []).compactMap(\.objectValue).map { notice -> String in
                    let tool = (notice["tool"]?.stringValue ?? "").replacingOccurrences(of: "_", with: " ")
                    return "\(notice["ref"]?.stringValue ?? "") (\(tool)\(notice["expires_on"]?.stringValue.map { ", until " + $0 } ?? ""))"
                }
                return row
            }
            fields["candidates"] = candidates.enumerated().map { rank, candidate -> [String: Any] in
                var row = QueryPageRoutes.entity(.object(candidate))
                row["rank"] = String(rank + 1)
                row["evidenceMapHref"] = "/maps/\(PageRenderer.pathSegment(candidate["id"]?.stringValue ?? ""))?view=marthr&audience=police"
                    + PageRoutes.filterQuery(request)
                row["score"] = candidate["score"].map(PageRoutes.text) ?? ""
                row["criteria"] = (candidate["criteria"]?.arrayValue ?? []).compactMap(\.doubleValue).map { Int($0) }.map { number -> [String: Any] in
                    ["number": String(number), "name": QueryPageRoutes.criteria[number] ?? "criterion \(number)"]
                }
                if let newest = candidate["newest_intel"]?.stringValue { row["newest"] = newest }
                let evidence = (candidate["evidence"]?.arrayValue ?? []).compactMap(\.stringValue)
                row["evidence"] = evidence.prefix(QueryPageRoutes.evidenceShown).map { ["parts": EvidenceSentence.fields($0)] }
                if evidence.count > QueryPageRoutes.evidenceShown { row["moreEvidence"] = String(evidence.count - QueryPageRoutes.evidenceShown) }
                row["intel"] = (candidate["intel"]?.arrayValue ?? []).compactMap(\.stringValue).map { ref -> [String: Any] in
                    ["id": ref, "href": PageRoutes.intelHref(ref)]
                }
                row["children"] = (candidate["children_at_risk"]?.arrayValue ?? []).compactMap(\.stringValue).map { ref -> [String: Any] in
                    ["id": ref, "href": "/entities/" + PageRenderer.pathSegment(ref)]
                }
                row["childCount"] = String(candidate["children_at_risk"]?.arrayValue?.count ?? 0)
                return row
            }
        }
    }

    // MARK: - Networks

    /// Key players (betweenness) and communities (Leiden), in one area or the whole picture.
    @Sendable func networks(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.analyse)
        let fields = QueryPageRoutes.filterFields(request).merging(["areaCode": QueryReads.given(request, "area") ?? ""]) { $1 }
        guard request.query("area") != nil else { return pages.page("networks", fields, context: context) }
        return try answering(fields, "networks", context: context) { fields in
            let players = try reads.keyPlayers(request, context: context).objectValue ?? [:]
            let communities = try reads.communities(request, context: context).objectValue ?? [:]
            fields["asked"] = true
            fields["approximate"] = players["approximate"] == .bool(true)
            fields["inScope"] = players["entities_in_scope"].map(PageRoutes.text) ?? "0"
            fields["players"] = (players["players"]?.arrayValue ?? []).compactMap(\.objectValue).map { player -> [String: Any] in
                var row = QueryPageRoutes.entity(.object(player))
                row["degree"] = player["degree"].map(PageRoutes.text) ?? ""
                row["betweenness"] = player["betweenness"].map(PageRoutes.text) ?? ""
                return row
            }
            fields["modularity"] = communities["modularity"].map(PageRoutes.text) ?? ""
            fields["communities"] = (communities["communities"]?.arrayValue ?? []).compactMap(\.objectValue).map { community -> [String: Any] in
                ["size": community["size"].map(PageRoutes.text) ?? "",
                 "members": (community["members"]?.arrayValue ?? []).map(QueryPageRoutes.entity),
                 "atRisk": (community["at_risk_children"]?.arrayValue ?? []).map(QueryPageRoutes.entity)]
            }
        }
    }

    // MARK: - Laying out the API's JSON

    /// Renders `template` with what `body` adds to `fields`; a question the API refuses as
    /// bad (400) or naming nothing (404) shows the form again with its words and status.
    /// Anything else (signed out, no reason given yet, a fault) goes to the error pages.
    func answering(_ fields: [String: Any], _ template: String, context: AppRequestContext,
                   _ body: (inout [String: Any]) throws -> Void) throws -> Response {
        var answered = fields
        do {
            try body(&answered)
        } catch {
            let (status, message) = ErrorMiddleware.describe(error)
            guard status == .badRequest || status == .notFound else { throw error }
            var refused = fields
            refused["message"] = status == .notFound ? "There is no record with that id that you may see. Check the id, or search again." : message
            return pages.page(template, refused, context: context, status: status)
        }
        // Authorities by name, not by code, wherever a record's area is shown.
        return pages.page(template, QueryPageRoutes.namingAreas(answered, try services.store.areaDirectory()), context: context)
    }

    /// `fields` with every `area` that is an authority's or a force's code replaced by its
    /// name, at any depth: the query answers carry codes, people read names.
    static func namingAreas(_ fields: [String: Any], _ areas: AreaDirectory) -> [String: Any] {
        func walk(_ value: Any) -> Any {
            switch value {
            case let object as [String: Any]: return namingAreas(object, areas)
            case let list as [[String: Any]]: return list.map { namingAreas($0, areas) }
            case let list as [Any]: return list.map(walk)
            default: return value
            }
        }
        var named: [String: Any] = [:]
        for (key, value) in fields {
            if key == "area", let code = value as? String, let area = areas.area(code: code) {
                named[key] = area.name
            } else {
                named[key] = walk(value)
            }
        }
        return named
    }

    /// The filters' form fields as the request gave them (the query API's parameter names),
    /// so that the form keeps them; `anyFilter` when one was given.
    /// The page's own parameters (`names`) and the shared filters, as given, for the
    /// address of the same answer as CSV.
    static func parameters(_ request: Request, _ names: [String]) -> [(String, String?)] {
        (names + ["link_kinds", "entity_kinds", "since", "until", "as_of", "min_grade", "include_suspected_false"])
            .map { ($0, QueryReads.given(request, $0)) }
    }

    static func filterFields(_ request: Request) -> [String: Any] {
        let given = [("filterSince", "since"), ("filterUntil", "until"), ("filterAsOf", "as_of"), ("filterMinGrade", "min_grade")]
            .map { field, name in (field, QueryReads.given(request, name) ?? "") }
        var fields: [String: Any] = Dictionary(uniqueKeysWithValues: given)
        fields["anyFilter"] = given.contains { !$0.1.isEmpty }
        return fields
    }

    /// An entity of a query's answer by id.
    static func entities(_ json: JSONValue?) -> [String: JSONValue] {
        var byId: [String: JSONValue] = [:]
        for entity in json?.arrayValue ?? [] {
            if let id = entity.objectValue?["id"]?.stringValue { byId[id] = entity }
        }
        return byId
    }

    /// An entity of a query's answer as the pages show it: its label linking to its page,
    /// its kind, id, area and risk, and its map. Police roles may open every entity's page.
    static func entity(_ json: JSONValue) -> [String: Any] {
        let object = json.objectValue ?? [:]
        let id = object["id"]?.stringValue ?? ""
        let segment = PageRenderer.pathSegment(id)
        var row: [String: Any] = ["id": id, "label": object["label"]?.stringValue ?? id,
                                  "kind": PageRoutes.kindName(object["kind"]?.stringValue ?? ""),
                                  "href": "/entities/" + segment, "mapHref": "/maps/" + segment + "?audience=police"]
        // Always present, so that a section never finds a field of the page around it instead.
        row["area"] = object["area"]?.stringValue ?? ""
        row["anyArea"] = object["area"]?.stringValue != nil
        row["risk"] = object["risk"]?.stringValue.map(CodeWords.risk) ?? ""
        row["anyRisk"] = object["risk"]?.stringValue != nil
        return row
    }

    /// Links of a query's answer as the pages show them.
    static func links(_ json: JSONValue?) -> [[String: Any]] {
        (json?.arrayValue ?? []).map { link($0, from: nil) }
    }

    /// A link of a query's answer: its kind, read in the direction it was recorded (an arrow
    /// pointing away from `from` when the link starts there), its seen dates and the
    /// gradings of its supporting reports.
    static func link(_ json: JSONValue, from: String?) -> [String: Any] {
        let object = json.objectValue ?? [:]
        var row: [String: Any] = [
            "kind": (object["kind"]?.stringValue ?? "").replacingOccurrences(of: "_", with: " "),
            "outgoing": from == nil || object["from"]?.stringValue == from,
        ]
        let first = object["first_seen"]?.stringValue, last = object["last_seen"]?.stringValue
        row["seen"] = switch (first, last) {
        case let (first?, last?) where first != last: "seen \(first) to \(last)"
        case let (first?, _): "seen \(first)"
        case let (nil, last?): "seen \(last)"
        case (nil, nil): "undated"
        }
        let intel = (object["intel"]?.arrayValue ?? []).compactMap(\.objectValue).map { report -> [String: Any] in
            ["id": report["id"]?.stringValue ?? "", "grading": report["grading"]?.stringValue ?? ""]
        }
        row["intel"] = intel
        row["ungraded"] = intel.isEmpty
        return row
    }
}
