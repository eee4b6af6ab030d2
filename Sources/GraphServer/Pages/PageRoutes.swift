import Foundation
import GraphCore
import GraphQuery
import GraphRender
import GraphStore
import HTTPTypes
import Hummingbird

/// The server-rendered HTML pages: sign in and out, search, an entity, a map. Each reads
/// through ``GraphReads``, the same calls as the JSON API, so a page never shows what the
/// API would withhold.
struct PageRoutes {
    let services: Services
    var reads: GraphReads { GraphReads(services: services) }
    var pages: PageRenderer { services.pages }

    func add(to router: Router<AppRequestContext>) {
        router.get("/static/{name}", use: staticFile)
        let group = router.group().add(middleware: PageErrorMiddleware(pages: services.pages))
        group.get("/", use: home)
        group.get("/sign-in", use: signInForm)
        group.post("/sign-in", use: signIn)
        group.post("/sign-out", use: signOut)
        group.get("/reason", use: reasonForm)
        group.post("/reason", use: giveReason)
        group.get("/search", use: search)
        group.post("/search", use: searchPosted)
        group.post("/search.csv", use: searchCSV)
        group.get("/entities/{id}", use: entity)
        group.get("/entities/{id}/timeline", use: timeline)
        group.get("/maps/{id}", use: map)
        group.get("/audit", use: audit)
    }

    @Sendable func staticFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let response = pages.file(try context.parameters.require("name")) else { throw ServerError.notFound }
        return response
    }

    /// Each role lands where its work is (``Role/firstPage``); signed out, the sign-in form.
    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        .redirect(to: context.account?.role.firstPage ?? "/sign-in", type: .normal)
    }

    // MARK: - Sign in and out

    @Sendable func signInForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let account = context.account { return .redirect(to: account.role.firstPage, type: .normal) }
        return pages.page("sign-in", [:], context: context)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        // No session yet, so no CSRF token: refuse a sign-in posted from another site's page
        // instead, so that nobody can sign a browser in to an account of theirs (login CSRF).
        try SignInOrigin.check(request, client: context.client)
        var request = request
        let form = try await request.formFields()
        let username = form["username"] ?? ""
        do {
            let signedIn = try await services.signIn(username: username, password: form["password"] ?? "", client: context.client,
                                                     device: request.cookies[Services.deviceCookieName]?.value)
            var response = Response.redirect(to: signedIn.session.account.role.firstPage, type: .normal)
            for cookie in services.signInCookies(signedIn) { response.setCookie(cookie) }
            return response
        } catch let error as ServerError where error.status == .unauthorized || error.status == .tooManyRequests {
            // The form again, with the username kept (never the password) and the same words
            // as the API, so a wrong username and a wrong password read alike.
            var response = pages.page("sign-in", ["message": error.message, "username": username], context: context, status: error.status)
            ErrorMiddleware.retryLater(&response, error)
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        // SessionMiddleware has checked the form's CSRF token before this runs.
        if let session = context.session { try services.accounts.signOut(sessionDigest: session.digest) }
        var response = Response.redirect(to: "/sign-in", type: .normal)
        response.setCookie(services.endedSessionCookie())
        return response
    }

    // MARK: - The reason for sensitive views

    /// Asks, once per session, why the user needs to see personal data; the audit log
    /// records the answer with every view.
    @Sendable func reasonForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireSignedIn()
        return pages.page("reason", ["next": PageRenderer.localPath(request.query("next"), otherwise: account.role.firstPage),
                                     "reason": context.reason ?? ""], context: context)
    }

    @Sendable func giveReason(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireSignedIn()
        guard let session = context.session else { throw ServerError.signInNeeded }
        var request = request
        let form = try await request.formFields()
        let next = PageRenderer.localPath(form["next"], otherwise: account.role.firstPage)
        do {
            try services.accounts.justify(sessionDigest: session.digest, try Services.checkedReason(form["reason"]))
        } catch let error as ServerError where error.status == .badRequest {
            return pages.page("reason", ["next": next, "reason": form["reason"] ?? "", "message": error.message], context: context,
                              status: .badRequest)
        }
        return .redirect(to: next, type: .normal)
    }

    // MARK: - The picture

    /// The search form. Its hits name people, so the session's reason is asked for first;
    /// a `q` in the address is ignored, as names never go in a URL.
    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readPicture)
        return try searchPage("", context: context)
    }

    /// The hits for the posted text: the form posts, so a name searched for never sits in a
    /// URL, the browser's history or a proxy's log.
    @Sendable func searchPosted(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readPicture)
        var request = request
        let form = try await request.formFields()
        let limit = try PageRoutes.searchLimit(form["limit"])
        return try searchPage(form["q"]?.trimmingWhitespace() ?? "", limit: limit, context: context)
    }

    /// The hits for the posted text as CSV (the search page's download button posts the
    /// text again, with the number shown, so it never sits in a URL): the same search, then
    /// a disclosure of the records listed, audited with the recipient; the text itself is
    /// audited only as the search's digest.
    @Sendable func searchCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.readPicture)
        var request = request
        let form = try await request.formFields()
        let text = form["q"]?.trimmingWhitespace() ?? ""
        guard !text.isEmpty else { throw ServerError(.badRequest, "give q, the text to find") }
        let limit = try PageRoutes.searchLimit(form["limit"])
        let hits = try reads.search(text, kind: nil, limit: limit, for: context)
        let (file, ids) = Download.table("search results", hits.map { hit in
            .object(["id": .string(hit.id), "kind": .string(PageRoutes.kindName(hit.kind.rawValue)), "label": .string(hit.label),
                     "area": hit.area.map(JSONValue.string) ?? .null])
        }, columns: ["id", "kind", "label", "area"], ids: ["id"], name: "search-results")
        return try file.response(recordIds: ids, request: request, context: context, services: services)
    }

    /// How many matches a posted search asks for (`limit`, one of ``searchLimits``).
    ///
    /// - Throws: ``ServerError`` 400 naming `limit` for any other number.
    static func searchLimit(_ text: String?) throws -> Int {
        let limit = Int(text ?? "") ?? PageRoutes.searchShown
        guard PageRoutes.searchLimits.contains(limit) else {
            throw ServerError(.badRequest, "limit: show " + PageRoutes.searchLimits.map(String.init).joined(separator: ", ") + " matches")
        }
        return limit
    }

    /// The matches a search shows first, and how many it may be asked to show.
    static let searchShown = 50
    static let searchLimits = [50, 200, 1_000]

    private func searchPage(_ text: String, limit: Int = PageRoutes.searchShown, context: AppRequestContext) throws -> Response {
        var fields: [String: Any] = ["q": text]
        if !text.isEmpty {
            // One more than is shown, to know whether there are more.
            var hits = try reads.search(text, kind: nil, limit: limit + 1, for: context)
            if hits.count > limit {
                hits.removeLast()
                fields["cut"] = String(limit)
                if let more = PageRoutes.searchLimits.first(where: { $0 > limit }) { fields["moreLimit"] = String(more) }
            }
            fields["shown"] = String(hits.count)
            fields["limit"] = String(limit)
            fields["searched"] = true
            fields["anyHits"] = !hits.isEmpty
            fields["hits"] = hits.map { hit -> [String: Any] in
                var row: [String: Any] = ["id": hit.id, "kind": PageRoutes.kindName(hit.kind.rawValue), "label": hit.label,
                                          "href": "/entities/" + PageRenderer.pathSegment(hit.id)]
                if let area = hit.area { row["area"] = area }
                return row
            }
        }
        return pages.page("search", fields, context: context)
    }

    @Sendable func entity(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireSensitive(.readPicture)
        let id = try context.parameters.require("id")
        // The same record the API answers with, as the store filtered it: the page only lays it out.
        let (entity, access) = try reads.entity(id, for: context)
        let detail = entity.json.objectValue ?? [:]
        let links = zip(entity.links, (detail["links"]?.arrayValue ?? []).compactMap(\.objectValue)).map { typed, link -> [String: Any] in
            var row = PageRoutes.link(link)
            // Link only to pages the viewer may open: for a panel member, only their agenda
            // children; the others are named but lead nowhere.
            let other = typed.other
            if access.mayOpen(kind: other.kind, ref: other.id, area: other.area, force: other.force) {
                row["otherHref"] = "/entities/" + PageRenderer.pathSegment(other.id)
            }
            return row
        }
        let areas = try services.store.areaDirectory()
        var fields: [String: Any] = [
            "id": detail["id"]?.stringValue ?? id, "label": detail["label"]?.stringValue ?? id,
            "kind": PageRoutes.kindName(detail["kind"]?.stringValue ?? ""),
            "mapHref": "/maps/" + PageRenderer.pathSegment(id),
            "timelineHref": "/entities/\(PageRenderer.pathSegment(detail["id"]?.stringValue ?? id))/timeline",
            "otherIds": (detail["ids"]?.arrayValue ?? []).compactMap(\.stringValue).dropFirst().map { $0 },
            "attributes": (detail["attributes"]?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { key, value -> [String: Any] in
                ["name": key.replacingOccurrences(of: "_", with: " "),
                 "value": key == "area" ? (areas.area(code: PageRoutes.text(value))?.label ?? PageRoutes.text(value))
                     : CodeWords.words(field: key, PageRoutes.text(value))]
            },
            "links": links,
            "about": (detail["about"]?.arrayValue ?? []).compactMap(\.objectValue).map(PageRoutes.intelligence),
        ]
        fields["anyAttributes"] = !((fields["attributes"] as? [Any]) ?? []).isEmpty
        fields["anyLinks"] = !links.isEmpty
        if let area = detail["area"]?.objectValue {
            fields["area"] = "\(area["name"]?.stringValue ?? "") (\(area["code"]?.stringValue ?? ""))"
        }
        // The notices in force on the record, or protecting the child: for those who read
        // MARTHR's register, and only those whose subject and child they may see.
        let notices = try WorkflowReads(services: services).noticesInForce(about: detail["id"]?.stringValue ?? id, for: context)
        fields["notices"] = try notices.map(WorkflowPageRoutes.noticeRow)
        fields["showsNotices"] = account.role.may(.readMarthr)
        fields["anyNotices"] = !notices.isEmpty
        // A child's case work: their cases, each leading to its panels, decisions and notices.
        if account.role.may(.readCases), detail["kind"]?.stringValue == "child" {
            let cases = try services.workflow.cases(ofChild: detail["id"]?.stringValue ?? id,
                                                    by: services.viewer(context, purpose: "a child's cases"))
            fields["showsCases"] = true
            fields["anyCases"] = !cases.isEmpty
            fields["cases"] = cases.map { summary -> [String: Any] in
                ["ref": summary.ref, "href": "/cases/" + PageRenderer.pathSegment(summary.ref), "status": summary.status,
                 "area": areas.area(code: summary.area)?.label ?? summary.area, "openedOn": summary.openedOn,
                 "concern": CodeWords.concerns[summary.concern] ?? summary.concern,
                 "closedOn": summary.closedOn ?? "", "isClosed": summary.closedOn != nil]
            }
            // Their panels and missing episodes, read through each case as its page reads
            // it (audited as case views): a case the viewer may not open adds nothing.
            if account.role.may(.readCase), !cases.isEmpty {
                let (panels, missing) = try childCaseWork(cases, context: context)
                fields["showsCaseWork"] = true
                fields["panels"] = panels
                fields["anyPanels"] = !panels.isEmpty
                fields["missing"] = missing
                fields["anyMissing"] = !missing.isEmpty
            }
        }
        if account.role.may(.readFlags), ["child", "adult", "location", "vehicle"].contains(detail["kind"]?.stringValue ?? "") {
            fields["flagsHref"] = "/flags/" + PageRenderer.pathSegment(detail["id"]?.stringValue ?? id)
        }
        return pages.page("entity", fields, context: context)
    }

    @Sendable func map(_ request: Request, context: AppRequestContext) async throws -> Response {
        let view = try MapView(request)
        let account = try context.requireSensitive(view == .associations ? .readPicture : .analyse)
        let id = try context.parameters.require("id")
        let audience = try GraphReads.audience(request.query("audience"))
        let hops = try request.integer("hops", default: view == .crossBorder ? 3 : 1, in: 1...3)
        // The same checks the map itself makes, so the page is refused exactly when the map
        // would be; and a missing entity gets the same page as a hidden one.
        let viewer = try services.viewer(context, purpose: "viewing a map")
        try reads.checkMap(id, audience: audience, for: viewer)
        if case .path(let to) = view { try reads.checkMap(to, audience: audience, for: viewer) }
        // The filters are checked here too, so that a bad one is said on the page, not as a
        // blank map.
        let filter = try QueryReads(services: services).filter(request)
        let arrangement = try MapArrangement(request)
        let segment = PageRenderer.pathSegment(id)
        let audiences: [Audience] = account.role.isPolice ? Audience.allCases : [.panel]
        let filters = PageRoutes.mapFilterQuery(request)
        func href(hops: Int, audience: Audience) -> String { "/maps/\(segment)?hops=\(hops)&audience=\(audience.rawValue)" + filters }
        // The map's own question: hops, audience and filters, for its downloads.
        let mapQuery: String = "hops=\(hops)&audience=\(audience.rawValue)" + filters
        var fields = QueryPageRoutes.filterFields(request)
        fields.merge([
            "id": id, "entityHref": "/entities/" + segment, "hops": String(hops), "audience": audience.rawValue,
            "heading": view.heading(id), "takesHops": view.takesHops, "isAssociations": view == .associations,
            "viewFields": PageRoutes.viewFields(view),
            "svgHref": "/api/maps/\(segment)?hops=\(hops)&audience=\(audience.rawValue)" + filters,
            "hopChoices": (1...3).map { hop -> [String: Any] in ["hops": String(hop), "href": href(hops: hop, audience: audience),
                                                                 "current": hop == hops] },
            // Downloads as plain links: the map as drawn here (same hops, audience and filters),
            // and for those who may export networks, the same network for Analyst's Notebook,
            // Gephi or yEd. Each is a disclosure to the account, audited as it is served.
            "mapDownloads": ["svg", "pdf", "png"].map { format -> [String: Any] in
                let href: String = mapQuery + "&format=\(format)&download=1"
                return ["label": format.uppercased(), "href": "/api/maps/\(segment)?" + href]
            },
            "networkDownloads": account.role.may(.analyse) && view == .associations ? [("graphml", "GraphML"), ("gexf", "GEXF"), ("anx", "ANX (i2)")].map { format, label -> [String: Any] in
                let href: String = "/api/export?format=\(format)&root=\(segment)&" + mapQuery
                return ["label": label, "href": href]
            } : [[String: Any]](),
            "anyNetworkDownloads": account.role.may(.analyse) && view == .associations,
            "anyAudiences": audiences.count > 1,
            "audienceChoices": audiences.map { choice -> [String: Any] in
                ["name": choice.rawValue, "href": href(hops: hops, audience: choice), "current": choice == audience]
            },
            "newSince": QueryReads.given(request, "new_since") ?? "",
            "entityKindChoices": EntityKind.allCases.map { kind -> [String: Any] in
                ["value": kind.rawValue, "label": PageRoutes.kindName(kind.rawValue), "checked": filter.entityKinds?.contains(kind) ?? false]
            },
            "linkKindChoices": LinkKind.allCases.map { kind -> [String: Any] in
                ["value": kind.rawValue, "label": PageRoutes.kindName(kind.rawValue), "checked": filter.linkKinds?.contains(kind) ?? false]
            },
            "kindsChosen": filter.entityKinds != nil || filter.linkKinds != nil,
        ]) { $1 }
        fields.merge(PageRoutes.arrangementFields(arrangement, request: request, path: "/maps/\(segment)")) { $1 }
        if filter.entityKinds != nil || filter.linkKinds != nil || QueryReads.given(request, "new_since") != nil { fields["anyFilter"] = true }
        return pages.page("map", fields, context: context)
    }

    /// The map page's collapse choices, what the viewer changed in words and the link that
    /// draws the map as found (the same question without the arrangement).
    static func arrangementFields(_ arrangement: MapArrangement, request: Request, path: String) -> [String: Any] {
        var base = request.uri.queryParameters.filter { !MapArrangement.parameterNames.contains(String($0.key)) }
            .map { URLQueryItem(name: String($0.key), value: String($0.value)) }
        func href(_ items: [URLQueryItem]) -> String {
            var components = URLComponents()
            components.queryItems = items
            return path + (items.isEmpty ? "" : "?" + (components.percentEncodedQuery ?? ""))
        }
        var kept = request.uri.queryParameters.filter { ["expand", "hide", "pin"].contains(String($0.key)) }
            .map { URLQueryItem(name: String($0.key), value: String($0.value)) }
        let words = [(arrangement.expanded.count, "brought in the links of"), (arrangement.hidden.count, "hid"),
                     (arrangement.pinned.count, "pinned")].filter { $0.0 > 0 }
            .map { "\($0.1) \($0.0) \($0.0 == 1 ? "entity" : "entities")" }
            + (arrangement.grouping == .none ? [] : ["collapsed by \(arrangement.grouping == .area ? "authority" : "community")"])
        base.sort { $0.name < $1.name }
        kept.sort { $0.name < $1.name }
        return [
            "groupChoices": MapArrangement.Grouping.allCases.map { grouping -> [String: Any] in
                let label = switch grouping {
                case .none: "nothing"
                case .area: "each authority"
                case .community: "each community"
                }
                let items = base + kept + (grouping == .none ? [] : [URLQueryItem(name: "group", value: grouping.rawValue)])
                return ["value": grouping.rawValue, "label": label, "href": href(items), "current": grouping == arrangement.grouping]
            },
            "arranged": !arrangement.isEmpty,
            "arrangedWords": words.joined(separator: ", "),
            "resetHref": href(base),
            "arrangementFields": (kept + (arrangement.grouping == .none ? [] : [URLQueryItem(name: "group", value: arrangement.grouping.rawValue)])
                                  + arrangement.opened.map { URLQueryItem(name: "open", value: $0) })
                .map { ["name": $0.name, "value": $0.value ?? ""] },
        ]
    }

    /// The hidden fields that keep the map's view when its filters are changed.
    static func viewFields(_ view: MapView) -> [[String: String]] {
        switch view {
        case .associations: []
        case .crossBorder: [["name": "view", "value": "cross_border"]]
        case .marthr: [["name": "view", "value": "marthr"]]
        case .path(let to): [["name": "view", "value": "path"], ["name": "to", "value": to]]
        }
    }

    /// The map's filters as the request gave them, as query parameters to carry on (`&...`).
    static func mapFilterQuery(_ request: Request) -> String {
        carried(request, QueryFilter.settingNames + ["new_since", "view", "to"] + MapArrangement.parameterNames)
    }

    /// The query filters alone as the request gave them (`&...`), for a map drawn from an
    /// analysis page.
    static func filterQuery(_ request: Request) -> String {
        carried(request, QueryFilter.settingNames)
    }

    /// The parameters `names` as the request gave them, as query parameters (`&...`).
    private static func carried(_ request: Request, _ names: [String]) -> String {
        var items: [URLQueryItem] = []
        for name in names {
            for value in request.uri.queryParameters.getAll(name) where !value.isEmpty { items.append(URLQueryItem(name: name, value: value)) }
        }
        var components = URLComponents()
        components.queryItems = items
        return items.isEmpty ? "" : "&" + (components.percentEncodedQuery ?? "")
    }

    // MARK: - Laying out the API's JSON

    static func link(_ link: [String: JSONValue]) -> [String: Any] {
        let other = link["other"]?.objectValue ?? [:]
        let otherId = other["id"]?.stringValue ?? ""
        var row: [String: Any] = [
            "kind": (link["kind"]?.stringValue ?? "").replacingOccurrences(of: "_", with: " "),
            "outgoing": link["direction"]?.stringValue == "out",
            "otherId": otherId, "otherLabel": other["label"]?.stringValue ?? otherId,
            "otherKind": kindName(other["kind"]?.stringValue ?? ""),
            "intel": (link["intel"]?.arrayValue ?? []).compactMap(\.objectValue).map(intelligence),
        ]
        for (key, field) in [("firstSeen", "first_seen"), ("lastSeen", "last_seen"), ("note", "note")] {
            if let value = link[field]?.stringValue { row[key] = value }
        }
        return row
    }

    static func intelligence(_ intel: [String: JSONValue]) -> [String: Any] {
        var row: [String: Any] = [:]
        for (key, field) in [("id", "id"), ("date", "date"), ("grading", "grading"), ("conditions", "handling_conditions"),
                             ("agency", "agency"), ("text", "text")] {
            if let value = intel[field]?.stringValue { row[key] = value }
        }
        if let id = intel["id"]?.stringValue { row["href"] = PageRoutes.intelHref(id) }
        // The agency in words (`childrens_services` is "Children's social care").
        if let agency = intel["agency"]?.stringValue { row["agency"] = CodeWords.agency(agency) }
        if intel["text_withheld"] == .bool(true) { row["textWithheld"] = true }
        return row
    }

    /// Where a report's id leads: intelligence an assessment wrote (`assessment/ASMT-...`)
    /// to the assessment's page, any other to the report's.
    static func intelHref(_ id: String) -> String {
        let written = "assessment/"
        if id.hasPrefix(written) { return "/assessments/" + PageRenderer.pathSegment(String(id.dropFirst(written.count))) }
        return "/intel/" + PageRenderer.pathSegment(id)
    }

    /// A value as text: strings as they are, a list of strings as a list, yes and no for
    /// booleans, anything else as JSON.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "yes" : "no"
        case .array(let items) where items.allSatisfy({ $0.stringValue != nil }):
            return items.compactMap(\.stringValue).joined(separator: ", ")
        default: return value.jsonText
        }
    }

    /// An entity kind as the pages name it.
    static func kindName(_ kind: String) -> String {
        kind == "location" ? "place" : kind.replacingOccurrences(of: "_", with: " ")
    }
}
