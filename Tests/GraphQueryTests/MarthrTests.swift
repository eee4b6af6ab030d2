import Foundation
import Testing
import GraphCore
@testable import GraphQuery

/// Every MARTHR criterion with its positive and negative scenarios (issue 3).
@Suite struct MarthrTests {
    typealias F = QueryFixture

    func candidates(_ lines: [String], filter: QueryFilter = QueryFilter()) throws -> [String: [Int]] {
        let answer = try F.engine(lines).marthr(filter: filter, viewer: F.viewer, today: CalendarDate("2026-11-01")!)
        var result: [String: [Int]] = [:]
        for candidate in answer["candidates"]?.arrayValue ?? [] {
            result[candidate["id"]!.stringValue!] = candidate["criteria"]!.arrayValue!.compactMap(\.intValue)
        }
        return result
    }

    @Test func criterion1UnderInvestigation() throws {
        let found = try candidates([
            F.adult("AD1"), F.adult("AD2"), F.entity("GR1", "group"),
            F.entity("OP1", "operation", extra: ["status": "active"]),
            F.entity("OP2", "operation", extra: ["status": "closed"]),
            F.link("AD1", "subject_of", "OP1"), F.link("GR1", "subject_of", "OP1"), F.link("AD2", "subject_of", "OP2"),
        ])
        #expect(found["AD1"] == [1])
        #expect(found["GR1"] == [1])
        #expect(found["AD2"] == nil, "a closed operation is not an investigation")
    }

    @Test func criterion2DirectAndThroughConnectors() throws {
        let found = try candidates([
            F.child("CH1"), F.adult("AD1"), F.adult("AD2"), F.adult("AD3"), F.adult("AD4"), F.adult("AD5"),
            F.entity("VE1", "vehicle"), F.entity("PH1", "phone"), F.entity("PH2", "phone"), F.entity("LO1", "location"),
            F.entity("PH3", "phone"), F.entity("PH4", "phone"), F.entity("PH5", "phone"),
            F.link("AD1", "associates_with", "CH1"),                       // direct
            F.link("AD2", "drives", "VE1"), F.link("CH1", "passenger_in", "VE1"),   // via a vehicle
            F.link("AD3", "uses_phone", "PH1"), F.link("PH1", "contacted", "PH2"), F.link("CH1", "uses_phone", "PH2"), // 3 links
            F.link("AD4", "associates_with", "AD1"),                       // a person-to-person chain
            F.link("AD5", "uses_phone", "PH3"), F.link("PH3", "contacted", "PH4"), F.link("PH4", "contacted", "PH5"),
            F.link("CH1", "uses_phone", "PH5"),                            // 4 links: too far
        ])
        #expect(found["AD1"] == [2])
        #expect(found["AD2"] == [2])
        #expect(found["AD3"] == [2])
        #expect(found["AD4"] == nil, "a path through another person does not count")
        #expect(found["AD5"] == nil, "a path of 4 links does not count")
        #expect(found["CH1"] == nil, "children are never candidates")
    }

    @Test func criterion2NeedsAChildAtRisk() throws {
        let found = try candidates([
            F.child("CH1", risk: nil), F.child("CH2", risk: "merseyside:10"), F.child("CH3", risk: "seraf:not_at_risk"),
            F.child("CH4", risk: "seraf:mild"), F.adult("AD1"), F.adult("AD2"), F.adult("AD3"), F.adult("AD4"),
            F.adult("AD5", ofConcern: false),
            F.link("AD1", "associates_with", "CH1"), F.link("AD2", "associates_with", "CH2"),
            F.link("AD3", "associates_with", "CH3"), F.link("AD4", "associates_with", "CH4"),
            F.link("AD5", "associates_with", "CH4"),
        ])
        #expect(found["AD1"] == nil, "a child with no risk recorded is not at risk")
        #expect(found["AD2"] == nil, "merseyside:10 is no longer at risk")
        #expect(found["AD3"] == nil, "seraf:not_at_risk is not at risk")
        #expect(found["AD4"] == [2])
        #expect(found["AD5"] == nil, "an adult not of concern is not a candidate")
    }

    @Test func criterion2IgnoresLinksSupportedOnlyBySuspectedFalseReports() throws {
        let lines = [
            F.child("CH1"), F.adult("AD1"), F.adult("AD2"), F.intel("IN1", "2E"), F.intel("IN2", "3E"), F.intel("IN3", "2B"),
            F.link("AD1", "associates_with", "CH1", intel: ["IN1", "IN2"]),
            F.link("AD2", "associates_with", "CH1", intel: ["IN1", "IN3"]),
        ]
        let found = try candidates(lines)
        #expect(found["AD1"] == nil, "every supporting report is graded E")
        #expect(found["AD2"] == [2], "one report is not graded E")
        #expect(try candidates(lines, filter: QueryFilter(includeSuspectedFalse: true))["AD1"] == [2])
    }

    @Test func criterion3IntelligenceAbout() throws {
        let found = try candidates([
            F.adult("AD1"), F.adult("AD2"), F.adult("AD3"), F.entity("LO1", "location"),
            F.intel("IN1", "3D", about: ["AD1", "LO1"]), F.intel("IN2", "1E", about: ["AD2"]),
        ])
        #expect(found["AD1"] == [3])
        #expect(found["LO1"] == [3])
        #expect(found["AD2"] == nil, "a report graded E does not count")
        #expect(found["AD3"] == nil)
    }

    @Test func criterion4PlaceOfConcern() throws {
        let found = try candidates([
            F.child("CH1"), F.child("CH2"), F.child("CH3"), F.child("CH4", risk: nil), F.adult("AD1"), F.adult("AD2"),
            F.entity("LO1", "location"), F.entity("LO2", "location"), F.entity("LO3", "location"),
            F.entity("LO4", "location"), F.entity("LO5", "location"), F.entity("VE1", "vehicle"),
            F.link("CH1", "found_at", "LO1"), F.link("CH2", "taken_to", "LO1"),            // two children
            F.link("CH3", "frequents", "LO2"), F.link("AD1", "works_at", "LO2"),           // child and adult
            F.link("CH3", "lives_at", "LO3"), F.link("AD2", "drives", "VE1"), F.link("VE1", "seen_at", "LO3"), // via a vehicle
            F.link("CH1", "found_at", "LO4"),                                               // one child only
            F.link("CH1", "found_at", "LO5"), F.link("CH4", "found_at", "LO5"),            // second child not at risk
        ])
        #expect(found["LO1"] == [4])
        #expect(found["LO2"] == [4])
        #expect(found["LO3"] == [4])
        #expect(found["LO4"] == nil)
        #expect(found["LO5"] == nil)
        // AD1 works where CH3 goes: a 2-link path through a location (criterion 2, not 4).
        #expect(found["AD1"] == [2])
    }

    @Test func scoreRanksMoreCriteriaAndBetterEvidenceFirst() throws {
        let engine = try F.engine([
            F.child("CH1"), F.child("CH2"), F.adult("AD1"), F.adult("AD2"), F.adult("AD3"),
            F.entity("OP1", "operation", extra: ["status": "active"]),
            F.intel("IN1", "1A", date: "2026-10-30", about: ["AD1"]), F.intel("IN2", "3D", date: "2025-01-01", about: ["AD3"]),
            F.link("AD1", "subject_of", "OP1"), F.link("AD1", "associates_with", "CH1"), F.link("AD1", "associates_with", "CH2"),
            F.link("AD2", "associates_with", "CH1"), F.link("AD3", "associates_with", "CH1"),
        ])
        let answer = try engine.marthr(filter: QueryFilter(), viewer: F.viewer, today: CalendarDate("2026-11-01")!)
        let candidates = answer["candidates"]!.arrayValue!
        #expect(answer["candidates"]!.ids == ["AD1", "AD3", "AD2"])
        // AD1: 3 criteria (75) + 2 children (20) + recency of 2 days (19.9) + grade 1A (15).
        #expect(candidates[0]["score"]?.doubleValue == 129.9)
        #expect(candidates[1]["score"]?.doubleValue == 60)
        #expect(candidates[2]["score"]?.doubleValue == 35)
        let evidence = candidates[0]["evidence"]!.arrayValue!.compactMap(\.stringValue)
        #expect(evidence.contains { $0.hasPrefix("1 under investigation") && $0.contains("OP1") })
        #expect(evidence.contains { $0.hasPrefix("3 intelligence about AD1") && $0.contains("IN1 (1A P, 2026-10-30)") })
        #expect(candidates[0]["intel"]?.arrayValue?.compactMap(\.stringValue) == ["IN1"])
    }
}
