import GraphCore
import Testing

/// Risk levels in words, each saying where it sits in its framework and which end is worse.
struct RiskLevelWordsTests {
    @Test(arguments: [
        ("merseyside:4", "Merseyside scaling 4 of 10 (1 is the most risk, 10 no longer at risk)"),
        ("merseyside:10", "Merseyside scaling 10 of 10 (1 is the most risk, 10 no longer at risk)"),
        ("llr:high", "LLR high risk (most risk of 3: high risk, medium risk, at risk)"),
        ("llr:medium", "LLR medium risk (2 of 3 from most risk: high risk, medium risk, at risk)"),
        ("LLR:AT_RISK", "LLR at risk (least risk of 3: high risk, medium risk, at risk)"),
        ("seraf:not_at_risk", "SERAF not at risk (least risk of 4: significant risk, moderate risk, mild risk, not at risk)"),
        ("seraf:moderate", "SERAF moderate risk (2 of 4 from most risk: significant risk, moderate risk, mild risk, not at risk)"),
    ])
    func aLevelInWords(_ code: String, _ words: String) throws {
        #expect(try #require(RiskLevel(code)).words == words)
        #expect(RiskLevel.words(code) == words)
    }

    @Test func aListSaysTheLevelBrieflyAndItsLegendTheOrder() throws {
        #expect(try #require(RiskLevel("merseyside:4")).brief == "Merseyside scaling 4 of 10")
        #expect(try #require(RiskLevel("llr:medium")).brief == "LLR medium risk (2 of 3)")
        #expect(RiskLevel.Framework.merseyside.order == "Merseyside: scaling 1 is the most risk, 10 no longer at risk")
        #expect(RiskLevel.Framework.seraf.order == "SERAF: significant risk, moderate risk, mild risk, not at risk, from most to least risk")
    }

    @Test func textThatIsNoLevelIsLeftAsItIs() {
        #expect(RiskLevel.words("merseyside:11") == "merseyside:11")
        #expect(RiskLevel.words("not assessed") == "not assessed")
    }

    /// Every level of every framework has words that name its framework and are unique.
    @Test(arguments: RiskLevel.Framework.allCases)
    func everyLevelHasItsOwnWords(_ framework: RiskLevel.Framework) throws {
        let words = try framework.levels.map { try #require(RiskLevel("\(framework.rawValue):\($0)")).words }
        #expect(Set(words).count == words.count && words.allSatisfy { $0.hasPrefix(framework.name + " ") }, "\(words)")
    }
}
