import GraphCore
import GraphStore

/// A multi-agency child exploitation assessment as recorded.
public struct AssessmentInput: Sendable {
    public var caseRef: String
    public var assessedOn: CalendarDate
    /// A first assessment (`new`) or a `review`.
    public var isReview: Bool
    public var concern: Concern
    /// The agencies that took part: never one agency alone (seed 003).
    public var agencies: [String]
    /// The answers, by the framework's field codes.
    public var answers: [String: JSONValue]
    /// The grading the coordinator gives the assessment as intelligence: 3x5x2.
    public var grading: Grading
    /// Conditions, required when the handling code is C.
    public var handlingConditions: String?
    /// A summary for the intelligence picture (checked for child-first language).
    public var summary: String?
    /// Who and what the assessment names, as data-contract records (FORMAT.md §1):
    /// entities (adults and children of concern, locations, handles, phones) and links.
    /// Links that give no intelligence of their own rest on the assessment.
    public var graph: [[String: JSONValue]]

    public init(caseRef: String, assessedOn: CalendarDate, isReview: Bool = false, concern: Concern, agencies: [String],
                answers: [String: JSONValue], grading: Grading, handlingConditions: String? = nil, summary: String? = nil,
                graph: [[String: JSONValue]] = []) {
        self.caseRef = caseRef
        self.assessedOn = assessedOn
        self.isReview = isReview
        self.concern = concern
        self.agencies = agencies
        self.answers = answers
        self.grading = grading
        self.handlingConditions = handlingConditions
        self.summary = summary
        self.graph = graph
    }
}

/// What recording an assessment did.
public struct AssessmentRecord: Sendable {
    public let ref: String
    /// The intelligence record that carries the assessment into the graph.
    public let intelRef: String
    public let outcome: AssessmentOutcome
    /// The ids of the graph records written.
    public let touched: [String]
    public let warnings: [LanguageWarning]
}

extension Workflow {
    /// Records an assessment against the partnership's framework and writes what it names
    /// to the graph, with the assessment as provenance.
    ///
    /// The framework's rules give the child's risk level, which is stored on the child; an
    /// outcome that calls for immediate action is returned as such, because immediate risk
    /// never waits for a panel.
    ///
    /// - Throws: ``WorkflowError`` for a closed or unknown case, a single-agency assessment
    ///   or answers the framework refuses; ``StoreError`` naming the graph record at fault.
    @discardableResult
    public func recordAssessment(_ input: AssessmentInput, by viewer: Viewer) throws -> AssessmentRecord {
        try transaction(by: viewer) { tx in
            let ceCase = try requireCase(input.caseRef, open: true, operation: "assess", by: viewer, in: tx)
            let agencies = Array(Set(input.agencies)).sorted()
            guard agencies.count >= 2 else {
                throw WorkflowError("assess", "an assessment is multi-agency, never one agency alone: name at least two agencies",
                                    field: "agencies")
            }
            for agency in agencies { try requireAgency(agency, field: "agencies", operation: "assess", in: tx) }
            if let opened = ceCase.date("opened_on"), input.assessedOn < opened {
                throw WorkflowError("assess", "assessed on \(input.assessedOn), before the case opened on \(opened)", field: "assessed_on")
            }
            let settings = try settings(for: ceCase.string("area"), in: tx)
            if settings.assessmentNeedsPolice, !agencies.contains("police") {
                throw WorkflowError("assess", "an assessment must include all multi-agency information including police "
                                    + "(seed 003): police are not among its agencies", field: "agencies",
                                    hint: "add police's information, or change the partnership's setting assessmentNeedsPolice")
            }
            let framework = try frameworks.framework(code: settings.framework)
            var answers = input.answers
            // The assessment's date is also a question on every framework's form.
            if framework.field("assessment_date") != nil, answers["assessment_date"] == nil {
                answers["assessment_date"] = .string(input.assessedOn.description)
            }
            let outcome = try framework.evaluate(answers: answers)
            let ref = try nextRef("ASMT", table: "assessment", in: tx)
            let intelRef = "assessment/" + ref
            let childRef = ceCase.string("child_ref")

            var records = input.graph
            for (index, record) in records.enumerated() {
                let kind = record["record"]?.stringValue
                guard kind == "entity" || kind == "link" else {
                    throw WorkflowError("assess", "record \(index + 1) is \(kind.map { "a \($0) record" } ?? "not a record"); "
                                        + "an assessment names entities and links, which rest on the assessment itself",
                                        field: "graph", hint: "import other intelligence with `cegraph import`")
                }
                // Every link the assessment names rests on it, whatever else also supports it.
                if kind == "link" {
                    var support = record["intel"]?.arrayValue ?? []
                    if !support.contains(.string(intelRef)) { support.append(.string(intelRef)) }
                    records[index]["intel"] = .array(support)
                }
            }
            let named = [childRef] + records.filter { $0["record"]?.stringValue == "entity" }.compactMap { $0["id"]?.stringValue }
            var intel: [String: JSONValue] = [
                "record": "intel", "id": .string(intelRef), "date": .string(input.assessedOn.description),
                "source_evaluation": .string(input.grading.source.rawValue),
                "intelligence_assessment": .string(input.grading.assessment.rawValue),
                "handling_code": .string(input.grading.handling.rawValue),
                "submitted_by": .string(viewer.name), "agency": .string(agencies.joined(separator: ", ")),
                "text": .string(input.summary ?? Workflow.unwrittenSummary(ref, case: input.caseRef)),
                "about": .array(named.map { .string($0) }), "assessment": .string(ref),
            ]
            if let conditions = input.handlingConditions { intel["handling_conditions"] = .string(conditions) }
            records.append(intel)
            records.append(["record": "entity", "id": .string(childRef), "kind": "child",
                            "name": .string(ceCase.string("child_label")), "risk": .string(outcome.level.description),
                            "exploitation": .string(input.concern.rawValue)])
            let touched = try tx.apply(records, source: "assessment \(ref)")
            try tx.execute("assessment.insert", [
                "ref": .text(ref), "case": ceCase["id"], "framework": .text(settings.framework),
                "assessed": StoredValue(input.assessedOn), "kind": .text(input.isReview ? "review" : "new"),
                "concern": .text(input.concern.rawValue), "agencies": StoredValue(json: .array(agencies.map { .string($0) })),
                "answers": StoredValue(json: .object(answers)), "risk": .text(outcome.level.description),
                "immediate": StoredValue(outcome.immediateAction), "outcome": StoredValue(json: outcome.json),
                "intel_ref": .text(intelRef),
            ])
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "assessment", "assessment": .string(ref), "case": .string(input.caseRef),
                "child": .string(childRef), "risk": .string(outcome.level.description),
                "graph_records": .array(touched.prefix(1_000).map { .string($0) }),
            ]))
            return AssessmentRecord(ref: ref, intelRef: intelRef, outcome: outcome, touched: touched,
                                    warnings: languageWarnings(input.summary))
        }
    }
}

extension AssessmentInput {
    /// Reads an assessment from its JSON form (what `cegraph case assess` and the web
    /// service take): `assessed_on`, `kind` (`new` or `review`), `concern`, `agencies`,
    /// `grading` (`2B P`), `handling_conditions`, `summary`, `answers` and `graph`.
    ///
    /// - Throws: ``WorkflowError`` naming the field at fault.
    public init(json object: [String: JSONValue], caseRef: String, today: CalendarDate) throws {
        let known: Set<String> = ["assessed_on", "kind", "concern", "agencies", "grading", "handling_conditions", "summary",
                                  "answers", "graph"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw WorkflowError("assess", "unknown field", field: unknown, hint: "fields: " + known.sorted().joined(separator: ", "))
        }
        func text(_ field: String) throws -> String? {
            guard let value = object[field], value != .null else { return nil }
            guard let text = value.stringValue else { throw WorkflowError("assess", "expected text", field: field) }
            return text
        }
        var date = today
        if let given = try text("assessed_on") {
            guard let parsed = CalendarDate(given) else { throw WorkflowError("assess", "\(Excerpt.bare(given)) is not a date", field: "assessed_on", hint: "YYYY-MM-DD") }
            date = parsed
        }
        let kind = try text("kind") ?? "new"
        guard kind == "new" || kind == "review" else { throw WorkflowError("assess", "\(Excerpt.bare(kind)) is not new or review", field: "kind") }
        guard let concernText = try text("concern") else { throw WorkflowError("assess", "say whether the concern is cse, cce or both", field: "concern") }
        let concern = try Concern.parse(concernText, field: "concern", operation: "assess")
        guard let agencies = object["agencies"]?.arrayValue?.compactMap(\.stringValue), !agencies.isEmpty else {
            throw WorkflowError("assess", "list the agencies that took part", field: "agencies")
        }
        guard let gradingText = try text("grading"), let grading = Grading(gradingText) else {
            throw WorkflowError("assess", "give the 3x5x2 grading the assessment carries as intelligence", field: "grading",
                                hint: "e.g. \"2B P\"; C needs handling_conditions")
        }
        guard case .object(let answers)? = object["answers"] else {
            throw WorkflowError("assess", "expected an object of answers by the framework's field codes", field: "answers")
        }
        var graph: [[String: JSONValue]] = []
        if let records = object["graph"], records != .null {
            guard let array = records.arrayValue else { throw WorkflowError("assess", "expected an array of records", field: "graph") }
            for (index, record) in array.enumerated() {
                guard case .object(let fields) = record else { throw WorkflowError("assess", "record \(index + 1) is not an object", field: "graph") }
                graph.append(fields)
            }
        }
        self.init(caseRef: caseRef, assessedOn: date, isReview: kind == "review", concern: concern, agencies: agencies, answers: answers,
                  grading: grading, handlingConditions: try text("handling_conditions"), summary: try text("summary"), graph: graph)
    }
}

/// What a form to assess a case offers: the framework in force in the case's area, and the
/// agencies that may take part.
public struct AssessmentForm: Sendable {
    /// One agency a coordinator can name.
    public struct Agency: Sendable, Equatable {
        public let code: String
        public let name: String
    }

    public let caseRef: String
    /// The local authority of the case, whose settings choose the framework.
    public let area: String?
    public let framework: RiskFramework
    public let agencies: [Agency]
    /// What cegraph holds of the child's missing episodes, for the questions that ask
    /// about them (seed 002: missing information in every assessment).
    public let missing: MissingSummary
}

extension Workflow {
    /// The form an assessment of an open case is recorded on (``AssessmentForm``). It holds
    /// no personal data (the framework's questions, the agencies), so nothing is audited.
    ///
    /// - Throws: ``WorkflowError`` for an unknown or closed case, or settings that name no
    ///   framework.
    public func assessmentForm(case ref: String, by viewer: Viewer) throws -> AssessmentForm {
        try transaction(by: viewer) { tx in
            let ceCase = try requireCase(ref, open: true, operation: "assess", by: viewer, in: tx)
            let area = ceCase.text("area")
            let framework = try frameworks.framework(code: try settings(for: area, in: tx).framework)
            let agencies = try tx.rows("common.agencies").map { AssessmentForm.Agency(code: $0.string("code"), name: $0.string("name")) }
            let episodes = try tx.rows("missing.summary_for_child", ["child": ceCase["child_id"]])
            return AssessmentForm(caseRef: ref, area: area, framework: framework, agencies: agencies,
                                  missing: try MissingSummary(episodes, on: .today) { row in
                                      try admitsPlace(ref: row.string("found_at_ref"), area: row.text("found_at_area"), by: viewer, in: tx)
                                  })
        }
    }
}
