import Foundation
import GraphCore
import Testing
@testable import CaseWorkflow

struct RiskFrameworkTests {
    // MARK: - Shipped definitions

    @Test(arguments: RiskLevel.Framework.allCases)
    func shippedFrameworkLoadsAndEveryLevelIsARiskLevel(code: RiskLevel.Framework) throws {
        let framework = try RiskFrameworkCatalog.standard().framework(code: code.rawValue)
        #expect(framework.code == code)
        #expect(framework.levels.map(\.code) == code.levels)
        for level in framework.levels {
            let riskLevel = try #require(RiskLevel("\(code.rawValue):\(level.code)"))
            #expect(riskLevel.isAtRisk == level.stillAtRisk)
        }
        #expect(framework.source.seed.hasSuffix(".txt"))
    }

    @Test func standardCatalogueHoldsTheThreeFrameworks() throws {
        let catalog = try RiskFrameworkCatalog.standard()
        #expect(catalog.frameworks.map(\.code) == [.llr, .merseyside, .seraf])
        #expect(throws: WorkflowError.self) { try catalog.framework(code: "sefton") }
        #expect(try catalog.framework(code: "LLR").code == .llr)
    }

    @Test func definitionsSurviveEncodingAndDecoding() throws {
        for framework in try RiskFrameworkCatalog.standard().frameworks {
            let again = try RiskFramework(json: try JSONEncoder().encode(framework), file: "round trip")
            #expect(again == framework)
        }
    }

    // MARK: - Merseyside

    @Test func merseysideLevelIsTheScaling() throws {
        let outcome = try merseyside().evaluate(answers: merseysideAnswers(["scaling": .number("3")]))
        #expect(outcome.level.description == "merseyside:3")
        #expect(!outcome.immediateAction)
        #expect(outcome.reasons.map(\.rule) == ["outcome.level[0]"])
        #expect(outcome.reasons[0].answers == ["Scaling to demonstrate progress: 3"])
    }

    @Test func merseysideImminentRiskOrCurrentHarmMeansImmediateAction() throws {
        let imminent = try merseyside().evaluate(answers: merseysideAnswers(["imminent_risk": .bool(true)]))
        #expect(imminent.immediateAction)
        #expect(imminent.reasons.map(\.rule) == ["outcome.level[0]", "outcome.immediate_action[0]"])
        #expect(imminent.reasons[1].answers == ["Is the child at imminent risk? yes"])

        let harmed = try merseyside().evaluate(answers: merseysideAnswers(["harm_statement": .string("experiencing_harm")]))
        #expect(harmed.immediateAction)
        #expect(harmed.reasons.last?.answers == ["Harm statement: The child is experiencing exploitation harm"])
    }

    @Test func merseysideAcceptsEveryKindOfField() throws {
        let outcome = try merseyside().evaluate(answers: merseysideAnswers([
            "criminal_contexts": .array([.string("out_of_borough_drug_dealing"), .string("online")]),
            "sexual_contexts": .array([]),
            "areas_taken_to": .array([.string("wales"), .string("north_west")]),
            "nrm_required": .bool(true), "nrm_stage": .string("positive_reasonable_grounds"),
            "nrm_date": .string("2026-03-02"), "other_areas": .string("A synthetic town"), "living_situation": .null,
        ]))
        #expect(outcome.level.description == "merseyside:4")
    }

    // MARK: - LLR

    @Test func llrOneHighIndicatorAmongMediumOnesIsHighAndImmediate() throws {
        let outcome = try llr().evaluate(answers: [
            "assessment_date": .string("2026-01-15"),
            "medium_indicators": .array([.string("vehicles_unknown_adults"), .string("overnight_unexplained")]),
            "high_indicators": .array([.string("abduction_imprisonment")]),
        ])
        #expect(outcome.level.description == "llr:high")
        #expect(outcome.immediateAction)
        let reason = try #require(outcome.reasons.first)
        #expect(reason.rule == "outcome.level[0]")
        #expect(reason.answers == ["High risk indicators: Abduction and forced imprisonment"])
        #expect(reason.description.hasPrefix("Level llr:high (High risk), immediate action: "))
    }

    @Test func llrMediumIndicatorsOnlyIsMedium() throws {
        let outcome = try llr().evaluate(answers: [
            "assessment_date": .string("2026-01-15"),
            "medium_indicators": .array([.string("whereabouts_unknown")]), "high_indicators": .array([]),
        ])
        #expect(outcome.level.description == "llr:medium")
        #expect(!outcome.immediateAction)
        #expect(outcome.reasons.map(\.rule) == ["outcome.level[2]"])
    }

    @Test func llrNoIndicatorIsAtRisk() throws {
        let outcome = try llr().evaluate(answers: [
            "assessment_date": .string("2026-01-15"),
            "vulnerability_factors": .array([.string("bereavement_or_loss")]),
            "at_risk_indicators": .array([.string("behaviour_change")]),
        ])
        #expect(outcome.level.description == "llr:at_risk")
        #expect(!outcome.immediateAction)
    }

    @Test func llrStatedPathwayRaisesButNeverLowers() throws {
        let raised = try llr().evaluate(answers: [
            "assessment_date": .string("2026-01-15"), "pathway": .string("high"),
            "medium_indicators": .array([.string("whereabouts_unknown")]),
        ])
        #expect(raised.level.description == "llr:high")
        #expect(raised.immediateAction)
        #expect(raised.reasons[0].rule == "outcome.level[1]")

        let notLowered = try llr().evaluate(answers: [
            "assessment_date": .string("2026-01-15"), "pathway": .string("at_risk"),
            "medium_indicators": .array([.string("whereabouts_unknown")]),
        ])
        #expect(notLowered.level.description == "llr:medium")
    }

    // MARK: - SERAF

    @Test(arguments: [("significant", true), ("moderate", false), ("mild", false), ("not_at_risk", false)])
    func serafLevelIsTheChosenCategory(category: String, immediate: Bool) throws {
        let outcome = try seraf().evaluate(answers: [
            "assessment_date": .string("2026-02-01"), "seraf_level": .string(category), "imminent_risk": .bool(false),
        ])
        #expect(outcome.level.description == "seraf:\(category)")
        #expect(outcome.immediateAction == immediate)
        #expect(outcome.level.isAtRisk == (category != "not_at_risk"))
    }

    // MARK: - Bad answers

    @Test(arguments: [
        ("unknown field", ["colour": JSONValue.string("red")], "colour", "there is no such field"),
        ("wrong type", ["scaling": .string("3")], "scaling", "expected a whole number from 1 to 10"),
        ("not whole", ["scaling": .number("3.5")], "scaling", "3.5 is not a whole number"),
        ("scale too high", ["scaling": .number("11")], "scaling", "11 is outside 1–10"),
        ("scale too low", ["scaling": .number("0")], "scaling", "0 is outside 1–10"),
        ("choice not listed", ["harm_statement": .string("fine")], "harm_statement", "'fine' is not one of its options"),
        ("checklist not listed", ["criminal_contexts": .array([.string("not_a_context")])], "criminal_contexts",
         "'not_a_context' is not one of its options"),
        ("checklist not a list", ["criminal_contexts": .string("online")], "criminal_contexts", "expected a list of any of"),
        ("checklist twice", ["sexual_contexts": .array([.string("online"), .string("online")])], "sexual_contexts",
         "'online' is listed twice"),
        ("region not listed", ["areas_taken_to": .array([.string("atlantis")])], "areas_taken_to", "'atlantis' is not one"),
        ("bad date", ["assessment_date": .string("2026-02-30")], "assessment_date", "'2026-02-30' is not a date"),
        ("boolean as text", ["imminent_risk": .string("yes")], "imminent_risk", "expected true or false, got a string"),
        ("required missing", ["scaling": .null], "scaling", "is required but has no answer"),
        ("required text empty", ["professionals_involved": .string("  ")], "professionals_involved",
         "is required but the text is empty"),
    ])
    func badAnswerNamesTheField(name: String, change: [String: JSONValue], field: String, message: String) throws {
        let error = try #require(throws: WorkflowError.self) {
            try merseyside().evaluate(answers: merseysideAnswers(change))
        }
        #expect(error.operation == "assess")
        #expect(error.field == field, "\(name)")
        #expect(error.message.contains(message), "\(name): \(error.message)")
        #expect(error.hint != nil)
        #expect(error.description.hasPrefix("assess: field \(field): "))
    }

    @Test func scaleErrorReadsAsAPanelWouldExpect() throws {
        let error = try #require(throws: WorkflowError.self) {
            try merseyside().evaluate(answers: merseysideAnswers(["scaling": .number("11")]))
        }
        #expect(error.description.hasPrefix("assess: field scaling: 11 is outside 1–10 (hint: a whole number from 1 to 10; 1 = "))
    }

    // MARK: - Broken definitions

    @Test(arguments: [
        ("unknown type", #""type": "scale""#, #""type": "slider""#, "fields[13].type", "unknown field type 'slider'"),
        ("rule names a missing field", #""level_from": "scaling""#, #""level_from": "scailing""#,
         "outcome.level[0].level_from", "there is no field 'scailing'"),
        ("condition names a missing field", #""field": "imminent_risk", "is""#, #""field": "imminent", "is""#,
         "outcome.immediate_action[0].when.field", "there is no field 'imminent'"),
        ("bad level", #"{"code": "10", "label""#, #"{"code": "11", "label""#, "levels[9].code",
         "'11' is not a level of framework merseyside"),
        ("misspelt member", #""required": true"#, #""requird": true"#, "fields[0].requird", "unknown member 'requird'"),
        ("option not in choice", #""in": ["experiencing_harm_and_risk_to_others""#, #""in": ["in_danger""#,
         "outcome.immediate_action[1].when.in", "'in_danger' is not an option of 'harm_statement'"),
        ("level at odds with GraphCore", #""still_at_risk": false"#, #""still_at_risk": true"#,
         "levels[9].still_at_risk", "is not a level at which the child is still at risk"),
    ])
    func brokenDefinitionIsRefusedWithItsPath(name: String, original: String, broken: String, path: String,
                                              message: String) throws {
        let text = try String(contentsOf: shippedFile("merseyside"), encoding: .utf8)
        let range = try #require(text.range(of: original), "\(name): the shipped file no longer holds \(original)")
        let error = try #require(throws: WorkflowError.self) {
            try RiskFramework(json: Data(text.replacingCharacters(in: range, with: broken).utf8), file: "broken.json")
        }
        #expect(error.file == "broken.json", "\(name)")
        #expect(error.field == path, "\(name): \(error)")
        #expect(error.message.contains(message), "\(name): \(error.message)")
        #expect(error.description.hasPrefix("load framework: broken.json: field \(path): "))
    }

    @Test func brokenFileInADirectoryIsNamed() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("llr.json")
        try Data(#"{"code": "llr", "name": "x""#.utf8).write(to: file)
        let error = try #require(throws: WorkflowError.self) { try RiskFrameworkCatalog(directory: directory) }
        #expect(error.file == file.path)
        #expect(error.message.hasPrefix("not valid JSON"))
    }

    // MARK: - A partnership's own files

    @Test func partnershipDirectoryOverridesTheStandardFramework() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A partnership whose CSE1 puts a child with any at risk indicator on the medium pathway.
        let text = try String(contentsOf: shippedFile("llr"), encoding: .utf8)
            .replacingOccurrences(of: "Leicester, Leicestershire and Rutland", with: "Synthetic partnership")
            .replacingOccurrences(of: #"{"when": {"any_of": "medium_indicators"}, "level": "medium","#,
                                  with: #"{"when": {"any_of": "at_risk_indicators"}, "level": "medium", "reason": "Local rule."},"#
                                      + #"{"when": {"any_of": "medium_indicators"}, "level": "medium","#)
        try Data(text.utf8).write(to: directory.appendingPathComponent("llr.json"))

        let catalog = try RiskFrameworkCatalog.standard().overriding(with: RiskFrameworkCatalog(directory: directory))
        #expect(catalog.frameworks.map(\.code) == [.llr, .merseyside, .seraf])
        let local = try catalog.framework(code: "llr")
        #expect(local.name.hasPrefix("Synthetic partnership"))
        let outcome = try local.evaluate(answers: [
            "assessment_date": .string("2026-01-15"), "at_risk_indicators": .array([.string("behaviour_change")]),
        ])
        #expect(outcome.level.description == "llr:medium")
        #expect(try catalog.framework(code: "merseyside") == merseyside())
    }

    @Test func twoFilesForOneFrameworkAreRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try Data(contentsOf: shippedFile("seraf"))
        try data.write(to: directory.appendingPathComponent("seraf.json"))
        try data.write(to: directory.appendingPathComponent("seraf-copy.json"))
        let error = try #require(throws: WorkflowError.self) { try RiskFrameworkCatalog(directory: directory) }
        #expect(error.message == "framework seraf is defined twice")
        #expect(error.file == directory.path)
    }

    // MARK: - Helpers

    private func merseyside() throws -> RiskFramework { try RiskFrameworkCatalog.standard().framework(code: "merseyside") }
    private func llr() throws -> RiskFramework { try RiskFrameworkCatalog.standard().framework(code: "llr") }
    private func seraf() throws -> RiskFramework { try RiskFrameworkCatalog.standard().framework(code: "seraf") }

    /// A complete, valid synthetic Merseyside assessment with some answers changed.
    private func merseysideAnswers(_ changes: [String: JSONValue]) -> [String: JSONValue] {
        let answers: [String: JSONValue] = [
            "assessment_date": .string("2026-02-10"), "professionals_involved": .string("Synthetic social worker, synthetic PC"),
            "referral_reason": .string("criminal"), "scaling": .number("4"),
            "harm_statement": .string("may_be_experiencing_harm"), "imminent_risk": .bool(false),
        ]
        return answers.merging(changes) { _, new in new }
    }

    private func shippedFile(_ code: String) throws -> URL {
        try RiskFrameworkCatalog.standardDirectory().appendingPathComponent("\(code).json")
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-frameworks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
