import Foundation
import Testing
@testable import GraphCore
@testable import SyntheticData

struct GeneratorTests {
    func generate(seed: UInt64, dayShift: Int = 0) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try TextOutput(path: path)
        _ = try Generator(seed: seed, scale: .small, dayShift: dayShift).write(to: output)
        try output.close()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func theSameSeedGivesTheSameFileAndAnotherSeedAnother() throws {
        let first = try generate(seed: 3)
        #expect(first == (try generate(seed: 3)))
        #expect(first != (try generate(seed: 4)))
    }

    /// The demo moves the picture's dates with its case work (issue 21): every date moves by
    /// the shift, and nothing else changes.
    @Test func aDayShiftMovesEveryDateAndNothingElse() throws {
        let plain = try generate(seed: 2), shifted = try generate(seed: 2, dayShift: 35)
        let date = /\d{4}-\d{2}-\d{2}/
        let before = plain.matches(of: date).map { CalendarDate(String($0.output))! }
        let after = shifted.matches(of: date).map { CalendarDate(String($0.output))! }
        #expect(before.count == after.count && !before.isEmpty)
        #expect(zip(before, after).allSatisfy { $1.daysSinceEpoch - $0.daysSinceEpoch == 35 })
        #expect(plain.replacing(date, with: "D") == shifted.replacing(date, with: "D"))
        #expect(before.max()! <= Generator.newestDate)
    }

    @Test func everyLineMeetsTheContractAndTheMixLooksLikeTheDomain() throws {
        let text = try generate(seed: 1)
        var kinds: [EntityKind: Int] = [:]
        var assessments: [Grading.Assessment: Int] = [:]
        var handlingC = 0
        var intel = 0
        var links = 0
        var frameworks: Set<RiskLevel.Framework> = []
        var taxis = 0
        for (index, line) in text.split(separator: "\n").enumerated() {
            guard case .object(let object) = try JSONParser.parse(String(line)) else { Issue.record("not an object"); continue }
            switch try RecordDecoder.decode(object, at: SourceLocation(file: "gen", line: index + 1)) {
            case .entity(let entity):
                kinds[entity.kind, default: 0] += 1
                if let risk = entity.fields["risk"]?.stringValue.flatMap(RiskLevel.init) { frameworks.insert(risk.framework) }
                if entity.fields["taxi"] == .bool(true) { taxis += 1 }
            case .intel(let report):
                intel += 1
                assessments[report.grading.assessment, default: 0] += 1
                if report.grading.handling == .c { handlingC += 1 }
            case .link: links += 1
            case .area: break
            }
        }
        #expect(kinds.values.reduce(0, +) == 2_000)
        #expect(links == 10_000)
        #expect(Set(kinds.keys) == Set(EntityKind.allCases))
        #expect(frameworks == Set(RiskLevel.Framework.allCases))
        #expect(taxis > 0)
        // Mostly B-C, some A, a few E, about one in ten handling C.
        #expect((assessments[.b] ?? 0) + (assessments[.c] ?? 0) > intel / 2)
        #expect((assessments[.a] ?? 0) > 0 && (assessments[.e] ?? 0) > 0 && (assessments[.e] ?? 0) < intel / 10)
        #expect(handlingC > intel / 20 && handlingC < intel / 5)
    }
}
