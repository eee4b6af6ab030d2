import Foundation
import GraphCore
import GraphServer
import Hummingbird
import HummingbirdTesting
import Testing

/// A record the viewer may not see costs the same to refuse as a missing one: timing must
/// not tell them apart (issue 16). Hundreds of alternating pairs, medians compared.
struct RefusalTimingTests {
    /// Hidden from Liverpool's panel member (another child, code C, another child's case, a
    /// map of another child) against ids that name nothing.
    static let pairs: [(hidden: String, missing: String)] = [
        ("/api/entities/CH2", "/api/entities/CH404"), ("/api/intel/INC", "/api/intel/IN404"),
        ("/api/cases/CASE-000002", "/api/cases/CASE-404404"), ("/api/maps/CH2", "/api/maps/CH404"),
    ]

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    @Test func aHiddenRecordTakesAsLongToRefuseAsAMissingOne() async throws {
        let fixture = try ServerFixture()
        let results = try await fixture.application.test(.router) { client in
            let member = try #require(try await SignedIn.signIn(client, as: "panel_member"))
            var results: [(String, Double, Double)] = []
            for (hidden, missing) in Self.pairs {
                var hiddenTimes: [Double] = [], missingTimes: [Double] = []
                for round in 0..<(300 + 20) {
                    // Alternate which goes first; the first 20 rounds warm up.
                    for (uri, isHidden) in round % 2 == 0 ? [(hidden, true), (missing, false)] : [(missing, false), (hidden, true)] {
                        let started = ContinuousClock.now
                        let response = try await member.get(uri)
                        let elapsed = ContinuousClock.now - started
                        #expect(response.status == .notFound)
                        guard round >= 20 else { continue }
                        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
                        if isHidden { hiddenTimes.append(milliseconds) } else { missingTimes.append(milliseconds) }
                    }
                }
                results.append((hidden, Self.median(hiddenTimes), Self.median(missingTimes)))
            }
            return results
        }
        for (uri, hidden, missing) in results {
            print(String(format: "refusal timing: %@ hidden %.3f ms, missing %.3f ms (median of 300)", uri, hidden, missing))
            // Within a quarter of each other, or a tenth of a millisecond on a fast machine.
            #expect(abs(hidden - missing) <= max(0.25 * missing, 0.1), "\(uri): hidden \(hidden) ms, missing \(missing) ms")
        }
    }
}
