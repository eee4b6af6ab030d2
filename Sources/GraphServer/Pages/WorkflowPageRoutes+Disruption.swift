import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The disruption register's pages: the register (filtered to notices in force, expiring,
/// breached or awaiting approval or service, by area, with counts and pages), and one notice
/// with its life, its breaches and the forms for its next step.
extension WorkflowPageRoutes {
    func addDisruptions(to group: RouterGroup<AppRequestContext>) {
        let notice: @Sendable (String?, JSONValue) -> String = { ref, _ in "/disruptions/" + PageRenderer.pathSegment(ref ?? "") }
        group.get("/disruptions", use: page(registerPage))
        group.post("/disruptions/drafts", use: form(.draftDisruption, saved: "Notice {record} drafted", layout: registerPage) { _, result in
            "/disruptions/" + PageRenderer.pathSegment(result.objectValue?["disruption"]?.stringValue ?? "")
        })
        group.get("/disruptions/{ref}", use: page(noticePage))
        group.post("/disruptions/{ref}/approval", use: form(.approveDisruption, saved: "Notice {record} approved", layout: noticePage, back: notice))
        group.post("/disruptions/{ref}/service", use: form(.serveDisruption, saved: "Notice {record} recorded as served", layout: noticePage, back: notice))
        group.post("/disruptions/{ref}/breaches", use: form(.breach, saved: "Breach recorded on notice {record}", layout: noticePage, back: notice))
        group.post("/disruptions/{ref}/renewal", use: form(.renewDisruption, saved: "Notice {record} renewed", layout: noticePage) { _, result in
            "/disruptions/" + PageRenderer.pathSegment(result.objectValue?["disruption"]?.stringValue ?? "")
        })
        group.post("/disruptions/{ref}/end", use: form(.endDisruption, saved: "Notice {record} ended", layout: noticePage, back: notice))
    }

    @Sendable func registerPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(.readMarthr)
        let register = try reads.disruptions(request, for: context)
        let show = request.query("show").flatMap { DisruptionFilter.Show(rawValue: $0) } ?? .all
        let area = try request.area(services)
        func href(show: DisruptionFilter.Show, page: Int = 1) -> String {
            var query = ["show=" + show.rawValue]
            if let area { query.append("area=" + PageRenderer.pathSegment(area)) }
            if page > 1 { query.append("page=\(page)") }
            return "/disruptions?" + query.joined(separator: "&")
        }
        let labels: [DisruptionFilter.Show: String] = [.all: "All", .inForce: "In force", .expiring: "Expiring",
                                                       .breached: "Breached", .pending: "Awaiting approval or service"]
        var fields: [String: Any] = [
            "asOf": register.asOf, "area": try area.map(areas().name) ?? "", "total": String(register.total),
            "filters": DisruptionFilter.Show.allCases.map { choice -> [String: Any] in
                ["label": labels[choice] ?? choice.rawValue, "count": String(register.counts[choice.rawValue] ?? 0),
                 "href": href(show: choice), "current": choice == show, "value": choice.rawValue]
            },
            "notices": try register.disruptions.map(Self.noticeRow),
            "anyNotices": !register.disruptions.isEmpty,
            "paged": register.pages > 1, "page": String(register.page), "pages": String(register.pages),
            "csvHref": Download.csvHref("/api/disruptions", [("show", show.rawValue), ("area", area),
                                                              ("page", register.page > 1 ? String(register.page) : nil)]),
        ]
        if register.page > 1 { fields["previousHref"] = href(show: show, page: register.page - 1) }
        if register.page < register.pages { fields["nextHref"] = href(show: show, page: register.page + 1) }
        if account.role.may(WorkflowWrite.draftDisruption.permission) {
            fields["draftForm"] = Self.noticeForm(refusal?.typed(in: "draft") ?? [:], action: "/disruptions/drafts", served: false)
        }
        return ("disruptions", fields)
    }

    @Sendable func noticePage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(.readMarthr)
        let notice = try reads.disruption(ref ?? "", for: context)
        let base = "/disruptions/" + PageRenderer.pathSegment(notice.ref)
        var fields = try Self.noticeRow(notice)
        fields["breaches"] = try PageRenderer.rows(encoding: notice.breaches).map { row in
            var row = row
            row["intelHref"] = (row["intel_ref"] as? String).map(PageRoutes.intelHref)
            return row
        }
        fields["anyBreaches"] = !notice.breaches.isEmpty
        fields["history"] = try PageRenderer.rows(encoding: notice.history)
        fields["renewsHref"] = Self.href("/disruptions/", notice.renewsRef)
        fields["renewedByHref"] = Self.href("/disruptions/", notice.renewedByRef)
        fields["meetingHref"] = Self.href("/marthr/", notice.meetingRef)
        let typed = { (form: String) in refusal?.typed(in: form) ?? [:] }
        let preparer = account.role.may(WorkflowWrite.serveDisruption.permission)
        if notice.status == "drafted", account.role.may(WorkflowWrite.approveDisruption.permission) {
            fields["approveForm"] = ["action": base + "/approval", "approved_by": typed("approve")["approved_by"] ?? "",
                                     "approver_role": typed("approve")["approver_role"] ?? ""]
        }
        if notice.status == "drafted" { fields["awaitingApproval"] = true }
        if notice.status == "approved", preparer {
            fields["serveForm"] = ["action": base + "/service", "served_on": typed("serve")["served_on"] ?? "",
                                   "expires_on": typed("serve")["expires_on"] ?? notice.expiresOn ?? ""]
        }
        if notice.servedOn != nil, preparer, notice.status != "drafted" {
            fields["breachForm"] = ["action": base + "/breaches", "breached_on": typed("breach")["breached_on"] ?? "",
                                    "intel": typed("breach")["intel"] ?? "", "record": typed("breach")["record"] ?? "",
                                    "note": typed("breach")["note"] ?? ""]
        }
        if notice.status == "served", preparer {
            fields["renewForm"] = ["action": base + "/renewal", "expires_on": typed("renew")["expires_on"] ?? "",
                                   "newNotice": notice.renewedByRef == nil]
        }
        if notice.endedOn == nil, preparer {
            fields["endForm"] = ["action": base + "/end", "outcome": typed("end")["outcome"] ?? "", "ended_on": typed("end")["ended_on"] ?? ""]
        }
        return ("disruption", fields)
    }

    /// A notice as a row of the register's pages.
    static func noticeRow(_ notice: Disruption) throws -> [String: Any] {
        var row = try PageRenderer.fields(encoding: notice)
        row["href"] = href("/disruptions/", notice.ref)
        row["subjectHref"] = href("/entities/", notice.subjectRef)
        row["childHref"] = href("/entities/", notice.childRef)
        row["toolWords"] = DisruptionTool(rawValue: notice.tool)?.shortName ?? notice.tool.replacingOccurrences(of: "_", with: " ")
        row["stateWords"] = notice.state.words
        row["stateClass"] = notice.state.rawValue
        row["isBreached"] = notice.breached
        return row
    }

    /// The fields of a form that records a notice: served already (the meeting page), or a
    /// draft (the register), with what was typed.
    static func noticeForm(_ typed: [String: String], action: String, served: Bool) -> [String: Any] {
        var form: [String: Any] = [
            "action": action, "tools": options(DisruptionTool.allCases.map(\.rawValue), selected: typed["tool"]),
            "subject": typed["subject"] ?? "", "child": typed["child"] ?? "", "expires_on": typed["expires_on"] ?? "",
            "note": typed["note"] ?? "", "meeting": typed["meeting"] ?? "", "formId": served ? "disruption" : "draft",
        ]
        if served { form["served"] = ["served_on": typed["served_on"] ?? ""] }
        return form
    }
}
