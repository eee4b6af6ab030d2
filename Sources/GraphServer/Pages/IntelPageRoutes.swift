import Foundation
import GraphCore
import GraphStore
import Hummingbird

/// The intelligence entry pages: the entry form, a report with what rests on it and its
/// history, and the edit form. The form's script (`/static/intel.js`) saves through the
/// JSON API (`POST /api/intel`, `PUT /api/intel/{id}`), checks the text's language as it is
/// typed (`POST /api/lint`) and finds entities as they are typed (`GET /api/search`); the
/// report page reads through ``GraphReads/intel(_:for:)``, as the API does.
struct IntelPageRoutes {
    let services: Services
    var reads: GraphReads { GraphReads(services: services) }
    var pages: PageRenderer { services.pages }

    func add(to router: Router<AppRequestContext>) {
        let group = router.group().add(middleware: PageErrorMiddleware(pages: services.pages))
        group.get("/intel/new", use: newReport)
        group.post("/intel/new", use: enterByForm)
        group.get("/intel/{id}", use: report)
        group.get("/intel/{id}/edit", use: editReport)
        group.post("/intel/{id}/edit", use: editByForm)
    }

    @Sendable func newReport(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.writeIntel)
        var fields = try formFields(nil)
        fields["id"] = IntelPageRoutes.generatedId()
        return pages.page("intel-form", fields, context: context)
    }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireSensitive(.readPicture)
        let (typed, access) = try reads.intel(try context.parameters.require("id"), for: context)
        let report = typed.json.objectValue ?? [:]
        // Link only to pages the viewer may open (a panel member: their agenda children).
        var entities: [String: IntelReport.Entity] = [:]
        for entity in typed.about + typed.links.flatMap({ [$0.from, $0.to] }) { entities[entity.id] = entity }
        var fields = try IntelPageRoutes.reportFields(report) { id in
            guard let entity = entities[id], access.mayOpen(kind: entity.kind, ref: id, area: entity.area, force: entity.force) else { return nil }
            return "/entities/" + PageRenderer.pathSegment(id)
        }
        fields["warnings"] = services.workflow.language.check(report["text"]?.stringValue ?? "").map { warning -> [String: Any] in
            ["matched": warning.matched, "reason": warning.reason, "suggestions": warning.suggestions]
        }
        for list in ["warnings", "about", "links", "history"] {
            fields["any" + list.prefix(1).uppercased() + String(list.dropFirst())] = !((fields[list] as? [Any]) ?? []).isEmpty
        }
        if account.role.may(.writeIntel) {
            fields["editHref"] = "/intel/" + PageRenderer.pathSegment(fields["id"] as? String ?? "") + "/edit"
        }
        return pages.page("intel-report", fields, context: context)
    }

    @Sendable func editReport(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireSensitive(.writeIntel)
        let report = try reads.intel(try context.parameters.require("id"), for: context).report.json.objectValue ?? [:]
        return pages.page("intel-form", try formFields(report), context: context)
    }

    // MARK: - Saving without script

    /// The form posted without script: the report alone (finding and adding records and
    /// links needs the script), through the same calls as the API; then its page.
    @Sendable func enterByForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.writeIntel)
        var request = request
        let form = try await request.formFields()
        let (id, _, _) = try IntelRoutes(services: services).enterReport(["intel": .object(IntelPageRoutes.report(form, editing: false))],
                                                                         context: context)
        return .redirect(to: "/intel/" + PageRenderer.pathSegment(id), type: .normal)
    }

    /// The edit form posted without script: the report's fields and the reason.
    @Sendable func editByForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.writeIntel)
        let id = try context.parameters.require("id")
        var request = request
        let form = try await request.formFields()
        _ = try IntelRoutes(services: services).editReport(id, ["intel": .object(IntelPageRoutes.report(form, editing: true)),
                                                                "reason": .string(form["reason"] ?? "")], context: context)
        return .redirect(to: "/intel/" + PageRenderer.pathSegment(id), type: .normal)
    }

    /// The report's fields from the form: a field left empty is not given (on an edit, an
    /// empty agency is cleared), and handling conditions go with code C only.
    static func report(_ form: [String: String], editing: Bool) -> [String: JSONValue] {
        var report: [String: JSONValue] = [:]
        for field in ["id", "date", "source_evaluation", "intelligence_assessment", "handling_code", "agency", "text"] {
            if let value = form[field]?.trimmingWhitespace(), !value.isEmpty { report[field] = .string(field == "text" ? form[field] ?? value : value) }
        }
        if editing {
            report["id"] = nil
            if report["agency"] == nil { report["agency"] = .null }
        }
        if report["handling_code"] == "C", let conditions = form["handling_conditions"] { report["handling_conditions"] = .string(conditions) }
        return report
    }

    // MARK: - The form

    /// The form's fields: empty for a new report, else the report's values.
    func formFields(_ report: [String: JSONValue]?) throws -> [String: Any] {
        let value = { (field: String) in report?[field]?.stringValue ?? "" }
        let areas = try services.store.reading { tx in try tx.rows("intel/report.areas") }
        var fields: [String: Any] = [
            "date": report == nil ? CalendarDate.today.description : value("date"),
            "conditions": value("handling_conditions"), "agency": value("agency"), "text": value("text"),
            "entityKinds": EntityKind.allCases.map { ["value": $0.rawValue, "label": PageRoutes.kindName($0.rawValue)] },
            "linkKinds": LinkKind.allCases.map { ["value": $0.rawValue, "label": $0.words] },
            // The link rules, served from the one table (``LinkKind``) for the form to offer
            // only the kinds that fit the chosen records; the entry checks them again.
            "linkRules": IntelPageRoutes.linkRules,
            "areas": areas.map { ["code": $0.string("code"), "name": $0.string("name")] },
            "about": (report?["about"]?.arrayValue ?? []).compactMap(\.objectValue).map { entity -> [String: Any] in
                ["id": entity["id"]?.stringValue ?? "", "kind": entity["kind"]?.stringValue ?? "",
                 "kindName": PageRoutes.kindName(entity["kind"]?.stringValue ?? ""), "label": entity["label"]?.stringValue ?? "",
                 "harm": entity["harm"] == .bool(true)]
            },
        ]
        fields.merge(Grading.choices(source: report?["source_evaluation"]?.stringValue, assessment: report?["intelligence_assessment"]?.stringValue,
                                     handling: report?["handling_code"]?.stringValue)) { $1 }
        if let report, let id = report["id"]?.stringValue {
            let segment = PageRenderer.pathSegment(id)
            let links = try (report["links"]?.arrayValue ?? []).compactMap(\.objectValue).map { try IntelPageRoutes.link($0) { _ in nil } }
            fields.merge(["editing": true, "id": id, "method": "PUT", "action": "/api/intel/" + segment, "cancelHref": "/intel/" + segment,
                          "formAction": "/intel/\(segment)/edit", "links": links]) { $1 }
        } else {
            fields.merge(["method": "POST", "action": "/api/intel", "cancelHref": "/search", "formAction": "/intel/new"]) { $1 }
        }
        fields["anyLinks"] = !((fields["links"] as? [Any]) ?? []).isEmpty
        return fields
    }

    /// A new report's id: the day and a random part, which the coordinator may replace with
    /// the submitting system's reference.
    static func generatedId(today: CalendarDate = .today) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let random = String((0..<6).map { _ in alphabet.randomElement()! })
        return "INT-" + today.description.replacingOccurrences(of: "-", with: "") + "-" + random
    }

    // MARK: - The report page

    /// The report page's fields, from the JSON the API answers with.
    ///
    /// - Parameters:
    ///   - href: the page of an entity the viewer may open, nil for one they may not.
    static func reportFields(_ report: [String: JSONValue], href: (String) throws -> String?) throws -> [String: Any] {
        let value = { (field: String) in report[field]?.stringValue ?? "" }
        var fields: [String: Any] = [
            "id": value("id"), "date": value("date"), "grading": value("grading"),
            "source": value("source_evaluation"), "sourceMeaning": Grading.SourceEvaluation(rawValue: value("source_evaluation"))?.meaning ?? "",
            "assessment": value("intelligence_assessment"),
            "assessmentMeaning": Grading.Assessment(rawValue: value("intelligence_assessment"))?.meaning ?? "",
            "handling": value("handling_code"), "handlingMeaning": Grading.HandlingCode(rawValue: value("handling_code"))?.meaning ?? "",
            "createdAt": value("created_at"), "updatedAt": value("updated_at"),
            "about": try (report["about"]?.arrayValue ?? []).compactMap(\.objectValue).map { about -> [String: Any] in
                var row = try entity(about, href: href)
                row["harm"] = about["harm"] == .bool(true)
                return row
            },
            "links": try (report["links"]?.arrayValue ?? []).compactMap(\.objectValue).map { try link($0, href: href) },
            "history": (report["history"]?.arrayValue ?? []).compactMap(\.objectValue).map(version),
            "historyWithheld": (Int(report["history_withheld"].map(PageRoutes.text) ?? "") ?? 0) > 0,
            "textWithheld": report["text_withheld"] == .bool(true),
        ]
        for (key, field) in [("conditions", "handling_conditions"), ("agency", "agency"), ("submittedBy", "submitted_by"),
                             ("text", "text"), ("legacy", "legacy_grading")] {
            if let text = report[field]?.stringValue, !text.isEmpty { fields[key] = text }
        }
        return fields
    }

    /// An entity of the report's JSON as the pages list it, linked when the viewer may open it.
    static func entity(_ entity: [String: JSONValue], href: (String) throws -> String?) throws -> [String: Any] {
        let id = entity["id"]?.stringValue ?? ""
        var row: [String: Any] = ["id": id, "label": entity["label"]?.stringValue ?? id, "kind": PageRoutes.kindName(entity["kind"]?.stringValue ?? "")]
        if let page = try href(id) { row["href"] = page }
        return row
    }

    /// A link of the report's JSON as the pages list it, its ends as ``entity(_:href:)`` lays them out.
    static func link(_ link: [String: JSONValue], href: (String) throws -> String?) throws -> [String: Any] {
        var row: [String: Any] = [
            "kind": (link["kind"]?.stringValue ?? "").replacingOccurrences(of: "_", with: " "),
            "from": try entity(link["from"]?.objectValue ?? [:], href: href),
            "to": try entity(link["to"]?.objectValue ?? [:], href: href),
        ]
        for (key, field) in [("firstSeen", "first_seen"), ("lastSeen", "last_seen"), ("note", "note")] {
            if let value = link[field]?.stringValue { row[key] = value }
        }
        row["concern"] = link["concern"] == .bool(true)
        return row
    }

    /// An earlier version as the history table shows it.
    static func version(_ version: [String: JSONValue]) -> [String: Any] {
        let fields = version["fields"]?.objectValue ?? [:]
        var row: [String: Any] = [
            "version": version["version"].map(PageRoutes.text) ?? "", "grading": version["grading"]?.stringValue ?? "",
            "changedBy": version["changed_by"]?.stringValue ?? "", "changedAt": version["changed_at"]?.stringValue ?? "",
            "reason": version["reason"]?.stringValue ?? "", "date": fields["date"]?.stringValue ?? "",
            "about": (fields["about"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ", "),
        ]
        for (key, field) in [("conditions", "handling_conditions"), ("agency", "agency"), ("text", "text")] {
            // NSNull, not absent: Mustache would otherwise show the current report's value.
            if let text = fields[field]?.stringValue, !text.isEmpty { row[key] = text } else { row[key] = NSNull() }
        }
        return row
    }

    /// The link rules as JSON for the form: each kind with the entity kinds it may go from
    /// and to, and its words.
    static let linkRules: String = JSONValue.object(Dictionary(uniqueKeysWithValues: LinkKind.allCases.map { kind in
        (kind.rawValue, JSONValue.object(["from": .array(kind.fromKinds.sorted().map { .string($0.rawValue) }),
                                          "to": .array(kind.toKinds.sorted().map { .string($0.rawValue) }),
                                          "words": .string(kind.words)]))
    })).jsonText
}
