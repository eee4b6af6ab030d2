import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The MARTHR pages: the meetings, and a meeting with its nominations, the chair's decisions,
/// actions, disruption register and feedback to MACCSE.
extension WorkflowPageRoutes {
    @Sendable func marthrListPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.require(.readMarthr)
        let rows = try reads.marthrMeetings(for: context)
        var fields: [String: Any] = [
            "meetings": rows.map { row -> [String: Any] in
                var fields = PageRenderer.fields(row.objectValue)
                fields["href"] = Self.href("/marthr/", row.objectValue?["ref"]?.stringValue)
                return fields
            },
            "anyMeetings": !rows.isEmpty,
        ]
        if account.role.may(WorkflowWrite.scheduleMarthr.permission) {
            let typed = refusal?.typed(in: "schedule") ?? [:]
            fields["scheduleForm"] = ["on": typed["on"] ?? "", "chair": typed["chair"] ?? "", "force": typed["force"] ?? "merseyside"]
        }
        return ("marthr-list", fields)
    }

    @Sendable func marthrPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(.readMarthr)
        let ref = ref ?? ""
        let detail = try reads.marthr(ref, for: context).objectValue ?? [:]
        let base = "/marthr/" + PageRenderer.pathSegment(ref)
        let isChair = account.role.may(WorkflowWrite.decideNomination.permission)
        let preparer = account.role.may(WorkflowWrite.nominate.permission)
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
            row["evidence"] = evidence.map { ["parts": EvidenceSentence.fields($0)] }
            row["evidenceCount"] = String(evidence.count)
            row["proposed"] = object["status"]?.stringValue == "proposed"
            // What a partner's or a panel's nomination claims, and what the evidence confirms.
            func thresholds(_ key: String) -> [String] { (object[key]?.arrayValue ?? []).map { $0.stringValue ?? $0.jsonText } }
            let claimed = thresholds("claimed"), confirmed = Set(thresholds("confirmed"))
            let unconfirmed = claimed.filter { !confirmed.contains($0) }
            if object["source"]?.stringValue != "query", !claimed.isEmpty {
                row["claim"] = ["claimed": claimed.joined(separator: ", "),
                                "confirmed": confirmed.isEmpty ? "none" : confirmed.sorted().joined(separator: ", "),
                                "unconfirmed": unconfirmed.isEmpty ? NSNull() : unconfirmed.joined(separator: ", ") as Any]
            }
            row["override_reason"] = object["override_reason"]?.stringValue ?? NSNull()
            if isChair {
                let form = "nomination:" + subject
                row["decideForm"] = ["action": base + "/decisions", "form": form, "subject": subject,
                                     "reason": refusal?.typed(in: form)["reason"] ?? "",
                                     "unconfirmed": unconfirmed.isEmpty ? NSNull() : unconfirmed.joined(separator: ", ") as Any,
                                     "override": refusal?.typed(in: form)["override"] ?? ""]
            }
            return row
        }
        fields["anyNominations"] = !nominations.isEmpty
        let actionRows: (JSONValue?) -> [[String: Any]] = { list in
            (list?.arrayValue ?? []).map { item -> [String: Any] in
                var row = PageRenderer.fields(item.objectValue)
                row["overdue"] = PageRenderer.isSet(item.objectValue?["overdue"])
                if let category = row["category"] as? String { row["category"] = category.replacingOccurrences(of: "_", with: " ") }
                if account.role.may(WorkflowWrite.updateAction.permission), let action = item.objectValue?["ref"]?.stringValue {
                    row["updateForm"] = ["action": base + "/actions/" + PageRenderer.pathSegment(action), "form": "action:" + action,
                                         "statuses": Self.options(["done", "cancelled", "open"], selected: nil),
                                         "note": "", "id": "update-" + action] as [String: Any]
                }
                return row
            }
        }
        fields["actions"] = actionRows(detail["actions"])
        fields["carried"] = actionRows(detail["carried_actions"])
        fields["anyCarried"] = !(detail["carried_actions"]?.arrayValue ?? []).isEmpty
        // Attendance and the confidentiality agreement, which business waits for.
        let attendees = (detail["attendees"]?.arrayValue ?? []).map { item -> [String: Any] in
            ["name": item.objectValue?["name"]?.stringValue ?? "", "agency": CodeWords.agency(item.objectValue?["agency"]?.stringValue ?? ""),
             "signed": PageRenderer.isSet(item.objectValue?["signed_confidentiality"])]
        }
        let unsigned = (detail["unsigned"]?.arrayValue ?? []).compactMap(\.stringValue)
        fields["attendees"] = attendees
        fields["anyAttendees"] = !attendees.isEmpty
        fields["unsignedNames"] = unsigned.joined(separator: ", ")
        fields["mayDoBusiness"] = !attendees.isEmpty && unsigned.isEmpty
        fields["subjectMinutes"] = (detail["subject_minutes"]?.arrayValue ?? []).map { PageRenderer.fields($0.objectValue) }
        fields["feedback"] = (detail["feedback"]?.arrayValue ?? []).map { item -> [String: Any] in
            var row = PageRenderer.fields(item.objectValue)
            row["caseHref"] = Self.href("/cases/", item.objectValue?["case_ref"]?.stringValue)
            row["panelHref"] = Self.href("/panels/", item.objectValue?["discussed_at"]?.stringValue)
            return row
        }
        let minutesRecorded = detail["minutes"]?.stringValue != nil
        let minutesApproved = detail["minutes_approved_on"]?.stringValue != nil
        // The register's entries agreed at this meeting or about its subjects.
        let subjects = Set(nominations.compactMap { $0.objectValue?["subject_ref"]?.stringValue })
        let register = try services.workflow.disruptionRegister(DisruptionFilter(pageSize: 500), asOf: .today,
                                                                by: services.viewer(context, purpose: "viewing a MARTHR meeting"))
        fields["disruptions"] = try register.disruptions.filter { $0.meetingRef == ref || subjects.contains($0.subjectRef) }
            .map { notice -> [String: Any] in
                var row = try PageRenderer.fields(encoding: notice)
                row["href"] = Self.href("/disruptions/", notice.ref)
                row["tool"] = notice.tool.replacingOccurrences(of: "_", with: " ")
                row["stateWords"] = notice.state.words
                return row
            }
        let typed = { (form: String) in refusal?.typed(in: form) ?? [:] }
        let agencies = try preparer || isChair ? self.agencies() : []
        // The cases this meeting's nominations came from, offered to the case fields.
        fields["meetingCases"] = Array(Set((detail["nominations"]?.arrayValue ?? []).compactMap { $0.objectValue?["case_ref"]?.stringValue })).sorted()
        if preparer {
            var attendance: [String: Any] = ["action": base + "/attendance", "attendeeRows": Self.attendeeRows(typed("attendance"), agencies: agencies),
                                             "signatures": true]
            if let error = refusal?.errors(in: "attendance")["attendees"] { attendance["attendeesError"] = error }
            fields["attendanceForm"] = attendance
            if !minutesApproved {
                fields["minutesForm"] = ["action": base + "/minutes", "minutes": typed("minutes")["minutes"] ?? detail["minutes"]?.stringValue ?? ""]
            }
            fields["subjectMinutesForm"] = [
                "action": base + "/minutes", "text": typed("subject-minutes")["minutes"] ?? "",
                "subjects": Self.options(subjects.sorted(), selected: typed("subject-minutes")["subject"]),
            ] as [String: Any]
            fields["anySubjects"] = !subjects.isEmpty
        }
        if isChair, minutesRecorded, !minutesApproved { fields["approveMinutesForm"] = ["action": base + "/minutes/approval"] }
        if isChair {
            fields["chairForms"] = [
                "base": base,
                "action": ["categories": Self.options(MarthrActionCategory.allCases.map(\.rawValue), selected: typed("action")["category"]),
                           "text": typed("action")["text"] ?? "", "owners": Self.agencyOptions(agencies, selected: typed("action")["owner"]),
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
                "disruption": Self.noticeForm(typed("disruption"), action: base + "/disruptions", served: true),
            ] as [String: Any]
        }
        return ("marthr", fields)
    }
}
