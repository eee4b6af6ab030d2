import CaseWorkflow
import Foundation
import GraphCore
import HTTPTypes
import Hummingbird

/// The case-workflow pages: cases, MACCSE panels, MARTHR meetings and the quarterly report,
/// with the coordinators' and the chair's forms. Each page reads through ``WorkflowReads``
/// and each form makes a ``WorkflowWrite``, the same calls as the JSON API, so a page never
/// shows what the API withholds nor does what it refuses.
///
/// A form that succeeds goes back to its page (303); one refused as bad input shows the page
/// again, status 400, with the message and what the user typed.
struct WorkflowPageRoutes {
    let services: Services
    var reads: WorkflowReads { WorkflowReads(services: services) }
    var pages: PageRenderer { services.pages }

    /// A form the workflow refused: the message, which form (its hidden `form` field), and
    /// what was typed into it.
    struct Refusal: Sendable {
        let message: String
        let form: String
        let typed: [String: String]

        /// What was typed, if `form` is the form refused.
        func typed(in form: String) -> [String: String] { self.form == form ? typed : [:] }
    }

    /// Lays out a page: the template and its values, for a record named in the address
    /// (nil for a list), after a refused form or not.
    typealias Layout = @Sendable (Request, AppRequestContext, String?, Refusal?) throws -> (String, [String: Any])

    func add(to router: Router<AppRequestContext>) {
        let group = router.group().add(middleware: PageErrorMiddleware(pages: services.pages))
        group.get("/cases", use: page(casesPage))
        group.get("/main-list", use: page(mainListPage))
        group.get("/cases/{ref}", use: page(casePage))
        let casePageOf: @Sendable (String?, JSONValue) -> String = { ref, _ in "/cases/" + PageRenderer.pathSegment(ref ?? "") }
        group.post("/cases/{ref}/nrm", use: form(.nrm, layout: casePage, back: casePageOf))
        // The decisions are boxes, one field each; the write takes them as one list.
        group.post("/cases/{ref}/strategy-meeting", use: form(.strategyMeeting, layout: casePage, fields: { form, _, _ in
            var form = form
            form["decisions"] = StrategyMeeting.Decision.allCases.filter { form["decision_" + $0.rawValue] != nil }
                .map(\.rawValue).joined(separator: "\n")
            return WriteFields(form: form)
        }, back: casePageOf))
        group.post("/cases/{ref}/transitions-plan", use: form(.transitionsPlan, layout: casePage, back: casePageOf))

        let panel: @Sendable (String?, JSONValue) -> String = { ref, _ in "/panels/" + PageRenderer.pathSegment(ref ?? "") }
        group.get("/panels", use: page(panelsPage))
        group.post("/panels", use: form(.schedulePanel, layout: panelsPage) { _, result in
            "/panels/" + PageRenderer.pathSegment(result.objectValue?["panel"]?.stringValue ?? "")
        })
        group.get("/panels/{ref}", use: page(panelPage))
        group.get("/panels/{ref}/trends", use: page(panelTrendsPage))
        group.post("/panels/{ref}/agenda", use: form(.buildAgenda, layout: panelPage, back: panel))
        group.post("/panels/{ref}/agenda/send", use: form(.sendAgenda, layout: panelPage, back: panel))
        group.post("/panels/{ref}/attendance", use: form(.attendance, layout: panelPage, back: panel))
        group.post("/panels/{ref}/decisions", use: form(.decision, layout: panelPage, back: panel))
        group.post("/panels/{ref}/minutes", use: form(.minutes, layout: panelPage, back: panel))
        group.post("/panels/{ref}/minutes/approval", use: form(.approveMinutes, layout: panelPage, back: panel))
        group.post("/panels/{ref}/cancel", use: form(.cancelPanel, layout: panelPage, back: panel))
        group.post("/panels/{ref}/actions", use: form(.panelAction, layout: panelPage, back: panel))
        group.post("/panels/{ref}/deferrals", use: form(.deferCase, layout: panelPage, back: panel))
        group.post("/panels/{ref}/perpetrators", use: form(.referPerpetrator, layout: panelPage, back: panel))
        group.post("/cases/{ref}/next-agenda", use: form(.addToNextAgenda, layout: casePage, back: casePageOf))
        group.post("/panels/{ref}/actions/{record}", use: form(.updateAction, layout: panelPage, back: panel))

        let meeting: @Sendable (String?, JSONValue) -> String = { ref, _ in "/marthr/" + PageRenderer.pathSegment(ref ?? "") }
        group.get("/marthr", use: page(marthrListPage))
        group.post("/marthr", use: form(.scheduleMarthr, layout: marthrListPage) { _, result in
            "/marthr/" + PageRenderer.pathSegment(result.objectValue?["marthr"]?.stringValue ?? "")
        })
        group.get("/marthr/{ref}", use: page(marthrPage))
        group.post("/marthr/{ref}/nominations", use: form(.nominate, layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/decisions", use: form(.decideNomination, layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/actions", use: form(.marthrAction, layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/actions/{record}", use: form(.updateAction, layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/disruptions", use: form(.disruption, layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/attendance", use: form(.marthrAttendance, layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/minutes", use: form(.marthrMinutes, layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/minutes/approval", use: form(.approveMarthrMinutes, layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/feedback", use: form(.feedback, layout: marthrPage, back: meeting))

        group.get("/reports/quarterly", use: page(quarterlyPage))
        addAssessment(to: group)
        addFrontDoor(to: group)
        addJourney(to: group)
        addDisruptions(to: group)
        addSettings(to: group)
    }

    // MARK: - Pages and forms

    /// A page's route: its layout for the record in the address.
    func page(_ layout: @escaping Layout) -> @Sendable (Request, AppRequestContext) async throws -> Response {
        let pages = pages
        return { request, context in
            let (template, fields) = try layout(request, context, context.parameters.get("ref"), nil)
            return pages.page(template, fields, context: context)
        }
    }

    /// A form's route: the role first (403 before the form is read), then the write with the
    /// record in the address (`{record}` when there is one, else `{ref}`); then back to the
    /// page, or the page again with the refusal.
    ///
    /// - Parameter fields: makes the write's fields of the form's (and the record in the
    ///   address); by default each form field as text. A refusal it throws shows the form
    ///   again like the write's.
    func form(_ write: WorkflowWrite, layout: @escaping Layout,
              fields: @escaping @Sendable ([String: String], String?, Viewer) throws -> WriteFields = { form, _, _ in WriteFields(form: form) },
              back: @escaping @Sendable (String?, JSONValue) -> String) -> @Sendable (Request, AppRequestContext) async throws -> Response {
        let services = services
        return { request, context in
            try write.authorise(context)
            var request = request
            let form = try await request.formFields()
            let ref = context.parameters.get("ref")
            do {
                let viewer = try services.viewer(context, purpose: write.purpose)
                let result = try write.perform(WorkflowWrite.Input(services: services, ref: context.parameters.get("record") ?? ref,
                                                                   fields: try fields(form, ref, viewer), viewer: viewer))
                return .redirect(to: back(ref, result), type: .normal)
            } catch {
                // Input the user can correct, or a clash they can resolve: the form again.
                let (status, message) = ErrorMiddleware.describe(error)
                guard status == .badRequest || status == .conflict else { throw error }
                let refusal = Refusal(message: message, form: form["form"] ?? "", typed: form.filter { $0.key != SessionMiddleware.csrfField })
                let (template, pageFields) = try layout(request, context, ref, refusal)
                var fields = pageFields
                fields["message"] = message
                return services.pages.page(template, fields, context: context, status: status)
            }
        }
    }

    /// Choices for a `<select>`, with the one to show selected, each labelled with its
    /// `words` (else the value with spaces for underscores).
    static func options(_ values: [String], selected: String?, words: [String: String] = [:]) -> [[String: Any]] {
        values.map { ["value": $0, "label": words[$0] ?? $0.replacingOccurrences(of: "_", with: " "), "selected": $0 == selected] }
    }

    /// Language warnings as a page lays them out.
    static func warnings(_ warnings: [LanguageWarning]) -> [[String: Any]] {
        warnings.map { ["matched": $0.matched, "phrase": $0.phrase, "reason": $0.reason, "line": String($0.line),
                        "column": String($0.column), "suggestions": $0.suggestions.joined(separator: "; ")] }
    }

    /// The authorities by code and name: pages show the name first and the code second,
    /// and fill a filter with the name the code stands for.
    func areas() throws -> AreaDirectory {
        try services.store.areaDirectory()
    }

    /// `fields[key]`, an area's code, as its name with the code after it.
    static func nameArea(_ fields: inout [String: Any], _ key: String = "area", in areas: AreaDirectory) {
        guard let code = fields[key] as? String, let area = areas.area(code: code) else { return }
        fields[key] = area.label
    }

    static func href(_ base: String, _ id: String?) -> String? {
        guard let id, !id.isEmpty else { return nil }
        return base + PageRenderer.pathSegment(id)
    }
}
