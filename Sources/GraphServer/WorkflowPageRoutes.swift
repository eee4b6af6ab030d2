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
        group.get("/cases/{ref}", use: page(casePage))
        group.post("/cases/{ref}/nrm", use: form(.nrm, layout: casePage) { ref, _ in "/cases/" + PageRenderer.pathSegment(ref ?? "") })

        let panel: @Sendable (String?, JSONValue) -> String = { ref, _ in "/panels/" + PageRenderer.pathSegment(ref ?? "") }
        group.get("/panels", use: page(panelsPage))
        group.post("/panels", use: form(.schedulePanel, layout: panelsPage) { _, result in
            "/panels/" + PageRenderer.pathSegment(result.objectValue?["panel"]?.stringValue ?? "")
        })
        group.get("/panels/{ref}", use: page(panelPage))
        group.post("/panels/{ref}/agenda", use: form(.buildAgenda, layout: panelPage, back: panel))
        group.post("/panels/{ref}/agenda/send", use: form(.sendAgenda, layout: panelPage, back: panel))
        group.post("/panels/{ref}/attendance", use: form(.attendance, layout: panelPage, back: panel))
        group.post("/panels/{ref}/decisions", use: form(.decision, layout: panelPage, back: panel))
        group.post("/panels/{ref}/minutes", use: form(.minutes, layout: panelPage, back: panel))
        group.post("/panels/{ref}/actions", use: form(.panelAction, layout: panelPage, back: panel))
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
        group.post("/marthr/{ref}/disruptions/{record}/outcome", use: form(.disruptionOutcome, layout: marthrPage, back: meeting))
        group.post("/marthr/{ref}/feedback", use: form(.feedback, layout: marthrPage, back: meeting))

        group.get("/reports/quarterly", use: page(quarterlyPage))
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
    func form(_ write: WorkflowWrite, layout: @escaping Layout,
              back: @escaping @Sendable (String?, JSONValue) -> String) -> @Sendable (Request, AppRequestContext) async throws -> Response {
        let services = services
        return { request, context in
            _ = try context.require(write.roles)
            var request = request
            let form = try await request.formFields()
            let ref = context.parameters.get("ref")
            do {
                let result = try write.perform(WorkflowWrite.Input(services: services, ref: context.parameters.get("record") ?? ref,
                                                                   fields: WriteFields(form: form),
                                                                   viewer: services.viewer(context, purpose: write.purpose)))
                return .redirect(to: back(ref, result), type: .normal)
            } catch {
                let (status, message) = ErrorMiddleware.describe(error)
                guard status == .badRequest else { throw error }
                let refusal = Refusal(message: message, form: form["form"] ?? "", typed: form.filter { $0.key != SessionMiddleware.csrfField })
                let (template, pageFields) = try layout(request, context, ref, refusal)
                var fields = pageFields
                fields["message"] = message
                return services.pages.page(template, fields, context: context, status: .badRequest)
            }
        }
    }

    /// Choices for a `<select>`, with the one to show selected.
    static func options(_ values: [String], selected: String?) -> [[String: Any]] {
        values.map { ["value": $0, "label": $0.replacingOccurrences(of: "_", with: " "), "selected": $0 == selected] }
    }

    /// Language warnings as a page lays them out.
    static func warnings(_ warnings: [LanguageWarning]) -> [[String: Any]] {
        warnings.map { ["matched": $0.matched, "phrase": $0.phrase, "reason": $0.reason, "line": String($0.line),
                        "column": String($0.column), "suggestions": $0.suggestions.joined(separator: "; ")] }
    }

    static func href(_ base: String, _ id: String?) -> String? {
        guard let id, !id.isEmpty else { return nil }
        return base + PageRenderer.pathSegment(id)
    }

    // MARK: - Cases

    @Sendable func casesPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let area = request.query("area")?.trimmingWhitespace()
        let status = request.query("status") ?? "open"
        let rows = try reads.cases(area: area?.isEmpty == false ? area : nil, status: status == "all" ? nil : status, for: context)
        return ("cases", [
            "area": area ?? "", "status": status,
            "statusChoices": Self.options(["open", "closed", "all"], selected: status),
            "cases": rows.map { row -> [String: Any] in
                var fields = PageRenderer.fields(row.objectValue)
                fields["href"] = Self.href("/cases/", row.objectValue?["ref"]?.stringValue)
                fields["childHref"] = Self.href("/entities/", row.objectValue?["child_ref"]?.stringValue)
                return fields
            },
            "anyCases": !rows.isEmpty,
        ])
    }

    @Sendable func casePage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(WorkflowReads.caseReaders)
        let ref = ref ?? ""
        let detail = try reads.ceCase(ref, for: context).objectValue ?? [:]
        var fields = PageRenderer.fields(detail.filter { $0.value.arrayValue == nil && $0.value.objectValue == nil })
        let child = detail["child_ref"]?.stringValue
        fields["childHref"] = Self.href("/entities/", child)
        fields["referrals"] = PageRenderer.rows(detail["referrals"]).enumerated().map { index, row -> [String: Any] in
            var row = row
            row["repeat"] = PageRenderer.isSet(detail["referrals"]?.arrayValue?[index].objectValue?["is_repeat"])
            return row
        }
        fields["assessments"] = (detail["assessments"]?.arrayValue ?? []).map { item -> [String: Any] in
            var row = PageRenderer.fields(item.objectValue?.filter { $0.key != "outcome" })
            row["immediate"] = PageRenderer.isSet(item.objectValue?["immediate_action"])
            return row
        }
        fields["decisions"] = PageRenderer.rows(detail["decisions"]).map { row -> [String: Any] in
            var row = row
            row["meetingHref"] = Self.href("/panels/", row["meeting_ref"] as? String)
            return row
        }
        fields["flags"] = (detail["flags"]?.arrayValue ?? []).map { item -> [String: Any] in
            var row = PageRenderer.fields(item.objectValue)
            row["present"] = PageRenderer.isSet(item.objectValue?["present"])
            return row
        }
        fields["nrm"] = (detail["nrm"]?.arrayValue ?? []).map { item -> [String: Any] in
            var row = PageRenderer.fields(item.objectValue?.filter { $0.key != "history" && $0.key != "multi_agency_forum" })
            if let forum = item.objectValue?["multi_agency_forum"], forum != .null {
                row["forum"] = PageRenderer.isSet(forum) ? "yes" : "no"
            }
            row["history"] = PageRenderer.rows(item.objectValue?["history"])
            return row
        }
        fields["actions"] = PageRenderer.rows(detail["actions"])
        fields["feedback"] = PageRenderer.rows(detail["marthr_feedback"])
        if WorkflowReads.caseWorkers.contains(account.role) {
            let items = try reads.timescales(caseRef: ref, child: child, area: detail["area"]?.stringValue, for: context)
            fields["showTimescales"] = true
            fields["timescales"] = items.map { item -> [String: Any] in
                ["kind": item.kind.replacingOccurrences(of: "_", with: " "), "due": item.due.description, "owner": item.owner,
                 "rule": item.rule, "overdue": item.isOverdue,
                 "late": item.isOverdue ? "\(item.workingDaysLate) working day\(item.workingDaysLate == 1 ? "" : "s") late" : "due"]
            }
        }
        if account.role == .ccsetCoordinator {
            let typed = refusal?.typed(in: "nrm") ?? [:]
            fields["nrmForm"] = ["action": "/cases/\(PageRenderer.pathSegment(ref))/nrm",
                                 "stages": Self.options(NRMStage.allCases.map(\.rawValue), selected: typed["stage"]),
                                 "on": typed["on"] ?? CalendarDate.today.description, "note": typed["note"] ?? ""] as [String: Any]
        }
        return ("case", fields)
    }

    // MARK: - MACCSE panels

    @Sendable func panelsPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.require(WorkflowReads.panelReaders)
        let area = request.query("area")?.trimmingWhitespace()
        let rows = try reads.panels(area: area?.isEmpty == false ? area : nil, for: context)
        var fields: [String: Any] = [
            "area": area ?? "",
            "panels": rows.map { row -> [String: Any] in
                var fields = PageRenderer.fields(row.objectValue)
                fields["href"] = Self.href("/panels/", row.objectValue?["ref"]?.stringValue)
                return fields
            },
            "anyPanels": !rows.isEmpty,
        ]
        if WorkflowWrite.schedulePanel.roles.contains(account.role) {
            let typed = refusal?.typed(in: "schedule") ?? [:]
            fields["scheduleForm"] = ["area": typed["area"] ?? area ?? "", "on": typed["on"] ?? "", "starts_at": typed["starts_at"] ?? "",
                                      "co_chairs": typed["co_chairs"] ?? ""]
        }
        return ("panels", fields)
    }

    @Sendable func panelPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(WorkflowReads.panelReaders)
        let ref = ref ?? ""
        let detail = try reads.panel(ref, for: context).objectValue ?? [:]
        let base = "/panels/" + PageRenderer.pathSegment(ref)
        let coordinator = account.role == .ccsetCoordinator
        let coordinatorOrPolice = account.role.isPolice
        var fields = PageRenderer.fields(detail.filter { $0.value.arrayValue == nil && $0.value.objectValue == nil && $0.key != "quorate" })
        fields["coChairs"] = PageRoutes.text(detail["co_chairs"] ?? .array([]))
        fields["quorate"] = detail["quorate"] == .bool(true)
        let shortfalls = (detail["quoracy_shortfalls"]?.arrayValue ?? []).compactMap(\.stringValue)
        fields["shortfalls"] = shortfalls
        fields["anyShortfalls"] = !shortfalls.isEmpty
        fields["attendees"] = (detail["attendees"]?.arrayValue ?? []).map { item -> [String: Any] in
            var row = PageRenderer.fields(item.objectValue)
            row["signed"] = PageRenderer.isSet(item.objectValue?["signed_confidentiality"])
            return row
        }
        fields["anyAttendees"] = !((fields["attendees"] as? [Any]) ?? []).isEmpty

        // The agenda, one slot per case, with every reason the case is on it.
        var order: [String] = []
        var slots: [String: [String: Any]] = [:]
        var reasons: [String: [String]] = [:]
        for item in detail["agenda"]?.arrayValue ?? [] {
            guard let object = item.objectValue, let caseRef = object["case_ref"]?.stringValue else { continue }
            // The reason names the item already ("new assessment ASMT-…", "review due …").
            reasons[caseRef, default: []].append(object["reason"]?.stringValue ?? (object["item"]?.stringValue ?? ""))
            guard slots[caseRef] == nil else { continue }
            order.append(caseRef)
            var slot = PageRenderer.fields(object)
            slot["caseHref"] = Self.href("/cases/", caseRef)
            slot["childHref"] = Self.href("/entities/", object["child_ref"]?.stringValue)
            slots[caseRef] = slot
        }
        let decided = Set((detail["decisions"]?.arrayValue ?? []).compactMap { $0.objectValue?["case_ref"]?.stringValue })
        fields["agenda"] = order.map { caseRef -> [String: Any] in
            var slot = slots[caseRef] ?? [:]
            slot["reasons"] = reasons[caseRef] ?? []
            slot["decided"] = decided.contains(caseRef)
            if coordinator {
                let form = "decision:" + caseRef
                let typed = refusal?.typed(in: form) ?? [:]
                slot["decisionForm"] = [
                    "action": base + "/decisions", "form": form, "case": caseRef,
                    "open": !decided.contains(caseRef) || refusal?.form == form,
                    "decisions": Self.options(PanelDecisionKind.allCases.map(\.rawValue), selected: typed["decision"]),
                    "closures": Self.options([""] + Closure.allCases.map(\.rawValue), selected: typed["closure"]),
                    "review_on": typed["review_on"] ?? "", "reason": typed["reason"] ?? "", "police_flag_until": typed["police_flag_until"] ?? "",
                    "risk": typed["risk"] ?? "", "note": typed["note"] ?? "", "set_flags": typed["set_flags"] ?? "",
                ] as [String: Any]
            }
            return slot
        }
        fields["anyAgenda"] = !order.isEmpty
        fields["decisions"] = PageRenderer.rows(detail["decisions"]).map { row -> [String: Any] in
            var row = row
            row["caseHref"] = Self.href("/cases/", row["case_ref"] as? String)
            return row
        }
        let actionRows: (JSONValue?) -> [[String: Any]] = { list in
            (list?.arrayValue ?? []).map { item -> [String: Any] in
                var row = PageRenderer.fields(item.objectValue)
                // A panel member opens only the cases on this agenda; an earlier panel's case is named.
                let caseRef = item.objectValue?["case_ref"]?.stringValue
                if !coordinatorOrPolice, let caseRef, !order.contains(caseRef) {
                    row["caseHref"] = nil
                } else {
                    row["caseHref"] = Self.href("/cases/", caseRef)
                }
                row["warnings"] = Self.warnings(services.workflow.language.check(item.objectValue?["text"]?.stringValue ?? ""))
                row["overdue"] = PageRenderer.isSet(item.objectValue?["overdue"])
                if coordinator, let action = item.objectValue?["ref"]?.stringValue {
                    row["updateForm"] = ["action": base + "/actions/" + PageRenderer.pathSegment(action),
                                         "statuses": Self.options(["done", "cancelled", "open"], selected: nil)] as [String: Any]
                }
                return row
            }
        }
        fields["actions"] = actionRows(detail["actions"])
        fields["carried"] = actionRows(detail["carried_actions"])
        let minutes = detail["minutes"]?.stringValue ?? ""
        fields["minutesWarnings"] = Self.warnings(services.workflow.language.check(minutes))
        if coordinator {
            let typed = { (form: String) in refusal?.typed(in: form) ?? [:] }
            fields["coordinator"] = [
                "base": base,
                "recipients": typed("send")["recipients"] ?? "",
                "attendees": typed("attendance")["attendees"] ?? "",
                "minutes": typed("minutes")["minutes"] ?? minutes,
                "action": ["text": typed("action")["text"] ?? "", "owner": typed("action")["owner"] ?? "",
                           "due_on": typed("action")["due_on"] ?? "", "case": typed("action")["case"] ?? "",
                           "cases": Self.options([""] + order, selected: typed("action")["case"])] as [String: Any],
            ] as [String: Any]
        }
        return ("panel", fields)
    }

    // MARK: - MARTHR

    @Sendable func marthrListPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.require(WorkflowReads.marthrReaders)
        let rows = try reads.marthrMeetings(for: context)
        var fields: [String: Any] = [
            "meetings": rows.map { row -> [String: Any] in
                var fields = PageRenderer.fields(row.objectValue)
                fields["href"] = Self.href("/marthr/", row.objectValue?["ref"]?.stringValue)
                return fields
            },
            "anyMeetings": !rows.isEmpty,
        ]
        if WorkflowWrite.scheduleMarthr.roles.contains(account.role) {
            let typed = refusal?.typed(in: "schedule") ?? [:]
            fields["scheduleForm"] = ["on": typed["on"] ?? "", "chair": typed["chair"] ?? "", "force": typed["force"] ?? "merseyside"]
        }
        return ("marthr-list", fields)
    }

    @Sendable func marthrPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(WorkflowReads.marthrReaders)
        let ref = ref ?? ""
        let detail = try reads.marthr(ref, for: context).objectValue ?? [:]
        let base = "/marthr/" + PageRenderer.pathSegment(ref)
        let isChair = WorkflowWrite.decideNomination.roles.contains(account.role)
        let preparer = WorkflowWrite.nominate.roles.contains(account.role)
        var fields = PageRenderer.fields(detail.filter { $0.value.arrayValue == nil && $0.value.objectValue == nil })
        let nominations = detail["nominations"]?.arrayValue ?? []
        fields["nominations"] = nominations.map { item -> [String: Any] in
            let object = item.objectValue ?? [:]
            var row = PageRenderer.fields(object.filter { $0.key != "criteria" && $0.key != "evidence" })
            let subject = object["subject_ref"]?.stringValue ?? ""
            row["subjectHref"] = Self.href("/entities/", subject)
            row["caseHref"] = Self.href("/cases/", object["case_ref"]?.stringValue)
            let criteria = (object["criteria"]?.arrayValue ?? []).map { $0.stringValue ?? $0.jsonText }.joined(separator: ", ")
            row["criteria"] = criteria.isEmpty ? NSNull() : criteria
            let evidence = (object["evidence"]?.arrayValue ?? []).map { $0.stringValue ?? $0.jsonText }
            row["evidence"] = evidence
            row["evidenceCount"] = String(evidence.count)
            row["proposed"] = object["status"]?.stringValue == "proposed"
            if isChair {
                let form = "nomination:" + subject
                row["decideForm"] = ["action": base + "/decisions", "form": form, "subject": subject,
                                     "reason": refusal?.typed(in: form)["reason"] ?? ""]
            }
            return row
        }
        fields["anyNominations"] = !nominations.isEmpty
        let actionRows: (JSONValue?) -> [[String: Any]] = { list in
            (list?.arrayValue ?? []).map { item -> [String: Any] in
                var row = PageRenderer.fields(item.objectValue)
                row["overdue"] = PageRenderer.isSet(item.objectValue?["overdue"])
                if let category = row["category"] as? String { row["category"] = category.replacingOccurrences(of: "_", with: " ") }
                if WorkflowWrite.updateAction.roles.contains(account.role), let action = item.objectValue?["ref"]?.stringValue {
                    row["updateForm"] = ["action": base + "/actions/" + PageRenderer.pathSegment(action),
                                         "statuses": Self.options(["done", "cancelled", "open"], selected: nil)] as [String: Any]
                }
                return row
            }
        }
        fields["actions"] = actionRows(detail["actions"])
        fields["carried"] = actionRows(detail["carried_actions"])
        // The register's entries agreed at this meeting or about its subjects.
        let subjects = Set(nominations.compactMap { $0.objectValue?["subject_ref"]?.stringValue })
        fields["disruptions"] = try reads.disruptions(subject: nil, for: context).filter { item in
            item.objectValue?["meeting_ref"]?.stringValue == ref || subjects.contains(item.objectValue?["subject_ref"]?.stringValue ?? "")
        }.map { item -> [String: Any] in
            var row = PageRenderer.fields(item.objectValue)
            row["inForce"] = PageRenderer.isSet(item.objectValue?["in_force"])
            row["tool"] = (row["tool"] as? String ?? "").replacingOccurrences(of: "_", with: " ")
            if preparer, let disruption = item.objectValue?["ref"]?.stringValue {
                let form = "outcome:" + disruption
                row["outcomeForm"] = ["action": base + "/disruptions/" + PageRenderer.pathSegment(disruption) + "/outcome", "form": form,
                                      "outcome": refusal?.typed(in: form)["outcome"] ?? ""]
            }
            return row
        }
        let typed = { (form: String) in refusal?.typed(in: form) ?? [:] }
        if isChair {
            fields["chairForms"] = [
                "base": base,
                "action": ["categories": Self.options(MarthrActionCategory.allCases.map(\.rawValue), selected: typed("action")["category"]),
                           "text": typed("action")["text"] ?? "", "owner": typed("action")["owner"] ?? "",
                           "due_on": typed("action")["due_on"] ?? "", "subject": typed("action")["subject"] ?? ""] as [String: Any],
                "feedback": ["case": typed("feedback")["case"] ?? "", "text": typed("feedback")["text"] ?? ""],
            ] as [String: Any]
        }
        if preparer {
            fields["preparerForms"] = [
                "base": base,
                "nominate": ["subject": typed("nominate")["subject"] ?? "", "case": typed("nominate")["case"] ?? "",
                             "reasons": typed("nominate")["reasons"] ?? ""],
                "top": typed("candidates")["top"] ?? "5",
                "disruption": ["tools": Self.options(DisruptionTool.allCases.map(\.rawValue), selected: typed("disruption")["tool"]),
                               "subject": typed("disruption")["subject"] ?? "", "child": typed("disruption")["child"] ?? "",
                               "served_on": typed("disruption")["served_on"] ?? "", "expires_on": typed("disruption")["expires_on"] ?? "",
                               "note": typed("disruption")["note"] ?? ""] as [String: Any],
            ] as [String: Any]
        }
        return ("marthr", fields)
    }

    // MARK: - The quarterly report

    @Sendable func quarterlyPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        _ = try context.require(WorkflowReads.caseWorkers)
        let area = request.query("area")?.trimmingWhitespace() ?? ""
        let today = CalendarDate.today
        let quarter = request.query("quarter")?.trimmingWhitespace() ?? "\(today.year)Q\((today.month - 1) / 3 + 1)"
        var fields: [String: Any] = ["area": area, "quarter": quarter]
        guard !area.isEmpty else { return ("quarterly", fields) }
        let report = try reads.quarterly(area: area, quarter: quarter, for: context)
        let query = "area=\(PageRenderer.queryValue(area))&quarter=\(PageRenderer.queryValue(quarter))"
        fields["report"] = [
            "areaName": report.areaName, "code": report.area, "quarter": report.quarter.description,
            "from": report.quarter.first.description, "to": report.quarter.last.description,
            "measures": report.measures.map { measure -> [String: Any] in
                var row: [String: Any] = ["title": (measure.number > 0 ? "\(measure.number). " : "") + measure.title,
                                          "counts": measure.counts.map { ["label": $0.label, "value": String($0.value)] },
                                          "anyCounts": !measure.counts.isEmpty]
                if let note = measure.note { row["note"] = note }
                return row
            },
            "charts": [("referrals_by_agency", "Referrals by agency"), ("referrals_by_month", "Referrals by month, the year to the quarter's end")]
                .map { name, title -> [String: Any] in
                    ["title": title, "src": "/api/reports/quarterly/charts/\(name).svg?\(query)"]
                },
            "downloads": ["csv", "md", "json"].map { ["format": $0, "href": "/api/reports/quarterly?\(query)&format=\($0)"] },
        ] as [String: Any]
        return ("quarterly", fields)
    }
}
