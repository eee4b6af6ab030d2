import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The case pages: the list of cases, and a case with its child, referrals, assessments,
/// decisions, flags, NRM, actions and timescales.
extension WorkflowPageRoutes {
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
        let account = try context.requireSensitive(.readCase)
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
            if account.role.may(.readAssessment), let href = Self.href("/assessments/", item.objectValue?["ref"]?.stringValue) {
                row["href"] = href
            }
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
        if account.role.may(.readCases) {
            let items = try reads.timescales(caseRef: ref, child: child, area: detail["area"]?.stringValue, for: context)
            fields["showTimescales"] = true
            fields["timescales"] = items.map { item -> [String: Any] in
                ["kind": item.kind.replacingOccurrences(of: "_", with: " "), "due": item.due.description, "owner": item.owner,
                 "rule": item.rule, "overdue": item.isOverdue,
                 "late": item.isOverdue ? "\(item.workingDaysLate) working day\(item.workingDaysLate == 1 ? "" : "s") late" : "due"]
            }
        }
        // Each form is shown to the roles whose permission its write checks.
        if account.role.may(WorkflowWrite.nrm.permission) {
            if detail["status"]?.stringValue == "open" { fields["assessHref"] = "/cases/\(PageRenderer.pathSegment(ref))/assessment" }
            let typed = refusal?.typed(in: "nrm") ?? [:]
            fields["nrmForm"] = ["action": "/cases/\(PageRenderer.pathSegment(ref))/nrm",
                                 "stages": Self.options(NRMStage.allCases.map(\.rawValue), selected: typed["stage"]),
                                 "on": typed["on"] ?? CalendarDate.today.description, "note": typed["note"] ?? ""] as [String: Any]
            fields["timelineForms"] = ["base": "/cases/" + PageRenderer.pathSegment(ref),
                                       "strategyOn": refusal?.typed(in: "strategy")["on"] ?? CalendarDate.today.description,
                                       "transitionsOn": refusal?.typed(in: "transitions")["on"] ?? CalendarDate.today.description]
        }
        return ("case", fields)
    }
}
