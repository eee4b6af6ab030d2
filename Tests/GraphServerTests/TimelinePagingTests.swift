import Foundation
import GraphCore
import GraphServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A long chronology pages (issue 21, item 5): 200 events a page with counts, earlier and
/// later, and every event on one page to print.
struct TimelinePagingTests {
    @Test func aLongTimelinePagesWithCounts() async throws {
        // 260 places CH1 frequented, each first seen on its own day: 260 link events and more.
        var lines: [String] = []
        for number in 1...260 {
            lines.append(#"{"record":"entity","id":"LP\#(number)","kind":"location","name":"Synthetic Place \#(number)","area":"E08000012"}"#)
            let day = CalendarDate("2025-01-01")!.adding(days: number).description
            lines.append(#"{"record":"link","from":"CH1","to":"LP\#(number)","kind":"frequents","first_seen":"\#(day)","intel":["IN1"]}"#)
        }
        let fixture = try ServerFixture(extraLines: lines)
        try await fixture.application.test(.router) { client in
            let browser = try await PageTests.Browser.signIn(client, as: "analyst")
            let first = try await browser.get("/entities/CH1/timeline")
            #expect(first.status == .ok)
            let total = try #require(first.text.firstMatch(of: /Events 1 to 200 of (\d+)\./).map { Int($0.output.1)! }, "\(first.text)")
            #expect(total > 260)
            #expect(first.text.components(separatedBy: "<li class=\"event").count - 1 == 200)
            #expect(first.text.contains(#"rel="next""#) && !first.text.contains(#"rel="prev""#))
            let second = try await browser.get("/entities/CH1/timeline?page=2")
            #expect(second.text.contains("Events 201 to \(total) of \(total).") && second.text.contains(#"rel="prev""#), "\(second.text)")
            #expect(second.text.contains(#"start="201""#))
            let all = try await browser.get("/entities/CH1/timeline?page=all")
            #expect(all.text.components(separatedBy: "<li class=\"event").count - 1 == total)
            #expect(all.text.contains("In pages"))
            let beyond = try await browser.get("/entities/CH1/timeline?page=9")
            #expect(beyond.status == .badRequest && beyond.text.contains("page must be a whole number from 1 to 2"), "\(beyond.text)")
        }
    }
}
