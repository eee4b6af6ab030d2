import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The partnership settings page: the settings in force for the partnership or one local
/// authority, and for an admin or a coordinator the form to change them. The form sends
/// every field; only those changed from the value in force are saved, so an authority's
/// own settings stay the few it chose and the rest follow the partnership default.
extension WorkflowPageRoutes {
    /// The settings in the order the page shows them, with what each means.
    static let settingLabels: [(key: String, label: String)] = [
        ("framework", "Risk framework for assessments"),
        ("agendaDaysBefore", "Days before a panel its agenda is sent"),
        ("panelStartsAt", "Time a panel starts (HH:MM)"),
        ("caseSlotMinutes", "Minutes each case is given on an agenda"),
        ("reviewWeeks", "Usual review interval (weeks)"),
        ("longestReviewMonths", "Longest review interval, with a reason (months)"),
        ("policeFlagRetentionMonths", "Months a police flag stays after MACCSE removes it"),
        ("repeatReferralMonths", "A new concern within this many months of leaving MACCSE is a repeat referral"),
        ("strategyMeetingWorkingDays", "Strategy meeting within (working days of the referral)"),
        ("assessmentWorkingDays", "Assessment within (working days of the case opening)"),
        ("dueSoonDays", "Listed as coming up within (days)"),
        ("transitionsMonthsBefore18", "Transitions plan needed this many months before 18"),
        ("longExploitationMonths", "Exploited longer than this counts in the quarterly report (months)"),
        ("firstQuarterMonth", "Month quarter 1 starts (1 calendar, 4 financial year)"),
        ("extraClosures", "Days closed besides bank holidays (YYYY-MM-DD, one a line)"),
        ("quorum.minimumAgencies", "Quorum: fewest agencies present"),
        ("quorum.requiredAgencies", "Quorum: agencies that must be present (comma-separated codes)"),
        ("quorum.signedConfidentialityOnly", "Quorum: count only attendees who signed the confidentiality statement"),
        ("partnerFreeText", "Partners read report text and link notes, other children's names replaced (partnership-wide)"),
    ]

    func addSettings(to group: RouterGroup<AppRequestContext>) {
        group.get("/settings", use: page(settingsPage))
        group.post("/settings/{ref}", use: form(.settings, saved: "Settings saved for {record}", layout: settingsPage, fields: { form, ref, _ in try settingsFields(form, ref: ref) }) { ref, _ in
            ref == nil || ref == "default" ? "/settings" : "/settings?area=" + PageRenderer.queryValue(ref ?? "")
        })
    }

    /// `?area=` for one local authority's settings (its own over the partnership default).
    @Sendable func settingsPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        let account = try context.require(.readSettings)
        let asked = (ref.flatMap { $0 == "default" ? nil : $0 } ?? request.query("area"))?.trimmingWhitespace()
        let area = try asked.flatMap { $0.isEmpty ? nil : try areas().code(for: $0, field: "area", localAuthority: true) }
        let current: PartnershipSettings
        do {
            current = try reads.settings(area: area, for: context)
        } catch is WorkflowError {
            throw ServerError(.badRequest, "no local authority has the code \(Excerpt.bare(area ?? ""))")
        }
        let values = Self.settingValues(current)
        let typed = refusal?.typed(in: "settings") ?? [:]
        let edits = account.role.may(WorkflowWrite.settings.permission)
        return ("settings", [
            "area": area ?? "", "scope": area ?? "the partnership default", "edits": edits,
            "action": "/settings/" + PageRenderer.pathSegment(area ?? "default"),
            "settings": Self.settingLabels.map { key, label -> [String: Any] in
                let value = typed[key] ?? values[key] ?? ""
                var row: [String: Any] = ["key": key, "label": label, "value": value, "id": key.replacingOccurrences(of: ".", with: "-")]
                switch key {
                case "framework":
                    row["choices"] = Self.options(RiskLevel.Framework.allCases.map(\.rawValue), selected: value)
                    row["select"] = true
                case "quorum.signedConfidentialityOnly", "partnerFreeText":
                    row["choices"] = Self.options(["yes", "no"], selected: value)
                    row["select"] = true
                case "extraClosures":
                    row["lines"] = true
                default:
                    row["text"] = true
                }
                return row
            },
        ])
    }

    /// Each setting as the form shows it: numbers and times as text, lists one a line or
    /// comma-separated, yes or no.
    static func settingValues(_ settings: PartnershipSettings) -> [String: String] {
        [
            "framework": settings.framework, "agendaDaysBefore": String(settings.agendaDaysBefore),
            "panelStartsAt": settings.panelStartsAt, "caseSlotMinutes": String(settings.caseSlotMinutes),
            "reviewWeeks": String(settings.reviewWeeks), "longestReviewMonths": String(settings.longestReviewMonths),
            "policeFlagRetentionMonths": String(settings.policeFlagRetentionMonths),
            "repeatReferralMonths": String(settings.repeatReferralMonths),
            "strategyMeetingWorkingDays": String(settings.strategyMeetingWorkingDays),
            "assessmentWorkingDays": String(settings.assessmentWorkingDays), "dueSoonDays": String(settings.dueSoonDays),
            "transitionsMonthsBefore18": String(settings.transitionsMonthsBefore18),
            "longExploitationMonths": String(settings.longExploitationMonths),
            "firstQuarterMonth": String(settings.firstQuarterMonth), "extraClosures": settings.extraClosures.joined(separator: "\n"),
            "quorum.minimumAgencies": String(settings.quorum.minimumAgencies),
            "quorum.requiredAgencies": settings.quorum.requiredAgencies.joined(separator: ", "),
            "quorum.signedConfidentialityOnly": settings.quorum.signedConfidentialityOnly ? "yes" : "no",
            "partnerFreeText": settings.partnerFreeText ? "yes" : "no",
        ]
    }

    /// The write's fields from the form: `area` from the address, and `settings` holding
    /// only the values changed from those in force, each as its type.
    ///
    /// - Throws: ``ServerError`` 400 naming a field that is not a whole number, or the area
    ///   when no local authority has its code.
    @Sendable func settingsFields(_ form: [String: String], ref: String?) throws -> WriteFields {
        let area = ref == "default" ? nil : ref
        let current: PartnershipSettings
        do {
            current = try services.workflow.settings(for: area)
        } catch is WorkflowError {
            throw ServerError(.badRequest, "no local authority has the code \(Excerpt.bare(area ?? ""))")
        }
        let before = Self.settingValues(current)
        var changes: [String: JSONValue] = [:], quorum: [String: JSONValue] = [:]
        for (key, label) in Self.settingLabels {
            guard let text = form[key]?.trimmingWhitespace(), text != before[key]?.trimmingWhitespace() else { continue }
            let value: JSONValue
            switch key {
            case "framework", "panelStartsAt":
                value = .string(text)
            case "extraClosures", "quorum.requiredAgencies":
                let items = text.split(whereSeparator: { $0 == "," || $0.isNewline }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
                value = .array(items.map { .string($0) })
            case "quorum.signedConfidentialityOnly", "partnerFreeText":
                value = .bool(text == "yes")
            default:
                guard let number = Int(text) else { throw ServerError(.badRequest, "\(label): \(Excerpt.bare(text)) is not a whole number") }
                value = .number(String(number))
            }
            if key.hasPrefix("quorum.") { quorum[String(key.dropFirst("quorum.".count))] = value } else { changes[key] = value }
        }
        if !quorum.isEmpty { changes["quorum"] = .object(quorum) }
        var fields: [String: JSONValue] = ["settings": .object(changes)]
        if let area { fields["area"] = .string(area) }
        return WriteFields(fields)
    }
}
