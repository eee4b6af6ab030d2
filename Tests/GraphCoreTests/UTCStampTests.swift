import Foundation
import Testing
@testable import GraphCore

struct UTCStampTests {
    @Test(arguments: [0, 951_782_400.9, 1_795_456_509, 1_709_164_800, 4_102_444_799.5, 1_000_000_000])
    func theStampIsFoundationsISO8601Text(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(date.utcStamp == date.formatted(.iso8601))
    }

    @Test func aLeapDayAndTheYearsLastSecondAreSpelledOut() {
        #expect(Date(timeIntervalSince1970: 951_782_400).utcStamp == "2000-02-29T00:00:00Z")
        #expect(Date(timeIntervalSince1970: 4_102_444_799).utcStamp == "2099-12-31T23:59:59Z")
    }
}
