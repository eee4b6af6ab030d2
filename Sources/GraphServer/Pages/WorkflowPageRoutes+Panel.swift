import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The MACCSE panel pages: the list, and a panel with its attendance and quoracy, agenda,
/// decisions, action log and minutes, with the coordinator's forms.
extension WorkflowPageRoutes {
    @Sendable func panelsPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.require(.readPanels)
        let area = try request.area(services)
        let rows = try reads.panels(area: area?.isEmpty == false ? area : nil, for: context)
        let areas = try areas()
        var fields: [String: Any] = [
            "area": area.map(areas.name) ?? "",
            "panels": try rows.map { row -> [String: Any] in
                var fields = try PageRenderer.fields(encoding: row)
                Self.nameArea(&fields, in: areas)
                fields["href"] = Self.href("/panels/", row.ref)
                return fields
            },
            "anyPanels": !rows.isEmpty,
            "csvHref": Download.csvHref("/api/panels", [("area", area)]),
        ]
        if account.role.may(WorkflowWrite.schedulePanel.permission) {
            let typed = refusal?.typed(in: "schedule") ?? [:]
            fields["scheduleForm"] = ["area": typed["area"] ?? area.map(areas.name) ?? "", "on": typed["on"] ?? "", "starts_at": typed["starts_at"] ?? "",
                                      "co_chairs": typed["co_chairs"] ?? ""]
        }
        return ("panels", fields)
    }

    @Sendable func panelPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(.readPanels)
        let ref = ref ?? ""
        let detail = try reads.panel(ref, for: context)
        let base = "/panels/" + PageRenderer.pathSegment(ref)
        // Whoever runs panels gets the forms: the CCSET coordinator and the local authority's
        // MACCSE coordinator alike (the writes check the same permission).
        let coordinator = account.role.may(.runPanels)
        let police = account.role.isPolice
        // The panel's own fields; each list is made below from its typed rows.
        let json = try JSONValue(encoding: detail).objectValue ?? [:]
        var fields = PageRenderer.fields(json.filter { $0.value.arrayValue == nil && $0.value.objectValue == nil && $0.key != "quorate" })
        Self.nameArea(&fields, in: try areas())
        fields["packHref"] = "/api/panels/" + PageRenderer.pathSegment(ref) + "/pack"
        fields["coChairs"] = detail.coChairs.joined(separator: ", ")
        fields["quorate"] = detail.quorate
        fields["shortfalls"] = detail.quoracyShortfalls
        fields["anyShortfalls"] = !detail.quoracyShortfalls.isEmpty
        fields["attendees"] = try detail.attendees.map { attendee -> [String: Any] in
            var row = try PageRenderer.fields(encoding: attendee)
            row["signed"] = attendee.signedConfidentiality
            row["agency"] = CodeWords.agency(attendee.agency)
            return row
        }
        fields["anyAttendees"] = !detail.attendees.isEmpty

        // The agenda, one slot per case, with every reason the case is on it.
        var order: [String] = []
        var slots: [String: [String: Any]] = [:]
        var reasons: [String: [String]] = [:]
        var assessments: [String: [String]] = [:]
        for item in detail.agenda {
            let caseRef = item.caseRef
            // The reason names the item already ("new assessment ASMT-…", "review due …").
            reasons[caseRef, default: []].append(item.reason)
            if let assessment = item.assessmentRef { assessments[caseRef, default: []].append(assessment) }
            guard slots[caseRef] == nil else { continue }
            order.append(caseRef)
            var slot = try PageRenderer.fields(encoding: item)
            slot["caseHref"] = Self.href("/cases/", caseRef)
            slot["childHref"] = Self.href("/entities/", item.childRef)
            slots[caseRef] = slot
        }
        let decided = Set(detail.decisions.map(\.caseRef))
        let agencies = try coordinator ? self.agencies() : []
        let risks = Dictionary(detail.agenda.compactMap { item in item.risk.map { (item.caseRef, $0) } }) { first, _ in first }
        fields["agenda"] = order.map { caseRef -> [String: Any] in
            var slot = slots[caseRef] ?? [:]
            slot["reasons"] = reasons[caseRef] ?? []
            // The assessment the panel is to decide on, to read in full before it does.
            if account.role.may(.readAssessment) {
                slot["assessments"] = (assessments[caseRef] ?? []).map { ["ref": $0, "href": "/assessments/" + PageRenderer.pathSegment($0)] }
            }
            slot["decided"] = decided.contains(caseRef)
            if coordinator {
                let form = "decision:" + caseRef
                let typed = refusal?.typed(in: form) ?? [:]
                var decisionForm: [String: Any] = [
                    "action": base + "/decisions", "form": form, "case": caseRef,
                    "open": !decided.contains(caseRef) || refusal?.form == form,
                    "decisions": Self.options(PanelDecisionKind.allCases.map(\.rawValue), selected: typed["decision"], words: CodeWords.decisions),
                    "closures": Self.options([""] + Closure.allCases.map(\.rawValue), selected: typed["closure"],
                                             words: CodeWords.closures.merging(["": "not closed"]) { $1 }),
                    "review_on": typed["review_on"] ?? "", "reason": typed["reason"] ?? "", "police_flag_until": typed["police_flag_until"] ?? "",
                    "risks": Self.riskOptions(current: risks[caseRef], selected: typed["risk"]),
                    "note": typed["note"] ?? "",
                    "errors": refusal?.errors(in: form) ?? [:],
                    "flagRows": Self.flagRowFields(typed, prefix: "decide-" + caseRef, agencies: agencies),
                    "flagsId": "decide-" + caseRef, "flagsLegend": "Flags to set (the child's, unless another record is named)",
                ]
                if let error = refusal?.errors(in: form)["set_flags"] { decisionForm["flagsError"] = error }
                slot["decisionForm"] = decisionForm
            }
            return slot
        }
        fields["anyAgenda"] = !order.isEmpty
        fields["decisions"] = try detail.decisions.map { decision -> [String: Any] in
            var row = try PageRenderer.fields(encoding: decision)
            row["caseHref"] = Self.href("/cases/", decision.caseRef)
            return row
        }
        // Who may mark an action done or cancelled here: any action for a role that updates
        // actions; for a panel member, the open actions their own agency owns. The workflow
        // checks again when the form is sent.
        let updatesAny = account.role.may(.updateActions)
        let updatesOwn = account.role.may(.updateOwnAgencyActions) ? account.agency : nil
        func actionRow(_ record: some Encodable, _ action: ActionItem, caseRef: String?, overdue: Bool) throws -> [String: Any] {
            var row = try PageRenderer.fields(encoding: record)
            // The owning agency in words, not its code.
            if let owner = row["owner_agency"] as? String { row["owner_agency"] = CodeWords.agency(owner) }
            // A panel member opens only the cases on this agenda; an earlier panel's case is named.
            if !police, let caseRef, !order.contains(caseRef) {
                row["caseHref"] = nil
            } else {
                row["caseHref"] = Self.href("/cases/", caseRef)
            }
            row["warnings"] = Self.warnings(services.workflow.language.check(action.text))
            row["overdue"] = overdue
            if updatesAny || (action.status == "open" && updatesOwn != nil && action.ownerAgency == updatesOwn) {
                let form = "action:" + action.ref
                let typed = refusal?.typed(in: form) ?? [:]
                row["updateForm"] = ["action": base + "/actions/" + PageRenderer.pathSegment(action.ref), "form": form,
                                     "statuses": Self.options(updatesAny ? ["done", "cancelled", "open"] : ["done", "cancelled"],
                                                              selected: typed["status"]),
                                     "note": typed["note"] ?? "", "id": "update-" + action.ref] as [String: Any]
            }
            return row
        }
        fields["actions"] = try detail.actions.map { try actionRow($0, $0.item, caseRef: $0.caseRef, overdue: false) }
        fields["carried"] = try detail.carriedActions.map { try actionRow($0, $0.item, caseRef: $0.caseRef, overdue: $0.overdue) }
        let minutes = detail.minutes ?? ""
        fields["minutesWarnings"] = Self.warnings(services.workflow.language.check(minutes))
        fields["notForPanel"] = try detail.notForPanel.map { entry -> [String: Any] in
            var row = try PageRenderer.fields(encoding: entry)
            row["caseHref"] = Self.href("/cases/", entry.caseRef)
            return row
        }
        fields["anyNotForPanel"] = !detail.notForPanel.isEmpty
        // A panel member's view holds none (``PanelView``); the police prepare them.
        fields["showsPerpetrators"] = account.role != .panelMember
        fields["perpetrators"] = try detail.perpetratorReferrals.map { referral -> [String: Any] in
            var row = try PageRenderer.fields(encoding: referral)
            row["subjectHref"] = Self.href("/entities/", referral.subjectRef)
            return row
        }
        if account.role.may(.prepareMarthr), detail.status == "scheduled" {
            let typed = refusal?.typed(in: "perpetrator") ?? [:]
            fields["perpetratorForm"] = ["action": base + "/perpetrators", "subject": typed["subject"] ?? "", "reason": typed["reason"] ?? ""]
        }
        fields["minutesInquorate"] = detail.minutesInquorate
        fields["anyCaseMinutes"] = !detail.caseMinutes.isEmpty
        fields["caseMinutes"] = detail.caseMinutes.map { entry -> [String: Any] in
            let child = detail.agenda.first { $0.caseRef == entry.caseRef }
            return ["caseRef": entry.caseRef, "caseHref": Self.href("/cases/", entry.caseRef) ?? "",
                    "child": child.map { "\($0.childLabel) (\($0.childRef))" } ?? entry.caseRef,
                    "text": entry.text, "recorded": "Recorded by \(entry.recordedBy) on \(entry.recordedOn).",
                    "warnings": Self.warnings(services.workflow.language.check(entry.text))]
        }
        if let approvedOn = detail.minutesApprovedOn {
            fields["minutesApproved"] = "Approved by \(detail.minutesApprovedBy ?? "the chair") on \(approvedOn)."
        } else if !minutes.isEmpty,
                  try services.viewer(context, purpose: "viewing a panel").access.mayApproveMinutes(area: detail.area) {
            // The panel's chair approves the minutes as recorded.
            fields["approveMinutes"] = ["action": base + "/minutes/approval"]
        }
        if coordinator {
            let typed = { (form: String) in refusal?.typed(in: form) ?? [:] }
            var forms: [String: Any] = [
                "base": base,
                "recipients": typed("send")["recipients"] ?? "",
                "attendeeRows": Self.attendeeRows(typed("attendance"), agencies: agencies), "signatures": true,
                "minutes": typed("minutes")["minutes"] ?? minutes,
                "minutesFor": Self.options([""] + order, selected: typed("minutes")["case"]),
                "deferCases": Self.options(order, selected: typed("defer")["case"]),
                "anyDeferrable": !order.isEmpty && detail.status != "cancelled",
                "deferReason": typed("defer")["reason"] ?? "",
                "inquorate": !detail.quorate,
                "action": ["text": typed("action")["text"] ?? "", "owners": Self.agencyOptions(agencies, selected: typed("action")["owner"]),
                           "due_on": typed("action")["due_on"] ?? "", "case": typed("action")["case"] ?? "",
                           "cases": Self.options([""] + order, selected: typed("action")["case"])] as [String: Any],
            ]
            if let error = refusal?.errors(in: "attendance")["attendees"] { forms["attendeesError"] = error }
            // Only a panel not yet held can be cancelled.
            if detail.status == "scheduled" { forms["cancel"] = ["reason": typed("cancel")["reason"] ?? ""] }
            fields["coordinator"] = forms
        }
        return ("panel", fields)
    }

    /// The risk levels a panel may agree, in words: the levels of the framework of the
    /// child's current risk (every framework's when none is recorded), the first choice
    /// leaving the risk as it is.
    static func riskOptions(current: String?, selected: String?) -> [[String: Any]] {
        let frameworks = current.flatMap(RiskLevel.init).map { [$0.framework] } ?? RiskLevel.Framework.allCases
        let levels = frameworks.flatMap { framework in framework.levels.compactMap { RiskLevel("\(framework.rawValue):\($0)") } }
        return [["value": "", "label": "unchanged", "selected": (selected ?? "").isEmpty]]
            + levels.map { ["value": $0.description, "label": $0.words, "selected": $0.description == selected] }
    }
}
