import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The child's journey on the pages (issue 19): the notification log per authority for the
/// coordinator, and the case page's missing episodes, placements, duties to tell and the
/// handover at 18, with their forms.
extension WorkflowPageRoutes {
    func addJourney(to group: RouterGroup<AppRequestContext>) {
        let log: @Sendable (String?, JSONValue) -> String = { _, _ in "/notifications" }
        group.get("/notifications", use: page(notificationsPage))
        group.post("/notifications/scan", use: form(.notificationPass, saved: "Notifications checked", layout: notificationsPage, back: log))
        group.post("/notifications/{ref}/done", use: form(.notified, saved: "Notification {record} recorded as done", layout: notificationsPage, back: log))
        let casePageOf: @Sendable (String?, JSONValue) -> String = { ref, _ in "/cases/" + PageRenderer.pathSegment(ref ?? "") }
        group.post("/cases/{ref}/missing", use: form(.missing, saved: "Missing episode {record} recorded", layout: casePage, back: casePageOf))
        group.post("/cases/{ref}/placements", use: form(.placement, saved: "Placement {record} recorded", layout: casePage, back: casePageOf))
        group.post("/cases/{ref}/handover", use: form(.handover, saved: "Handover to adult social care recorded on case {record}", layout: casePage, back: casePageOf))
    }

    /// The notification log (`?area=&status=open|done|all`, open by default), soonest due
    /// first, with the pass and, for a coordinator, a form to record each open one done.
    @Sendable func notificationsPage(_ request: Request, context: AppRequestContext, ref: String?,
                                     refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(.readCases)
        let area = try request.area(services)
        let status = request.query("status") ?? "open"
        let tasks = try reads.notifications(area: area?.isEmpty == false ? area : nil, status: status, for: context)
        let works = account.role.may(WorkflowWrite.notified.permission)
        let today = CalendarDate.today
        let open = tasks.filter(\.isOpen)
        return ("notifications", [
            "area": try area.map(areas().name) ?? "", "works": works,
            "statusChoices": Self.options(["open", "done", "all"], selected: status),
            "summary": "\(open.count) to do, \(open.filter { (CalendarDate($0.dueOn) ?? today) < today }.count) overdue",
            "tasks": tasks.map { task -> [String: Any] in
                var row: [String: Any] = [
                    "ref": task.ref, "to": task.toAreaName, "toCode": task.toArea, "contact": task.contact.words,
                    "source": task.source.rawValue.replacingOccurrences(of: "_", with: " "),
                    "reasons": task.reason.components(separatedBy: "\n"), "raisedOn": task.raisedOn, "dueOn": task.dueOn,
                    "overdue": task.isOpen && (CalendarDate(task.dueOn) ?? today) < today,
                    "records": task.records.filter { $0 != task.childRef }.map { ["ref": $0, "href": Self.href("/entities/", $0) ?? ""] },
                    "anyRecords": task.records.contains { $0 != task.childRef },
                ]
                if let child = task.childRef {
                    row["child"] = task.childLabel ?? child
                    row["childRef"] = child
                    row["childHref"] = Self.href("/entities/", child) ?? ""
                }
                if let ceCase = task.caseRef { row["caseRef"] = ceCase; row["caseHref"] = Self.href("/cases/", ceCase) ?? "" }
                if let done = task.doneOn {
                    row["done"] = "Done \(done) by \(task.doneBy ?? "?") (\((task.doneHow?.rawValue ?? "").replacingOccurrences(of: "_", with: " ")))"
                        + (task.disclosed.map { ": shared " + $0 } ?? "")
                } else if works {
                    let form = "done-" + task.ref
                    let typed = refusal?.typed(in: form) ?? [:]
                    row["doneForm"] = ["action": "/notifications/\(PageRenderer.pathSegment(task.ref))/done", "form": form,
                                       "hows": Self.options(NotificationTask.How.allCases.map(\.rawValue), selected: typed["how"]),
                                       "on": typed["on"] ?? today.description, "disclosed": typed["disclosed"] ?? "",
                                       "note": typed["note"] ?? ""] as [String: Any]
                }
                return row
            },
            "anyTasks": !tasks.isEmpty,
        ])
    }

    /// The case page's journey: placements, missing episodes and duties to tell as rows,
    /// and the forms to record them for a coordinator.
    func journeyFields(_ detail: CaseDetail, account: Account, refusal: Refusal?) -> [String: Any] {
        let today = CalendarDate.today
        var fields: [String: Any] = [
            "placements": detail.placements.map { placement -> [String: Any] in
                ["ref": placement.ref, "kind": placement.kind.words,
                 "placement": placement.placement, "placedBy": placement.placingAreaName, "livesIn": placement.areaName,
                 "from": placement.startedOn, "to": placement.endedOn ?? "now", "outOfArea": placement.isOutOfArea,
                 "screening": placement.incoming ? (placement.screenedOn.map { "screened \($0): " + (placement.ceRisk == true ? "CE risk" : "no CE risk") }
                    ?? "told to us by the placing authority; not yet screened") : ""]
            },
            "missingEpisodes": detail.missingEpisodes.map { episode -> [String: Any] in
                ["ref": episode.ref, "reportedOn": episode.reportedOn, "from": episode.missingFrom.rawValue,
                 "found": episode.foundOn.map { "found \($0)" + (episode.foundAtLabel.map { " at " + $0 } ?? "")
                    + (episode.foundWith.map { ", with " + $0 } ?? "") } ?? "not found yet",
                 "stillMissing": episode.foundOn == nil,
                 "interview": episode.interview.map { $0.rawValue + (episode.interviewOn.map { " " + $0 } ?? "")
                    + (episode.interviewBy.map { " by " + $0 } ?? "") } ?? (episode.foundOn == nil ? "—" : "not yet offered")]
            },
            "notifications": detail.notifications.map { task -> [String: Any] in
                ["ref": task.ref, "to": "\(task.toAreaName) \(task.contact.words)", "reason": task.reason.replacingOccurrences(of: "\n", with: "; "),
                 "state": task.doneOn.map { "done \($0)" } ?? "due \(task.dueOn)",
                 "overdue": task.isOpen && (CalendarDate(task.dueOn) ?? today) < today]
            },
            "anyMissing": !detail.missingEpisodes.isEmpty, "anyPlacements": !detail.placements.isEmpty,
            "showNotifications": account.role.may(.readCases),
            "notificationsHref": "/notifications?area=" + PageRenderer.queryValue(detail.area),
        ]
        if let current = detail.placements.last(where: { $0.endedOn == nil || ($0.endedOn ?? "") >= today.description }) {
            fields["placedBy"] = current.placingAreaName
            fields["livesIn"] = current.areaName
        }
        guard account.role.may(WorkflowWrite.missing.permission) else { return fields }
        let base = "/cases/" + PageRenderer.pathSegment(detail.ref)
        let missing = refusal?.typed(in: "missing") ?? [:]
        let open = detail.missingEpisodes.last { $0.foundOn == nil }
        fields["missingForm"] = [
            "action": base + "/missing", "child": detail.childRef, "episode": open?.ref ?? "",
            "isNew": open == nil, "reported": missing["reported"] ?? today.description,
            "froms": Self.options(MissingEpisode.From.allCases.map(\.rawValue), selected: missing["from"]),
            "found": missing["found"] ?? (open == nil ? "" : today.description), "foundAt": missing["found_at"] ?? "",
            "foundWith": missing["found_with"] ?? "", "note": missing["note"] ?? "",
            "interviews": [["value": "", "label": "not yet", "selected": (missing["interview"] ?? "").isEmpty] as [String: Any]]
                + Self.options(MissingEpisode.Interview.allCases.map(\.rawValue), selected: missing["interview"]),
        ] as [String: Any]
        // The latest episode found whose return home interview is not done or declined.
        if let due = detail.missingEpisodes.last(where: { $0.foundOn != nil && ($0.interview == nil || $0.interview == .offered) }) {
            let typed = refusal?.typed(in: "interview") ?? [:]
            fields["interviewForm"] = ["action": base + "/missing", "child": detail.childRef, "episode": due.ref,
                                       "on": typed["interview_on"] ?? today.description, "by": typed["interview_by"] ?? "",
                                       "interviews": Self.options(MissingEpisode.Interview.allCases.map(\.rawValue),
                                                                  selected: typed["interview"] ?? "done")] as [String: Any]
        }
        let placement = refusal?.typed(in: "placement") ?? [:]
        fields["placementForm"] = [
            "action": base + "/placements", "child": detail.childRef, "placedBy": placement["placed_by"] ?? "",
            "livesIn": placement["lives_in"] ?? "", "placement": placement["placement"] ?? "", "location": placement["location"] ?? "",
            "started": placement["started"] ?? today.description,
            "types": Self.options(Placement.Kind.allCases.map(\.rawValue), selected: placement["type"]),
        ] as [String: Any]
        // From the 18th birthday (the workflow refuses a handover before it).
        if detail.status == "open", let turns = detail.turns18On.flatMap(CalendarDate.init), today >= turns {
            fields["handoverForm"] = ["action": base + "/handover", "turns18": turns.description,
                                      "on": refusal?.typed(in: "handover")["on"] ?? today.description] as [String: Any]
        }
        return fields
    }
}
