import Foundation
import GraphCore
import GraphStore

extension Workflow {
    /// One assessment in full (``AssessmentDetail``): its case and child, the agencies, the
    /// grading, the risk level and outcome as recorded, the summary, and every question of
    /// the framework it was recorded against with its answer, in the framework's order.
    /// Written to the audit log as a consultation, in the same transaction as the read.
    ///
    /// The viewer must be able to see the assessment's case (``requireCase``): within their
    /// scope and, for a panel member, a case of a child on their agendas. An assessment they
    /// may not see answers exactly as a missing one, and both are audited. For a viewer who
    /// may not read handling-code-C material, an assessment graded C keeps its answers to
    /// choices, scales and yes-or-no questions, but not its free text (the summary,
    /// handling conditions and text answers), which may carry what the grading protects.
    ///
    /// - Parameter ref: the assessment's reference, `ASMT-NNNNNN`.
    /// - Throws: ``WorkflowError`` (``ErrorKind/notFound``) for an assessment that does not
    ///   exist or that the viewer may not see; ``ErrorKind/internal`` for a stored outcome or
    ///   framework that cannot be read.
    public func assessment(_ ref: String, by viewer: Viewer) throws -> AssessmentDetail {
        let missing = WorkflowError("assessment", "no assessment \(ref)", field: "assessment",
                                    hint: "a case lists its assessments: `cegraph case show CASE`", kind: .notFound)
        return try transaction(by: viewer) { tx in
            guard let row = try tx.row("assessment.by_ref", ["ref": .text(ref)]) else {
                throw Unseen(what: "assessment", ref: ref, found: false, error: missing)
            }
            do {
                _ = try requireCase(row.string("case_ref"), open: nil, operation: "assessment", by: viewer, in: tx)
            } catch is Unseen {
                // Named as the assessment asked for, so that neither the audit row nor the
                // error names the case.
                throw Unseen(what: "assessment", ref: ref, found: true, error: missing)
            }
            var detail = try assessmentDetail(row, by: viewer, in: tx)
            // The same child in the same authority: a case the viewer may see if they may see this one.
            if let previous = try tx.row("assessment.previous_for_child", ["ref": .text(ref)]),
               let previousRow = try tx.row("assessment.by_ref", ["ref": .text(previous.string("ref"))]) {
                detail.sincePrevious = AssessmentDetail.Changes(from: try assessmentDetail(previousRow, by: viewer, in: tx), to: detail)
            }
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "assessment", "assessment": .string(ref), "case": .string(detail.caseRef),
                "child": .string(detail.childRef), "previous": detail.sincePrevious.map { .string($0.previousRef) } ?? .null,
            ]))
            return detail
        }
    }

    /// The text an assessment's intelligence record carries when no summary was written.
    static func unwrittenSummary(_ ref: String, case caseRef: String) -> String {
        "Child exploitation assessment \(ref) for case \(caseRef)."
    }

    /// An assessment's row laid out against its framework.
    func assessmentDetail(_ row: StoredRow, by viewer: Viewer, in tx: StoreTransaction) throws -> AssessmentDetail {
        let ref = row.string("ref"), caseRef = row.string("case_ref")
        let framework = try frameworks.framework(code: row.string("framework"))
        let grading = row.text("source_evaluation").flatMap { source in
            row.text("intelligence_assessment").flatMap { assessment in
                row.text("handling_code").map { "\(source)\(assessment) \($0)" }
            }
        }
        // Fail closed: no grading (its record gone) withholds as code C does.
        let withheld = !viewer.access.maySee(grading: grading)
        let names = Dictionary(try tx.rows("common.agencies").map { ($0.string("code"), $0.string("name")) }) { first, _ in first }
        let agencies = (row.json("agencies")?.arrayValue ?? []).compactMap(\.stringValue).map {
            AssessmentDetail.Agency(code: $0, name: names[$0] ?? $0)
        }
        // A partner reads the answers with every child outside their need-to-know
        // pseudonymised: an assessment may name other children.
        let pseudonyms = try tx.pseudonymiser(for: viewer.access)
        var recorded = row.json("answers")?.objectValue ?? [:]
        if let pseudonyms {
            for (code, value) in recorded { if case .string(let text) = value { recorded[code] = .string(pseudonyms.apply(text)) } }
        }
        var answers = framework.fields.map { field in
            Self.answer(to: field, recorded[field.code] ?? .null, withheld: withheld)
        }
        for code in recorded.keys.sorted() where framework.field(code) == nil {
            let value = withheld ? nil : AssessmentDetail.Value(recorded[code] ?? .null)
            answers.append(AssessmentDetail.Answer(code: code, question: code, kind: nil, required: false, value: value, chosen: [],
                                                   scale: nil, withheld: withheld && recorded[code] != .null))
        }
        let reasons = try Self.recordedReasons(row.text("outcome") ?? "", ref: ref)
        let risk = row.string("risk")
        var summary = row.text("summary")
        if summary == Self.unwrittenSummary(ref, case: caseRef) { summary = nil }
        if let pseudonyms { summary = summary.map(pseudonyms.apply) }
        return AssessmentDetail(
            ref: ref, caseRef: caseRef, area: row.string("area"), childRef: row.string("child_ref"),
            childLabel: row.string("child_label"), assessedOn: row.string("assessed_on"),
            kind: row.string("kind") == "review" ? .review : .new,
            concern: try Concern.parse(row.string("concern"), field: "concern", operation: "assessment"),
            agencies: agencies, framework: AssessmentDetail.Framework(code: framework.code.rawValue, name: framework.name),
            grading: grading, handlingConditions: withheld ? nil : row.text("handling_conditions"), intelRef: row.text("intel_ref"),
            risk: risk, riskLabel: RiskLevel(risk).flatMap { framework.level($0.level)?.label },
            immediateAction: row.bool("immediate_action") ?? false, reasons: reasons,
            summary: withheld ? nil : summary, freeTextWithheld: withheld, answers: answers)
    }

    /// One question and the answer recorded to it (`.null` for none).
    static func answer(to field: RiskFramework.Field, _ recorded: JSONValue, withheld: Bool) -> AssessmentDetail.Answer {
        let hidden = withheld && field.type == .text && recorded != .null
        let value = hidden ? nil : AssessmentDetail.Value(recorded)
        var chosen: [AssessmentDetail.Choice] = []
        var scale: AssessmentDetail.Scale?
        switch (field.type, value) {
        case (.choice, .text(let code)?):
            chosen = [AssessmentDetail.Choice(code: code, label: field.option(code)?.label ?? code)]
        case (.checklist, .codes(let codes)?), (.regions, .codes(let codes)?):
            // In the framework's order, then any code it no longer has.
            let known = field.options.filter { codes.contains($0.code) }.map { AssessmentDetail.Choice(code: $0.code, label: $0.label) }
            let unknown = codes.filter { field.option($0) == nil }.map { AssessmentDetail.Choice(code: $0, label: $0) }
            chosen = known + unknown
        default:
            break
        }
        if field.type == .scale, let low = field.min, let high = field.max {
            scale = AssessmentDetail.Scale(min: low, max: high, minLabel: field.minLabel, maxLabel: field.maxLabel)
            if case .number(let text)? = value {
                let meaning = Int(text) == low ? field.minLabel : Int(text) == high ? field.maxLabel : nil
                chosen = [AssessmentDetail.Choice(code: text, label: meaning.map { "\(text): \($0)" } ?? "\(text) on the scale from \(low) to \(high)")]
            }
        }
        return AssessmentDetail.Answer(code: field.code, question: field.label, kind: field.type, required: field.required, value: value,
                                       chosen: chosen, scale: scale, withheld: hidden)
    }

    /// The reasons of the outcome stored with an assessment (``AssessmentOutcome/json``).
    static func recordedReasons(_ text: String, ref: String) throws -> [AssessmentDetail.Reason] {
        struct Stored: Decodable { let reasons: [AssessmentDetail.Reason] }
        do {
            return try JSONDecoder().decode(Stored.self, from: Data(text.utf8)).reasons
        } catch {
            throw WorkflowError("assessment", "the outcome stored with assessment \(ref) cannot be read: \(error)", kind: .internal)
        }
    }
}
