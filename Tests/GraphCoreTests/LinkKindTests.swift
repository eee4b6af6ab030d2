import Testing
@testable import GraphCore

struct LinkKindTests {
    @Test func rulesFollowTheContract() {
        #expect(LinkKind.rules.count == 47)
        #expect(LinkKind.drives.allows(from: .adult, to: .vehicle))
        #expect(!LinkKind.drives.allows(from: .vehicle, to: .adult))
        #expect(LinkKind.seenAt.allows(from: .vehicle, to: .location))
        #expect(!LinkKind.foundAt.allows(from: .adult, to: .location))
        #expect(LinkKind.usesPhone.allows(from: .group, to: .phone))
        #expect(LinkKind.contacted.allows(from: .handle, to: .phone))
        #expect(!LinkKind.subjectOf.allows(from: .operation, to: .operation))
    }

    @Test func onlyMutualKindsAreSymmetric() {
        #expect(LinkKind.allCases.filter(\.isSymmetric) == [.associatesWith, .siblingOf, .contacted])
    }

    @Test(arguments: [("merseyside:1", true), ("merseyside:10", false), ("seraf:not_at_risk", false), ("LLR:High", true)])
    func riskLevelsKnowWhetherAChildIsAtRisk(text: String, atRisk: Bool) throws {
        #expect(try #require(RiskLevel(text)).isAtRisk == atRisk)
    }

    @Test(arguments: ["merseyside:0", "merseyside:11", "llr:low", "seraf", "cse1:high", ""])
    func unknownRiskLevelsAreRefused(text: String) {
        #expect(RiskLevel(text) == nil)
    }
}
