import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The front door and the timeline's pages: referrals with their screening, the alerts'
/// review tasks with the scan, and the flags on a record.
extension WorkflowPageRoutes {
    func addFrontDoor(to group: RouterGroup<AppRequestContext>) {
        let referrals: @Sendable (String?, JSONValue) -> String = { _, _ in "/referrals" }
        group.get("/referrals", use: page(referralsPage))
        group.post("/referrals", use: form(.recordReferral, saved: "Referral {record} recorded", layout: referralsPage, back: referrals))
        group.post("/referrals/{ref}/case", use: form(.openCase, saved: "Case {record} opened", layout: referralsPage) { _, result in
            "/cases/" + PageRenderer.pathSegment(result.objectValue?["case"]?.stringValue ?? "")
        })
        group.post("/referrals/{ref}/screening", use: form(.screen, saved: "Screening recorded for referral {record}", layout: referralsPage, back: referrals))
        let alerts: @Sendable (String?, JSONValue) -> String = { _, _ in "/alerts" }
        group.get("/alerts", use: page(alertsPage))
        group.post("/alerts/scan", use: form(.scanAlerts, saved: "Alerts checked", layout: alertsPage, back: alerts))
        group.post("/alerts/{ref}/review", use: form(.reviewAlert, saved: "Alert {record} reviewed", layout: alertsPage, back: alerts))
        let flags: @Sendable (String?, JSONValue) -> String = { ref, _ in "/flags/" + PageRenderer.pathSegment(ref ?? "") }
        group.get("/flags/{ref}", use: page(flagsPage))
        group.post("/flags/{ref}", use: form(.setFlag, saved: "Flag set on {record}", layout: flagsPage, back: flags))
        group.post("/flags/{ref}/remove", use: form(.removeFlags, saved: "Flags removed from {record}", layout: flagsPage, back: flags))
    }

    /// Referrals received (`?area=&from=&to=`), with a screening form on each not yet
    /// screened for a coordinator.
    @Sendable func referralsPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(.readCases)
        let area = try request.area(services)
        let to = try request.date("to"), from = try request.date("from")
        let rows = try reads.referrals(area: area?.isEmpty == false ? area : nil, from: from, to: to, for: context)
        let screens = account.role.may(WorkflowWrite.screen.permission)
        let areas = try areas()
        return ("referrals", [
            "area": area.map(areas.name) ?? "", "from": from?.description ?? "", "to": to?.description ?? "",
            "csvHref": Download.csvHref("/api/referrals", [("area", area), ("from", from?.description), ("to", to?.description)]),
            "screens": screens,
            "referrals": rows.map { row -> [String: Any] in
                let object = row.objectValue ?? [:]
                var fields = PageRenderer.fields(object)
                let ref = object["ref"]?.stringValue ?? ""
                fields["childHref"] = Self.href("/entities/", object["child_ref"]?.stringValue)
                fields["repeat"] = PageRenderer.isSet(object["is_repeat"])
                fields["immediate"] = PageRenderer.isSet(object["immediate_risk"])
                Self.nameArea(&fields, in: areas)
                fields["caseHref"] = Self.href("/cases/", object["case_ref"]?.stringValue)
                // A screened referral that may come to MACCSE and has no case yet: the
                // workflow says why when the child has another case open.
                if screens, let outcome = object["outcome"]?.stringValue, outcome != ScreeningOutcome.noFurtherAction.rawValue,
                   object["case_ref"]?.stringValue == nil {
                    fields["caseAction"] = "/referrals/\(PageRenderer.pathSegment(ref))/case"
                }
                if screens, object["outcome"]?.stringValue == nil {
                    let form = "screen-" + ref
                    let typed = refusal?.typed(in: form) ?? [:]
                    fields["screenForm"] = ["action": "/referrals/\(PageRenderer.pathSegment(ref))/screening", "form": form,
                                            "outcomes": Self.options(ScreeningOutcome.allCases.map(\.rawValue), selected: typed["outcome"], words: CodeWords.screening),
                                            "on": typed["on"] ?? CalendarDate.today.description] as [String: Any]
                }
                return fields
            },
            "anyReferrals": !rows.isEmpty,
            "recordForm": try screens ? Self.referralForm(refusal?.typed(in: "referral") ?? [:], agencies: self.agencies(),
                                                          errors: refusal?.errors(in: "referral") ?? [:]) as Any : false,
        ])
    }

    /// The form to record a referral, with what was typed into it when it was refused.
    static func referralForm(_ typed: [String: String], agencies: [(code: String, name: String)], errors: [String: String]) -> [String: Any] {
        ["child": typed["child"] ?? "", "receivedOn": typed["received_on"] ?? CalendarDate.today.description, "errors": errors,
         "referrer": typed["referrer"] ?? "", "agencies": agencyOptions(agencies, selected: typed["agency"]), "area": typed["area"] ?? "",
         "concerns": options(Concern.allCases.map(\.rawValue), selected: typed["concern"], words: CodeWords.concerns),
         "outcomes": [["value": "", "label": "not yet screened", "selected": (typed["outcome"] ?? "").isEmpty] as [String: Any]]
            + options(ScreeningOutcome.allCases.map(\.rawValue), selected: typed["outcome"], words: CodeWords.screening),
         "screenedOn": typed["screened_on"] ?? "", "immediate": typed["immediate_risk"] != nil, "note": typed["note"] ?? ""]
    }

    /// The alerts (`?status=open|reviewed|dismissed|all`, open by default: the review
    /// tasks), with the scan and, for a coordinator, a review form on each open one.
    @Sendable func alertsPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(.readAlerts)
        let status = request.query("status") ?? "open"
        let rows = try reads.alerts(status: status == "all" ? nil : status, for: context)
        let reviews = account.role.may(WorkflowWrite.reviewAlert.permission)
        return ("alerts", [
            "status": status, "reviews": reviews,
            "statusChoices": Self.options(["open", "reviewed", "dismissed", "all"], selected: status),
            "since": refusal?.typed(in: "scan")["since"] ?? "",
            "alerts": rows.map { row -> [String: Any] in
                let object = row.objectValue ?? [:]
                var fields = PageRenderer.fields(object.filter { $0.key != "entity_ids" })
                fields["kind"] = object["kind"]?.stringValue?.replacingOccurrences(of: "_", with: " ")
                fields["entities"] = Self.entityRefs(object["entity_ids"]).map { ["ref": $0, "href": Self.href("/entities/", $0) ?? ""] }
                if reviews, object["status"]?.stringValue == "open", let id = object["id"].map({ $0.stringValue ?? $0.jsonText }) {
                    let form = "review-" + id
                    let typed = refusal?.typed(in: form) ?? [:]
                    fields["reviewForm"] = ["action": "/alerts/\(PageRenderer.pathSegment(id))/review", "form": form,
                                            "note": typed["note"] ?? "", "dismiss": typed["dismiss"] != nil] as [String: Any]
                }
                return fields
            },
            "anyAlerts": !rows.isEmpty,
        ])
    }

    /// The ids an alert names: stored as a JSON array (or its text).
    static func entityRefs(_ value: JSONValue?) -> [String] {
        if let array = value?.arrayValue { return array.compactMap(\.stringValue) }
        guard let text = value?.stringValue, let parsed = try? JSONParser.parse(text) else { return [] }
        return parsed.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The flags on a child, adult, location or vehicle, present or past, with the forms to
    /// set one and to remove them for a coordinator.
    @Sendable func flagsPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.requireSensitive(.readFlags)
        let ref = ref ?? ""
        let rows = try reads.flags(on: ref, for: context)
        var fields: [String: Any] = [
            "ref": ref, "entityHref": Self.href("/entities/", ref) ?? "",
            "flags": rows.map { row -> [String: Any] in
                var fields = PageRenderer.fields(row.objectValue)
                fields["flag"] = row.objectValue?["flag"]?.stringValue?.replacingOccurrences(of: "_", with: " ")
                fields["present"] = PageRenderer.isSet(row.objectValue?["present"])
                if let owner = row.objectValue?["owner_agency"]?.stringValue { fields["owner_agency"] = CodeWords.agency(owner) }
                return fields
            },
            "anyFlags": !rows.isEmpty,
        ]
        if account.role.may(WorkflowWrite.setFlag.permission) {
            let typed = refusal?.typed(in: "flag") ?? [:]
            fields["flagForm"] = ["action": "/flags/" + PageRenderer.pathSegment(ref),
                                  "kinds": Self.options(FlagKind.allCases.map(\.rawValue), selected: typed["flag"]),
                                  "owners": Self.agencyOptions(try agencies(), selected: typed["owner"]), "review": typed["review_on"] ?? "",
                                  "errors": refusal?.errors(in: "flag") ?? [:]] as [String: Any]
            fields["anyPresent"] = rows.contains { PageRenderer.isSet($0.objectValue?["present"]) }
            fields["removeAction"] = "/flags/" + PageRenderer.pathSegment(ref) + "/remove"
        }
        return ("flags", fields)
    }
}
