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

    /// A form the workflow refused: the message, which form (its hidden `form` field), what
    /// was typed into it, and the field at fault when the refusal names one.
    struct Refusal: Sendable {
        let message: String
        let form: String
        let typed: [String: String]
        /// The field the refusal names (a form field's name), and its words to show beside it.
        var field: String? = nil
        var fieldMessage: String = ""

        /// What was typed, if `form` is the form refused.
        func typed(in form: String) -> [String: String] { self.form == form ? typed : [:] }

        /// The message beside its field, if `form` is the form refused: `[field: words]`.
        func errors(in form: String) -> [String: String] {
            guard self.form == form, let field else { return [:] }
            return [field: fieldMessage]
        }
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
        group.post("/cases/{ref}/nrm", use: form(.nrm, saved: "NRM stage recorded on case {record}", layout: casePage, back: casePageOf))
        // The decisions are boxes, one field each; the write takes them as one list. Who
        // attended and the flags actioned are rows (``writeFields(_:)``).
        group.post("/cases/{ref}/strategy-meeting", use: form(.strategyMeeting, saved: "Strategy meeting recorded on case {record}", layout: casePage, fields: { form, _, _ in
            var form = form
            form["decisions"] = StrategyMeeting.Decision.allCases.filter { form["decision_" + $0.rawValue] != nil }
                .map(\.rawValue).joined(separator: "\n")
            var values = try WorkflowPageRoutes.writeFields(form).values
            if let flags = values.removeValue(forKey: "set_flags") { values["flags"] = flags }
            return WriteFields(values)
        }, back: casePageOf))
        group.post("/cases/{ref}/transitions-plan", use: form(.transitionsPlan, saved: "Transitions plan recorded on case {record}", layout: casePage, back: casePageOf))

        let panel: @Sendable (String?, JSONValue) -> String = { ref, _ in "/panels/" + PageRenderer.pathSegment(ref ?? "") }
        group.get("/panels", use: page(panelsPage))
        group.post("/panels", use: form(.schedulePanel, saved: "Panel {record} scheduled", layout: panelsPage) { _, result in
            "/panels/" + PageRenderer.pathSegment(result.objectValue?["panel"]?.stringValue ?? "")
        })
        group.get("/panels/{ref}", use: page(panelPage))
        group.get("/panels/{ref}/trends", use: page(panelTrendsPage))
        group.post("/panels/{ref}/agenda", use: form(.buildAgenda, saved: "Agenda built for panel {record}", layout: panelPage, back: panel))
        group.post("/panels/{ref}/agenda/send", use: form(.sendAgenda, saved: "Agenda recorded as sent for panel {record}", layout: panelPage, back: panel))
        group.post("/panels/{ref}/attendance", use: form(.attendance, saved: "Attendance recorded for panel {record}", layout: panelPage, back: panel))
        group.post("/panels/{ref}/decisions", use: form(.decision, saved: "Decision recorded for {case} at panel {record}", layout: panelPage, back: panel))
        group.post("/panels/{ref}/minutes", use: form(.minutes, saved: "Minutes recorded for panel {record}", layout: panelPage, back: panel))
        group.post("/panels/{ref}/minutes/approval", use: form(.approveMinutes, saved: "Minutes of panel {record} approved", layout: panelPage, back: panel))
        group.post("/panels/{ref}/cancel", use: form(.cancelPanel, saved: "Panel {record} cancelled", layout: panelPage, back: panel))
        group.post("/panels/{ref}/actions", use: form(.panelAction, saved: "Action {record} raised", layout: panelPage, back: panel))
        group.post("/panels/{ref}/deferrals", use: form(.deferCase, saved: "{case} deferred from panel {record}", layout: panelPage, back: panel))
        group.post("/panels/{ref}/perpetrators", use: form(.referPerpetrator, saved: "Perpetrator referral recorded for panel {record}", layout: panelPage, back: panel))
        group.post("/cases/{ref}/next-agenda", use: form(.addToNextAgenda, saved: "Case {record} added to the next agenda", layout: casePage, back: casePageOf))
        group.post("/panels/{ref}/actions/{record}", use: form(.updateAction, saved: "Action {record} updated", layout: panelPage, back: panel))

        let meeting: @Sendable (String?, JSONValue) -> String = { ref, _ in "/marthr/" + PageRenderer.pathSegment(ref ?? "") }
        group.get("/marthr", use: page(marthrListPage))
        group.post("/marthr", use: form(.scheduleMarthr, saved: "MARTHR meeting {record} scheduled", layout: marthrListPage) { _, result in
            "/marthr/" + PageRenderer.pathSegment(result.objectValue?["marthr"]?.stringValue ?? "")
        })
        group.get("/marthr/{ref}", use: page(marthrPage))
        group.post("/marthr/{ref}/nominations", use: form(.nominate, saved: "Nomination recorded for MARTHR meeting {record}", layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/decisions", use: form(.decideNomination, saved: "Decision on the nomination recorded for MARTHR meeting {record}", layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/actions", use: form(.marthrAction, saved: "Action {record} raised", layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/actions/{record}", use: form(.updateAction, saved: "Action {record} updated", layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/disruptions", use: form(.disruption, saved: "Notice {record} drafted", layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/attendance", use: form(.marthrAttendance, saved: "Attendance recorded for MARTHR meeting {record}", layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/minutes", use: form(.marthrMinutes, saved: "Minutes recorded for MARTHR meeting {record}", layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/minutes/approval", use: form(.approveMarthrMinutes, saved: "Minutes of MARTHR meeting {record} approved", layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/feedback", use: form(.feedback, saved: "Feedback recorded for {case}, for its next panel agenda", layout: marthrPage, back: meeting))

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
    /// page with a confirmation (``SavedNotice``), or the page again with the refusal, the
    /// message beside the field at fault and what was typed kept. A refused write writes
    /// nothing: each write is one transaction.
    ///
    /// - Parameters:
    ///   - saved: the confirmation, `{record}` standing for the record saved (the one the
    ///     write's answer names, else the one in the address) and `{case}` for the form's case.
    ///   - fields: makes the write's fields of the form's (and the record in the
    ///     address); by default each form field as text, with the structured rows
    ///     (attendees, flags) made into the write's lists. A refusal it throws shows the form
    ///     again like the write's.
    func form(_ write: WorkflowWrite, saved: String, layout: @escaping Layout,
              fields: @escaping @Sendable ([String: String], String?, Viewer) throws -> WriteFields = { form, _, _ in try WorkflowPageRoutes.writeFields(form) },
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
                let (record, href) = SavedNotice.savedRecord(result, ref: context.parameters.get("record") ?? ref)
                var response = Response.redirect(to: back(ref, result), type: .normal)
                response.setCookie(SavedNotice.saying(saved, record: record, href: href, ref: ref, form: form)
                    .cookie(secure: services.configuration.secureCookies))
                return response
            } catch {
                // Input the user can correct, or a clash they can resolve: the form again.
                let (status, message) = ErrorMiddleware.describe(error)
                guard status == .badRequest || status == .conflict else { throw error }
                var refusal = Refusal(message: message, form: form["form"] ?? "", typed: form.filter { $0.key != SessionMiddleware.csrfField })
                if let fault = Self.fieldAtFault(error) {
                    refusal.field = fault.field
                    refusal.fieldMessage = fault.words
                }
                let (template, pageFields) = try layout(request, context, ref, refusal)
                var fields = pageFields
                fields["message"] = message
                if fields["errors"] == nil { fields["errors"] = [refusal.form: refusal.errors(in: refusal.form)] }
                // For a form whose template does not place the message beside its field,
                // /static/field-errors.js does (the message stays at the top without script).
                if let field = refusal.field {
                    fields["fieldAtFault"] = ["form": refusal.form, "field": field, "words": refusal.fieldMessage]
                }
                return services.pages.page(template, fields, context: context, status: status)
            }
        }
    }

    /// The field a refusal names, and its words without the operation and field name before
    /// them (the page shows them beside the field): nil when it names none.
    static func fieldAtFault(_ error: any Error) -> (field: String, words: String)? {
        switch error {
        case let error as ServerError:
            return error.field.map { ($0, error.message) }
        case let error as WorkflowError:
            guard let field = error.field else { return nil }
            let hint = error.hint.flatMap { $0.contains("`cegraph") ? nil : $0 }
            return (field, error.message + (hint.map { " (\($0))" } ?? ""))
        case let error as InputError:
            return error.field.map { ($0, error.message) }
        default:
            return nil
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
