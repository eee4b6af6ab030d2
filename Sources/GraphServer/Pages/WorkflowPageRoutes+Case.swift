import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The case pages: the list of cases, and a case with its child, referrals, assessments,
/// decisions, flags, NRM, actions and timescales.
extension WorkflowPageRoutes {
    @Sendable func casesPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let area = try request.area(services)
        let status = request.query("status") ?? "open"
        let rows = try reads.cases(area: area?.isEmpty == false ? area : nil, status: status == "all" ? nil : status, for: context)
        let areas = try areas()
        return ("cases", [
            "area": area.map(areas.name) ?? "", "status": status,
            "statusChoices": Self.options(["open", "closed", "all"], selected: status),
            "cases": try rows.map { row -> [String: Any] in
                var fields = try PageRenderer.fields(encoding: row)
                fields["href"] = Self.href("/cases/", row.ref)
                fields["childHref"] = Self.href("/entities/", row.childRef)
                Self.nameArea(&fields, in: areas)
                return fields
            },
            "anyCases": !rows.isEmpty,
            "csvHref": Download.csvHref("/api/cases", [("area", area), ("status", status == "all" ? nil : status)]),
        ])
    }

    @Sendable func casePage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(.readCase)
        let ref = ref ?? ""
        let detail = try reads.ceCase(ref, for: context)
        // The case's own fields; each list is made below from its typed rows.
        let json = try JSONValue(encoding: detail).objectValue ?? [:]
        var fields = PageRenderer.fields(json.filter { $0.value.arrayValue == nil && $0.value.objectValue == nil })
        fields["childHref"] = Self.href("/entities/", detail.childRef)
        Self.nameArea(&fields, in: try areas())
        fields["referrals"] = try detail.referrals.map { referral -> [String: Any] in
            var row = try PageRenderer.fields(encoding: referral)
            row["repeat"] = referral.isRepeat
            return row
        }
        fields["assessments"] = try detail.assessments.map { assessment -> [String: Any] in
            var row = try PageRenderer.fields(encoding: assessment)
            row["outcome"] = nil
            row["immediate"] = assessment.immediateAction
            if account.role.may(.readAssessment) { row["href"] = Self.href("/assessments/", assessment.ref) }
            return row
        }
        fields["decisions"] = try detail.decisions.map { decision -> [String: Any] in
            var row = try PageRenderer.fields(encoding: decision)
            row["meetingHref"] = Self.href("/panels/", decision.meetingRef)
            return row
        }
        fields["flags"] = try detail.flags.map { flag -> [String: Any] in
            var row = try PageRenderer.fields(encoding: flag)
            row["present"] = flag.present
            return row
        }
        fields["nrm"] = try detail.nrm.map { nrm -> [String: Any] in
            var row = try PageRenderer.fields(encoding: nrm)
            row["multi_agency_forum"] = nil
            if let forum = nrm.multiAgencyForum { row["forum"] = forum ? "yes" : "no" }
            row["history"] = try PageRenderer.rows(encoding: nrm.history)
            return row
        }
        fields["actions"] = try PageRenderer.rows(encoding: detail.actions)
        fields["feedback"] = try PageRenderer.rows(encoding: detail.marthrFeedback)
        fields["strategyMeetings"] = detail.strategyMeetings.map { meeting -> [String: Any] in
            let kind = switch meeting.kind {
            case .strategy: "Strategy meeting"
            case .initialCSE: "Initial CSE strategy meeting"
            case .reviewCSE: "Review CSE strategy meeting"
            }
            var row: [String: Any] = [
                "ref": meeting.ref, "heldOn": meeting.heldOn, "section47": meeting.section47, "kindWords": kind,
                "attendees": meeting.attendees.map { "\($0.name) (\($0.agency))" }.joined(separator: ", "),
                "decisions": meeting.decisions.map(\.words),
                "flags": meeting.flagsSet.map { "\($0.flag.uppercased()) (\($0.owner)) on \($0.entity)" }.joined(separator: "; "),
            ]
            if let reason = meeting.noConferenceReason { row["noConferenceReason"] = reason }
            if let note = meeting.note { row["note"] = note }
            return row
        }
        fields["panelMinutes"] = detail.panelMinutes.map { entry -> [String: Any] in
            ["panel": entry.panelRef, "panelHref": Self.href("/panels/", entry.panelRef) ?? "", "heldOn": entry.heldOn,
             "text": entry.text, "recorded": "Recorded by \(entry.recordedBy) on \(entry.recordedOn).",
             "warnings": Self.warnings(services.workflow.language.check(entry.text))]
        }
        if account.role.may(.readCases) {
            let items = try reads.timescales(caseRef: ref, child: detail.childRef, area: detail.area, for: context)
            fields["showTimescales"] = true
            fields["timescales"] = items.map { item -> [String: Any] in
                ["kind": item.kind.replacingOccurrences(of: "_", with: " "), "due": item.due.description, "owner": item.owner,
                 "rule": item.rule, "overdue": item.isOverdue,
                 "late": item.isOverdue ? "\(item.workingDaysLate) working day\(item.workingDaysLate == 1 ? "" : "s") late" : "due"]
            }
        }
        // Each form is shown to the roles whose permission its write checks.
        if account.role.may(WorkflowWrite.nrm.permission) {
            if detail.status == "open" { fields["assessHref"] = "/cases/\(PageRenderer.pathSegment(ref))/assessment" }
            let typed = refusal?.typed(in: "nrm") ?? [:]
            fields["nrmForm"] = ["action": "/cases/\(PageRenderer.pathSegment(ref))/nrm",
                                 "stages": Self.options(NRMStage.allCases.map(\.rawValue), selected: typed["stage"]),
                                 "on": typed["on"] ?? CalendarDate.today.description, "note": typed["note"] ?? ""] as [String: Any]
            let strategy = refusal?.typed(in: "strategy") ?? [:]
            let agencies = try self.agencies()
            var timelineForms: [String: Any] = ["base": "/cases/" + PageRenderer.pathSegment(ref),
                                       "strategyOn": strategy["on"] ?? CalendarDate.today.description,
                                       "strategyKinds": Self.options(StrategyMeeting.Kind.allCases.map(\.rawValue), selected: strategy["kind"]),
                                       "strategyDecisions": StrategyMeeting.Decision.allCases.map {
                                           ["code": $0.rawValue, "words": $0.words, "checked": strategy["decision_" + $0.rawValue] != nil] as [String: Any]
                                       },
                                       "attendeeRows": Self.attendeeRows(strategy, agencies: agencies),
                                       "strategyReason": strategy["no_conference_reason"] ?? "",
                                       "flagRows": Self.flagRowFields(strategy, prefix: "strategy", agencies: agencies),
                                       "flagsId": "strategy", "flagsLegend": "CE flags actioned at the meeting (the child's, unless another record is named)",
                                       "strategyNote": strategy["note"] ?? "",
                                       "errors": refusal?.errors(in: "strategy") ?? [:],
                                       "transitionsOn": refusal?.typed(in: "transitions")["on"] ?? CalendarDate.today.description]
            let strategyErrors = refusal?.errors(in: "strategy") ?? [:]
            if let error = strategyErrors["attendees"] { timelineForms["attendeesError"] = error }
            if let error = strategyErrors["set_flags"] ?? strategyErrors["flags"] { timelineForms["flagsError"] = error }
            fields["timelineForms"] = timelineForms
        }
        if account.role.may(WorkflowWrite.addToNextAgenda.permission), detail.status == "open" {
            fields["nextAgendaForm"] = ["action": "/cases/\(PageRenderer.pathSegment(ref))/next-agenda",
                                        "reason": refusal?.typed(in: "next-agenda")["reason"] ?? ""]
        }
        fields.merge(journeyFields(detail, account: account, refusal: refusal)) { _, new in new }
        return ("case", fields)
    }
}
