import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The page to record an assessment of a case: the questions of the risk framework in force
/// in the case's area (Merseyside's, LLR's or SERAF), the agencies that took part, and the
/// grading the assessment carries into the intelligence picture. It makes the API's write
/// (``WorkflowWrite/assess``), so the framework's rules give the risk level either way.
extension WorkflowPageRoutes {
    /// The hidden `form` field of the assessment form, which a refusal names.
    static let assessmentForm = "assessment"

    func addAssessment(to group: RouterGroup<AppRequestContext>) {
        let services = services
        group.get("/cases/{ref}/assessment", use: page(assessmentPage))
        group.get("/assessments/{ref}", use: page(assessmentRecordPage))
        group.post("/cases/{ref}/assessment", use: form(.assess, saved: "Assessment {record} recorded for case {ref}", layout: assessmentPage, fields: { form, ref, viewer in
            Self.assessmentFields(form, framework: try services.workflow.assessmentForm(case: ref ?? "", by: viewer).framework)
        }) { ref, _ in "/cases/" + PageRenderer.pathSegment(ref ?? "") })
    }

    /// The form for the case in the address, filled with what was typed when it was refused.
    @Sendable func assessmentPage(_ request: Request, context: AppRequestContext, ref: String?, refusal: Refusal?) throws -> (String, [String: Any]) {
        _ = try context.requireSensitive(WorkflowWrite.assess.permission)
        let ref = ref ?? ""
        let detail = try reads.ceCase(ref, for: context)
        let form = try services.workflow.assessmentForm(case: ref, by: services.viewer(context, purpose: "recording an assessment"))
        let typed = refusal?.typed(in: Self.assessmentForm)
        let assessed = !detail.assessments.isEmpty
        var fields: [String: Any] = [
            "ref": ref, "caseHref": "/cases/" + PageRenderer.pathSegment(ref), "action": "/cases/\(PageRenderer.pathSegment(ref))/assessment",
            "form": Self.assessmentForm,
            "child_label": detail.childLabel, "child_ref": detail.childRef,
            "area": form.area ?? "", "frameworkName": form.framework.name,
            "assessedOn": typed?["assessed_on"] ?? CalendarDate.today.description,
            "kinds": Self.options(["new", "review"], selected: typed?["kind"] ?? (assessed ? "review" : "new")),
            "concerns": Self.options(Concern.allCases.map(\.rawValue), selected: typed?["concern"] ?? detail.concern),
            "agencies": form.agencies.map { agency -> [String: Any] in
                ["name": "agency." + agency.code, "id": "agency-" + agency.code, "label": agency.name, "code": agency.code,
                 "checked": typed?["agency." + agency.code] != nil]
            },
            "questions": form.framework.fields.filter { $0.code != Self.dateQuestion }.map {
                Self.question($0, typed: typed ?? Self.missingAnswers(form.missing, framework: form.framework))
            },
            "missingWords": form.missing.words, "missingPrefilled": form.missing.total > 0 && typed == nil,
            "conditions": typed?["handling_conditions"] ?? "", "summary": typed?["summary"] ?? "",
        ]
        fields.merge(Grading.choices(source: typed?["source_evaluation"], assessment: typed?["intelligence_assessment"],
                                     handling: typed?["handling_code"])) { $1 }
        // Shown whatever the code: this page has no script to reveal it.
        fields["conditionsHidden"] = false
        return ("assessment", fields)
    }

    /// The answers the child's recorded missing episodes give, filled in before anything
    /// is typed: the places found at for a question about them, and a checklist's missing
    /// indicator when the child went missing in the last 12 months. The assessor may change
    /// them; nothing is answered for them once they have typed.
    static func missingAnswers(_ missing: MissingSummary, framework: RiskFramework) -> [String: String] {
        var answers: [String: String] = [:]
        for field in framework.fields {
            if field.type == .text, field.code == "locations_found", !missing.foundAt.isEmpty {
                answers["answer." + field.code] = missing.foundAt.joined(separator: "; ")
            }
            if field.type == .checklist, missing.inLastYear > 0 {
                for option in field.options where option.code.hasPrefix("missing") {
                    answers["answer.\(field.code).\(option.code)"] = "on"
                }
            }
        }
        return answers
    }

    /// Every framework asks the assessment's date; the form asks it once, as `assessed_on`,
    /// and the workflow gives it to the framework.
    static let dateQuestion = "assessment_date"

    /// One question as the template lays it out, by the kind of answer it takes.
    static func question(_ field: RiskFramework.Field, typed: [String: String]) -> [String: Any] {
        let name = "answer." + field.code
        let value = typed[name] ?? ""
        var question: [String: Any] = [
            "name": name, "id": "q-" + field.code, "label": field.label, "help": field.help, "required": field.required,
            "value": value,
        ]
        switch field.type {
        case .scale:
            let low = field.min ?? 0, high = field.max ?? low
            question["scale"] = true
            question["options"] = (low...max(low, high)).map { number -> [String: Any] in
                var label = String(number)
                if number == low, let text = field.minLabel { label += " · " + text }
                if number == high, let text = field.maxLabel { label += " · " + text }
                return ["value": String(number), "label": label, "selected": value == String(number)]
            }
        case .choice:
            question["choice"] = true
            question["options"] = field.options.map { ["value": $0.code, "label": $0.label, "selected": value == $0.code] }
        case .checklist, .regions:
            question["checklist"] = true
            question["options"] = field.options.map { option -> [String: Any] in
                ["name": name + "." + option.code, "id": "q-\(field.code)-\(option.code)", "label": option.label,
                 "checked": typed[name + "." + option.code] != nil]
            }
        case .text: question["text"] = true
        case .date: question["date"] = true
        case .boolean:
            question["boolean"] = true
            question["yes"] = value == "yes"
            question["no"] = value == "no"
        }
        return question
    }

    /// The assessment form's fields as the API's JSON (``AssessmentInput``): each answer typed
    /// as the framework's field asks, the grading's three parts as one, the agencies ticked
    /// as a list. A blank answer is no answer, so the framework says which required ones are
    /// missing; text is kept as typed.
    static func assessmentFields(_ form: [String: String], framework: RiskFramework) -> WriteFields {
        func given(_ name: String) -> String? {
            guard let text = form[name]?.trimmingWhitespace(), !text.isEmpty else { return nil }
            return text
        }
        var object: [String: JSONValue] = [:]
        for name in ["assessed_on", "kind", "concern", "handling_conditions"] {
            if let text = given(name) { object[name] = .string(text) }
        }
        if let summary = form["summary"], given("summary") != nil { object["summary"] = .string(summary) }
        if let source = given("source_evaluation"), let assessment = given("intelligence_assessment") {
            object["grading"] = .string("\(source)\(assessment) \(given("handling_code") ?? "P")")
        }
        let agencies = form.keys.filter { $0.hasPrefix("agency.") }.sorted().map { JSONValue.string(String($0.dropFirst("agency.".count))) }
        if !agencies.isEmpty { object["agencies"] = .array(agencies) }
        var answers: [String: JSONValue] = [:]
        for field in framework.fields {
            let name = "answer." + field.code
            switch field.type {
            case .checklist, .regions:
                let ticked = field.options.filter { form[name + "." + $0.code] != nil }.map { JSONValue.string($0.code) }
                if !ticked.isEmpty { answers[field.code] = .array(ticked) }
            case .scale:
                // Not a number: passed on as text, for the framework to say what it takes.
                if let text = given(name) { answers[field.code] = Int(text).map { .number(String($0)) } ?? .string(text) }
            case .boolean:
                if let text = given(name) { answers[field.code] = text == "yes" ? .bool(true) : text == "no" ? .bool(false) : .string(text) }
            case .text:
                if let text = form[name], given(name) != nil { answers[field.code] = .string(text) }
            case .choice, .date:
                if let text = given(name) { answers[field.code] = .string(text) }
            }
        }
        object["answers"] = .object(answers)
        return WriteFields(object)
    }

    // MARK: - Reading an assessment

    /// An assessment laid out for reading (``WorkflowReads/assessment(_:for:)``, the API's
    /// read): what it is about and who took part, the risk level and how the framework's
    /// rules reached it, the summary, and every question of the framework with its answer,
    /// in the framework's order. Free text is checked for child-first language as it is shown.
    @Sendable func assessmentRecordPage(_ request: Request, context: AppRequestContext, ref: String?,
                                        refusal: Refusal?) throws -> (String, [String: Any]) {
        let detail = try reads.assessment(ref ?? "", for: context)
        let language = services.workflow.language
        var fields: [String: Any] = [
            "ref": detail.ref, "caseRef": detail.caseRef, "caseHref": "/cases/" + PageRenderer.pathSegment(detail.caseRef),
            "childRef": detail.childRef, "childLabel": detail.childLabel, "childHref": "/entities/" + PageRenderer.pathSegment(detail.childRef),
            "area": detail.area, "assessedOn": detail.assessedOn,
            "kind": detail.kind == .review ? "Review assessment" : "First assessment",
            "concern": Self.concernWords(detail.concern),
            "agencies": detail.agencies.map(\.name).joined(separator: ", "),
            "frameworkName": detail.framework.name, "risk": CodeWords.risk(detail.risk), "immediate": detail.immediateAction,
            "reasons": detail.reasons.map { reason -> [String: Any] in
                ["conclusion": reason.conclusion, "explanation": reason.explanation, "because": reason.answers,
                 "anyBecause": !reason.answers.isEmpty]
            },
            "withheld": detail.freeTextWithheld,
            "answers": detail.answers.map { Self.answerFields($0, language: language) },
        ]
        if let label = detail.riskLabel { fields["riskLabel"] = label }
        if let changes = detail.sincePrevious {
            fields["since"] = [
                "ref": changes.previousRef, "href": "/assessments/" + PageRenderer.pathSegment(changes.previousRef),
                "on": changes.previousAssessedOn, "riskChanged": changes.riskChanged, "before": CodeWords.risk(changes.previousRisk),
                "changes": changes.answers.map { ["question": $0.question, "before": $0.before ?? "not answered",
                                                  "after": $0.after ?? "not answered"] },
                "noChanges": changes.answers.isEmpty,
            ] as [String: Any]
        }
        if let grading = detail.grading.flatMap(Grading.init) {
            fields["grading"] = grading.description
            fields["gradingMeaning"] = "\(grading.source.meaning); \(grading.assessment.meaning); \(grading.handling.meaning)"
        }
        if let conditions = detail.handlingConditions { fields["conditions"] = conditions }
        if let summary = detail.summary {
            fields["summary"] = summary
            fields["summaryWarnings"] = Self.warnings(language.check(summary))
        }
        return ("assessment-record", fields)
    }

    /// One question and its answer as the page lays it out: a list of the options chosen,
    /// or the answer in words; "not answered" otherwise.
    static func answerFields(_ answer: AssessmentDetail.Answer, language: LanguageChecker) -> [String: Any] {
        var row: [String: Any] = ["question": answer.question, "code": answer.code, "withheld": answer.withheld, "asked": answer.kind != nil,
                                  "notAnswered": !answer.isAnswered && !answer.withheld]
        if answer.kind?.isMultiple == true, answer.isAnswered {
            row["list"] = answer.chosen.map(\.label)
            row["hasList"] = !answer.chosen.isEmpty
            row["none"] = answer.chosen.isEmpty
        } else if let words = answer.words {
            row["words"] = words
            if answer.kind == .text { row["warnings"] = Self.warnings(language.check(words)) }
        }
        if let scale = answer.scale {
            // What the ends mean, so that a number between them can be read.
            row["scale"] = [scale.minLabel.map { "\(scale.min) = \($0)" }, scale.maxLabel.map { "\(scale.max) = \($0)" }]
                .compactMap { $0 }.joined(separator: "; ")
        }
        return row
    }

    /// A concern in words.
    static func concernWords(_ concern: Concern) -> String {
        switch concern {
        case .cse: "Child sexual exploitation (CSE)"
        case .cce: "Child criminal exploitation (CCE)"
        case .both: "Child sexual and criminal exploitation"
        }
    }
}
