import Foundation
import Testing
import GraphCore
@testable import GraphQuery

/// Every MARTHR threshold as seed 003 words it, with its positive and negative scenarios
/// (issues 3 and 20).
@Suite struct MarthrTests {
    typealias F = QueryFixture
    static let today = CalendarDate("2026-11-01")!

    func candidates(_ lines: [String], filter: QueryFilter = QueryFilter()) throws -> [String: [Int]] {
        let answer = try F.engine(lines).marthr(filter: filter, viewer: F.viewer, today: Self.today)
        var result: [String: [Int]] = [:]
        for candidate in answer["candidates"]?.arrayValue ?? [] {
            result[candidate["id"]!.stringValue!] = candidate["criteria"]!.arrayValue!.compactMap(\.intValue)
        }
        return result
    }

    /// Candidates judged with other thresholds (the partnership's settings).
    func candidates(_ lines: [String], thresholds: MarthrThresholds) throws -> [String: [Int]] {
        let engine = try F.engine(lines)
        let view = try engine.snapshot().view()
        let rules = try MarthrRules(thresholds, day: Self.today)
        var result: [String: [Int]] = [:]
        for candidate in view.marthrCandidates(rules: rules) { result[view.snapshot.ref(candidate.entity)] = candidate.criteria }
        return result
    }

    @Test func threshold1UnderInvestigation() throws {
        let found = try candidates([
            F.adult("AD1"), F.adult("AD2"), F.adult("AD3", ofConcern: nil), F.entity("GR1", "group"),
            F.entity("OP1", "operation", extra: ["status": "active"]),
            F.entity("OP2", "operation", extra: ["status": "closed"]),
            F.link("AD1", "subject_of", "OP1"), F.link("GR1", "subject_of", "OP1"), F.link("AD2", "subject_of", "OP2"),
            F.link("AD3", "subject_of", "OP1"),
        ])
        #expect(found["AD1"] == [1])
        #expect(found["GR1"] == [1])
        #expect(found["AD2"] == nil, "a closed operation is not an investigation")
        #expect(found["AD3"] == [1], "being under investigation records the concern")
    }

    @Test func threshold2DirectAndThroughConnectorsByExposingLinks() throws {
        let found = try candidates([
            F.child("CH1"), F.adult("AD1"), F.adult("AD2"), F.adult("AD3"), F.adult("AD4"), F.adult("AD5"),
            F.entity("VE1", "vehicle"), F.entity("PH1", "phone"), F.entity("PH2", "phone"),
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

    @Test func threshold2NotByHouseholdFamilyOrStaffLinksAlone() throws {
        let lines = [
            F.child("CH1"), F.child("CH2"), F.adult("AD1"), F.adult("AD2"), F.adult("AD3"), F.adult("AD4"), F.adult("AD5"),
            F.adult("AD6"), F.entity("LO1", "location", extra: ["location_type": "home"]),
            F.entity("LO2", "location", extra: ["location_type": "childrens_home"]), F.entity("VE1", "vehicle"),
            F.entity("LO3", "location", extra: ["location_type": "park"]),
            F.intel("IN1", "2B"),
            F.link("AD1", "parent_of", "CH1"),                                          // a parent
            F.link("AD2", "lives_at", "LO1"), F.link("CH1", "lives_at", "LO1"),          // a shared address
            F.link("AD3", "works_at", "LO2"), F.link("CH2", "lives_at", "LO2"),          // staff at the child's home
            F.link("AD4", "parent_of", "CH2"), F.link("AD4", "drives", "VE1"), F.link("CH2", "passenger_in", "VE1"), // family lift
            F.link("AD5", "parent_of", "CH1", intel: ["IN1"], concern: true),            // a parent, and a concern recorded
            F.link("AD6", "frequents", "LO3"), F.link("CH2", "frequents", "LO3"),        // the same park
        ]
        let found = try candidates(lines)
        #expect(found["AD1"] == nil, "a parent is family")
        #expect(found["AD2"] == nil, "sharing an address is the household")
        #expect(found["AD3"] == nil, "a member of staff at the child's children's home")
        #expect(found["AD4"] == nil, "a parent giving the child a lift is ordinary family contact")
        #expect(found["AD5"] == [2], "intelligence records a concern about the relationship")
        #expect(found["AD6"] == nil, "going to the same park does not expose the child")
        // The partnership may count another kind of link.
        var wider = MarthrThresholds()
        wider.exposingLinks.append(.frequents)
        #expect(try candidates(lines, thresholds: wider)["AD6"] == [2])
        // The evidence says why in words, with the report that records the concern.
        let answer = try F.engine(lines).marthr(filter: QueryFilter(), viewer: F.viewer, today: Self.today)
        let ad5 = try #require(answer["candidates"]?.arrayValue?.first { $0["id"]?.stringValue == "AD5" })
        let evidence = ad5["evidence"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(evidence.contains { $0.hasPrefix("2 linked to a child at risk, intelligence records a concern about the relationship (IN1)") })
    }

    @Test func threshold2NeedsAChildAtRiskAndAnAdultRecordedOfConcern() throws {
        let found = try candidates([
            F.child("CH1", risk: nil), F.child("CH2", risk: "merseyside:10"), F.child("CH3", risk: "seraf:not_at_risk"),
            F.child("CH4", risk: "seraf:mild"), F.adult("AD1"), F.adult("AD2"), F.adult("AD3"), F.adult("AD4"),
            F.adult("AD5", ofConcern: false), F.adult("AD6", ofConcern: nil), F.adult("AD7", ofConcern: nil),
            F.entity("AD8", "adult", extra: ["name": "Adult AD8", "flags": ["ce_perpetrator"]]),
            F.intel("IN1", "3D", date: "2020-01-01", about: ["AD7"], harmFrom: ["AD7"]),
            F.link("AD1", "associates_with", "CH1"), F.link("AD2", "associates_with", "CH2"),
            F.link("AD3", "associates_with", "CH3"), F.link("AD4", "associates_with", "CH4"),
            F.link("AD5", "associates_with", "CH4"), F.link("AD6", "associates_with", "CH4"),
            F.link("AD7", "associates_with", "CH4"), F.link("AD8", "associates_with", "CH4"),
        ])
        #expect(found["AD1"] == nil, "a child with no risk recorded is not at risk")
        #expect(found["AD2"] == nil, "merseyside:10 is no longer at risk")
        #expect(found["AD3"] == nil, "seraf:not_at_risk is not at risk")
        #expect(found["AD4"] == [2])
        #expect(found["AD5"] == nil, "an adult recorded as not of concern is not a candidate")
        #expect(found["AD6"] == nil, "an adult is never of concern by default")
        #expect(found["AD7"] == [2], "old, poorly graded intelligence of harm still records the concern (threshold 3 it does not meet)")
        #expect(found["AD8"] == [2], "a perpetrator flag records the concern")
    }

    @Test func aConcernOnlyPoliceIntelligenceRecordsStaysWithThePolice() throws {
        let lines = [
            F.child("CH1"), F.adult("AD1", ofConcern: nil), F.adult("AD2", ofConcern: nil), F.child("CH2"),
            F.intel("IN1", "2B", handling: "C", about: ["AD1"], harmFrom: ["AD1"]), F.intel("IN2", "2B", handling: "C"),
            F.intel("IN3", "2B"),
            F.link("AD1", "associates_with", "CH1", intel: ["IN3"]),
            F.link("AD2", "associates_with", "CH2", intel: ["IN2"], concern: true), F.link("AD2", "associates_with", "CH1", intel: ["IN3"]),
        ]
        let police = try candidates(lines)
        #expect(police["AD1"] == [2, 3])
        #expect(police["AD2"] == [2])
        let partner = try candidates(lines, filter: QueryFilter(includeHandlingCodeC: false))
        #expect(partner["AD1"] == nil && partner["AD2"] == nil,
                "a view without handling-code-C intelligence does not learn that such intelligence records a concern")
    }

    @Test func threshold2IgnoresLinksSupportedOnlyBySuspectedFalseReports() throws {
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

    @Test func threshold3IntelligenceSuggestingHarmGradedAndRecent() throws {
        let lines = [
            F.adult("AD1"), F.adult("AD2"), F.adult("AD3"), F.adult("AD4"), F.adult("AD5"), F.entity("LO1", "location"),
            F.entity("GR1", "group"),
            F.intel("IN1", "2B", date: "2026-09-01", about: ["AD1", "LO1", "GR1"], harmFrom: ["AD1", "LO1", "GR1"]),
            F.intel("IN2", "1A", date: "2026-10-01", about: ["AD2"]),                       // about, no harm suggested
            F.intel("IN3", "3D", date: "2026-10-01", about: ["AD3"], harmFrom: ["AD3"]),    // graded below 2C
            F.intel("IN4", "1A", date: "2024-06-01", about: ["AD4"], harmFrom: ["AD4"]),    // older than a year
            F.intel("IN5", "1E", date: "2026-10-01", about: ["AD5"], harmFrom: ["AD5"]),    // suspected false
        ]
        let found = try candidates(lines)
        #expect(found["AD1"] == [3])
        #expect(found["LO1"] == [3])
        #expect(found["GR1"] == [3])
        #expect(found["AD2"] == nil, "a report about the subject that suggests no harm")
        #expect(found["AD3"] == nil, "graded below the setting (2C)")
        #expect(found["AD4"] == nil, "outside the window (365 days)")
        #expect(found["AD5"] == nil, "graded E")
        var wider = MarthrThresholds()
        wider.harmMinimumGrade = "3D"
        wider.harmWindowDays = 1000
        let judged = try candidates(lines, thresholds: wider)
        #expect(judged["AD3"] == [3] && judged["AD4"] == [3] && judged["AD5"] == nil)
    }

    @Test func threshold4PlacesWhereChildrenAtRiskWereTakenOrFound() throws {
        let lines = [
            F.child("CH1"), F.child("CH2"), F.child("CH3"), F.child("CH4", risk: nil),
            F.entity("LO1", "location"), F.entity("LO2", "location"), F.entity("LO4", "location"), F.entity("LO5", "location"),
            F.entity("LO6", "location"), F.entity("LO3", "location", extra: ["flags": ["location_of_concern"]]),
            F.link("CH1", "found_at", "LO1", last: "2026-09-01"), F.link("CH2", "taken_to", "LO1", last: "2026-10-01"), // two children
            F.link("CH1", "found_at", "LO2", last: "2026-09-01"),                                                      // one child only
            F.link("CH1", "found_at", "LO4", last: "2024-09-01"), F.link("CH2", "found_at", "LO4", last: "2024-10-01"), // long ago
            F.link("CH1", "found_at", "LO5", last: "2026-09-01"), F.link("CH4", "found_at", "LO5", last: "2026-09-01"), // one not at risk
            F.link("CH1", "frequents", "LO6", last: "2026-09-01"), F.link("CH2", "frequents", "LO6", last: "2026-09-01"), // a school run
        ]
        let found = try candidates(lines)
        #expect(found["LO1"] == [4])
        #expect(found["LO2"] == nil)
        #expect(found["LO3"] == [4], "a place flagged as a location of concern")
        #expect(found["LO4"] == nil, "outside the window")
        #expect(found["LO5"] == nil, "the second child is not at risk")
        #expect(found["LO6"] == nil, "going somewhere regularly is not being taken or found there")
        var stricter = MarthrThresholds()
        stricter.placeChildren = 3
        #expect(try candidates(lines, thresholds: stricter)["LO1"] == nil)
    }

    @Test func settingsThatCannotWorkAreRefusedByName() throws {
        var thresholds = MarthrThresholds()
        thresholds.harmMinimumGrade = "4Z"
        #expect(throws: QueryError.self) { try thresholds.validate() }
        thresholds = MarthrThresholds()
        thresholds.exposingLinks.append(.livesAt)
        #expect { try thresholds.validate() } throws: { ($0 as? QueryError)?.message.contains("familyLinks") == true }
        thresholds = MarthrThresholds()
        thresholds.placeLinks = [.drives]
        #expect { try thresholds.validate() } throws: { ($0 as? QueryError)?.message.contains("drives") == true }
    }

    @Test func scoreRanksMoreThresholdsAndBetterEvidenceFirst() throws {
        let engine = try F.engine([
            F.child("CH1"), F.child("CH2"), F.adult("AD1"), F.adult("AD2"), F.adult("AD3"),
            F.entity("OP1", "operation", extra: ["status": "active"]),
            F.intel("IN1", "1A", date: "2026-10-30", about: ["AD1"], harmFrom: ["AD1"]),
            F.intel("IN2", "2C", date: "2025-12-01", about: ["AD3"], harmFrom: ["AD3"]),
            F.link("AD1", "subject_of", "OP1"), F.link("AD1", "associates_with", "CH1"), F.link("AD1", "associates_with", "CH2"),
            F.link("AD2", "associates_with", "CH1"), F.link("AD3", "associates_with", "CH1"),
        ])
        let answer = try engine.marthr(filter: QueryFilter(), viewer: F.viewer, today: Self.today)
        let candidates = answer["candidates"]!.arrayValue!
        #expect(answer["candidates"]!.ids == ["AD1", "AD3", "AD2"])
        // AD1: 3 thresholds (75) + 2 children (20) + recency of 2 days (19.9) + grade 1A (15).
        #expect(candidates[0]["score"]?.doubleValue == 129.9)
        let evidence = candidates[0]["evidence"]!.arrayValue!.compactMap(\.stringValue)
        #expect(evidence.contains { $0.hasPrefix("1 under investigation") && $0.contains("OP1") })
        #expect(evidence.contains { $0.hasPrefix("3 intelligence suggests a risk of harm from AD1") && $0.contains("IN1 (1A P, 2026-10-30)") })
        #expect(candidates[0]["intel"]?.arrayValue?.compactMap(\.stringValue) == ["IN1"])
        #expect(answer["meeting"]?["any"]?.intValue == 3)
        #expect(answer["meeting"]?["2"]?.intValue == 3)
    }
}
