import Foundation
import Testing

/// `cegraph case assessment REF`: an assessment in full through the binary.
extension CLITests {
    @Test func anAssessmentReadsInFullFromTheCommandLine() throws {
        try """
            {"record":"entity","id":"CH1","kind":"child","name":"Synthetic Child","dob":"2011-05-01","area":"E08000012"}
            """.write(to: directory.appendingPathComponent("picture.jsonl"), atomically: true, encoding: .utf8)
        try """
            {"assessed_on": "2026-01-12", "concern": "cce", "agencies": ["police", "childrens_services"], "grading": "2B P",
             "summary": "The child is being criminally exploited.",
             "answers": {"professionals_involved": "Social worker; police officer", "referral_reason": "criminal", "scaling": 3,
                         "harm_statement": "may_be_experiencing_harm", "imminent_risk": false,
                         "criminal_contexts": ["online", "out_of_borough_drug_dealing"]}}
            """.write(to: directory.appendingPathComponent("assessment.json"), atomically: true, encoding: .utf8)
        func ok(_ arguments: String...) throws -> CLITests.Result {
            let result = try run(["--db", "a.sqlite"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }
        _ = try ok("import", "picture.jsonl")
        _ = try ok("case", "referral", "--child", "CH1", "--received", "2026-01-05", "--referrer", "Duty worker", "--agency", "education",
                   "--concern", "cce", "--outcome", "section_47", "--screened", "2026-01-05")
        _ = try ok("case", "open", "REF-000001", "--today", "2026-01-05")
        _ = try ok("case", "assess", "CASE-000001", "assessment.json")
        let shown = try json(try ok("case", "show", "CASE-000001").stdout)
        #expect((shown["assessments"] as? [[String: Any]])?.first?["ref"] as? String == "ASMT-000001", "the case names its assessments")

        let text = try ok("case", "assessment", "ASMT-000001").stdout
        #expect(text.hasPrefix("ASMT-000001  new assessment of CASE-000001 (CH1, Synthetic Child) on 2026-01-12"), "\(text)")
        #expect(text.contains("  risk merseyside:3 (Scaling 3)") && text.contains("  summary: The child is being criminally exploited."))
        // The framework's order, and a checklist's options in the framework's order with their labels.
        let lines = text.split(separator: "\n").map(String.init)
        let date = try #require(lines.firstIndex(of: "  Date of assessment: 2026-01-12"), "\(text)")
        let harm = try #require(lines.firstIndex { $0.hasPrefix("  Harm statement: The child may be experiencing exploitation harm") })
        #expect(date < harm)
        #expect(lines.contains("  Context: criminal exploitation: Exploited to deal drugs out of borough; Online"), "\(text)")
        #expect(lines.contains("  Current living situation: (not answered)"))

        let object = try json(try ok("case", "assessment", "ASMT-000001", "--json").stdout)
        let answers = try #require(object["answers"] as? [[String: Any]])
        #expect(answers.count == 16 && answers.first?["code"] as? String == "assessment_date", "every Merseyside question")
        #expect(object["risk"] as? String == "merseyside:3" && object["case_ref"] as? String == "CASE-000001")

        let missing = try run("--db", "a.sqlite", "case", "assessment", "ASMT-404404")
        #expect(missing.status == 1 && missing.stderr.contains("no assessment ASMT-404404"), "\(missing.stderr)")
    }
}
