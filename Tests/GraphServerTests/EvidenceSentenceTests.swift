import Testing
@testable import GraphServer

/// MARTHR evidence as linked sentences (issue 21, item 5): the engine's words parsed into
/// records, steps and reports, each record and report linking to its page.
@Suite struct EvidenceSentenceTests {
    static let text = #"2 linked to children: AD3 "Synthetic Adult" (adult, merseyside:3, Liverpool) —drives [IN2 2B P; assessment/ASMT-000004 1A P]→ VE4 "ZZ12 AAA" (vehicle) ←passenger_in [ungraded]— CH1 "Child One" (child, location)"#

    @Test func theEnginesWordsParseIntoRecordsAndSteps() {
        let parts = EvidenceSentence.parts(Self.text)
        // The engine's spaces around each step stay as text.
        #expect(parts.count == 10, "\(parts)")
        #expect(parts[0] == .text("2 linked to children: "))
        #expect(parts[1] == .entity(ref: "AD3", label: "Synthetic Adult", detail: "adult, merseyside:3, Liverpool"))
        #expect(parts[3] == .step(kind: "drives", forward: true, reports: [.init(ref: "IN2", grading: "2B P"),
                                                                          .init(ref: "assessment/ASMT-000004", grading: "1A P")]))
        #expect(parts[7] == .step(kind: "passenger_in", forward: false, reports: []))
        #expect(EvidenceSentence.parts("no records here") == [.text("no records here")])
    }

    @Test func eachRecordAndReportLinksToItsPageInWords() {
        let fields = EvidenceSentence.fields(Self.text)
        #expect(fields[1]["href"] as? String == "/entities/AD3" && fields[1]["label"] as? String == "Synthetic Adult")
        #expect(fields[1]["detail"] as? String == "adult, Merseyside scaling 3 of 10, Liverpool", "\(fields[1])")
        #expect(fields[9]["detail"] as? String == "child, place")
        let reports = fields[3]["reports"] as? [[String: Any]] ?? []
        #expect(reports.map { $0["href"] as? String } == ["/intel/IN2", "/assessments/ASMT-000004"])
        #expect(fields[3]["kind"] as? String == "drives" && fields[7]["kind"] as? String == "passenger in")
        #expect(fields[7]["ungraded"] as? Bool == true && fields[7]["arrow"] as? String == "←")
        // Every part carries every key.
        #expect(fields.allSatisfy { $0.keys.count == fields[0].keys.count })
    }
}
