import GraphCore

/// Generates a synthetic intelligence picture that looks like the domain: communities in
/// the Merseyside authorities and their neighbours, each with households, a school,
/// workplaces and friendships, some children at risk (in the three risk frameworks), a few
/// adults recorded of concern, groups, vehicles (some taxis), places, handles, phones,
/// operations, and graded intelligence behind the links; and, in about one community in
/// ``networkEvery``, a planted exploitation network whose ground truth (organisers,
/// facilitators, groups, places used, children exploited) can be written to a separate
/// file to measure MARTHR's candidates against (``CommunityPlan``). Names are plainly made up.
///
/// The same seed and scale always give the same file.
public struct Generator {
    /// What was written.
    public struct Counts: Sendable, Equatable {
        public var areas = 0
        public var entities = 0
        public var intel = 0
        public var links = 0
    }

    public let seed: UInt64
    public let scale: Scale
    /// Days added to every date written (0: the dates end on ``newestDate``). The demo
    /// moves them by the whole weeks its case work moves (``DemoCalendar``), so the picture
    /// stays as recent as the case work on the day it is built.
    public var dayShift = 0
    /// Entities per community.
    static let communitySize = 100
    /// About one community in this many hosts a planted exploitation network.
    static let networkEvery = 12
    /// The reports (by index within a community) a planted network's links and intelligence
    /// of harm rest on.
    static let plantedReports = 40..<50

    public init(seed: UInt64, scale: Scale, dayShift: Int = 0) {
        self.seed = seed
        self.scale = scale
        self.dayShift = dayShift
    }

    /// The layout of each community: how many of each kind, in id order.
    static let composition: [(EntityKind, Int)] = [
        (.child, 22), (.adult, 17), (.vehicle, 9), (.location, 14), (.handle, 16), (.phone, 17), (.group, 3), (.operation, 2),
    ]

    /// No synthetic date is later than this, so the data never claims to know the future.
    static let newestDate = CalendarDate(year: 2026, month: 10, day: 31)

    static let prefixes: [EntityKind: String] = [
        .child: "CH", .adult: "AD", .vehicle: "VE", .location: "LO", .handle: "HA", .phone: "PH", .group: "GR", .operation: "OP",
    ]

    /// Writes the data set as JSON Lines: areas, then entities, intelligence and links; and
    /// the planted networks' ground truth, one line each, to `truth` when given.
    public func write(to output: TextOutput, truth: TextOutput? = nil) throws -> Counts {
        var counts = Counts()
        var random = SeededRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 1)
        for (code, name) in GeneratedArea.forces {
            try output.writeLine(JSONLine.text([("record", .string("area")), ("code", .string(code)), ("name", .string(name)),
                                                ("area_type", .string("police_force"))]))
            counts.areas += 1
        }
        for area in GeneratedArea.all {
            try output.writeLine(JSONLine.text([("record", .string("area")), ("code", .string(area.code)),
                                                ("name", .string(area.name)), ("area_type", .string("local_authority")),
                                                ("force", .string(area.force))]))
            counts.areas += 1
        }
        let communities = max(1, scale.entities / Generator.communitySize)
        let homes = (0..<communities).map { _ in random.weighted(GeneratedArea.all.map { ($0, $0.weight) }) }
        let plans = (0..<communities).map { CommunityPlan(seed: seed, community: $0, communities: communities) }
        var writer = EntityWriter(output: output)
        writer.dayShift = dayShift
        for community in 0..<communities {
            try writer.writeCommunity(community, home: homes[community], plan: plans[community], random: &random)
        }
        counts.entities = writer.written
        let intelPerCommunity = Generator.communitySize / 2
        let dates = dayShift == 0 ? Generator.dateTexts : Generator.dates(shiftedBy: dayShift)
        for community in 0..<communities {
            try writeIntel(community: community, count: intelPerCommunity, plan: plans[community], dates: dates, random: &random,
                           output: output)
        }
        counts.intel = communities * intelPerCommunity
        let linksPerCommunity = Generator.communitySize * Scale.linksPerEntity
        for community in 0..<communities {
            var links = LinkWriter(output: output, community: community, communities: communities,
                                   intelPerCommunity: intelPerCommunity, plan: plans[community], dates: dates)
            try links.writeAll(count: linksPerCommunity, random: &random)
            counts.links += links.written
        }
        try output.flush()
        if let truth {
            for plan in plans { if let line = plan.truthLine() { try truth.writeLine(line) } }
            try truth.flush()
        }
        return counts
    }

    /// The id of the `index`-th entity of a kind in a community (communities hold 100 entities).
    public static func id(_ kind: EntityKind, community: Int, index: Int) -> String {
        prefixes[kind]! + String(community * perCommunity[kindIndex[kind]!] + index)
    }

    static func intelId(community: Int, index: Int, perCommunity: Int) -> String {
        "IN" + String(community * perCommunity + index)
    }

    private func writeIntel(community: Int, count: Int, plan: CommunityPlan, dates: [String], random: inout SeededRandom,
                            output: TextOutput) throws {
        for index in 0..<count {
            let planted = plan.network != nil && Generator.plantedReports.contains(index)
            let source = planted ? random.weighted([("1", 30), ("2", 60), ("3", 10)]) : random.weighted([("1", 20), ("2", 70), ("3", 10)])
            let assessment = planted ? random.weighted([("A", 20), ("B", 45), ("C", 30), ("D", 5)])
                : random.weighted([("A", 10), ("B", 40), ("C", 35), ("D", 10), ("E", 5)])
            let handling = random.chance(0.1) ? "C" : "P"
            let day = planted ? Generator.newestDay - random.below(300) : random.below(Generator.newestDay + 1)
            let date = dates[day]
            var about: [JSONValue] = []
            var harm: [JSONValue] = []
            if let network = plan.network, planted {
                (about, harm) = Generator.plantedAbout(network, report: index - Generator.plantedReports.lowerBound,
                                                      community: community, random: &random)
            } else {
                for _ in 0..<(1 + random.below(3)) {
                    let kind = random.weighted([(EntityKind.child, 3), (.adult, 4), (.vehicle, 1), (.location, 2), (.group, 1)])
                    let perKind = Generator.composition.first { $0.0 == kind }!.1
                    let id = JSONValue.string(Generator.id(kind, community: community, index: random.below(perKind)))
                    if !about.contains(id) { about.append(id) }
                }
                // Now and then an ordinary report suggests harm from an adult it is about.
                if random.chance(0.02), let adult = about.first(where: { $0.stringValue?.hasPrefix("AD") == true }) { harm = [adult] }
            }
            let agency = random.pick(Vocabulary.agencies)
            try output.writeLine(JSONLine.text([
                ("record", .string("intel")), ("id", .string(Generator.intelId(community: community, index: index, perCommunity: count))),
                ("date", .string(date)), ("source_evaluation", .string(source)),
                ("intelligence_assessment", .string(assessment)), ("handling_code", .string(handling)),
                ("handling_conditions", handling == "C" ? .string(random.pick(Vocabulary.conditions)) : .null),
                ("submitted_by", .string("synthetic-officer-\(random.below(200))")), ("agency", .string(agency)),
                ("text", .string(random.pick(Generator.reportTexts))), ("about", .array(about)),
                ("harm_from", harm.isEmpty ? .null : .array(harm)),
            ]))
        }
    }

    static let reportTexts = [
        "Synthetic report: the children named were seen with the adults named late in the evening.",
        "Synthetic report: a vehicle was seen collecting a child from outside the children's home.",
        "Synthetic report: the child is believed to be being criminally exploited on a county line.",
        "Synthetic report: a deal line was used to contact the child repeatedly.",
        "Synthetic report: the child was found in another force area after a missing episode.",
        "Synthetic report: a location is being used to hold parties where children are given alcohol.",
        "Synthetic report: school reports the child has new phones and unexplained money.",
    ]

    /// Dates as text, precomputed: formatting millions of dates is most of the work otherwise.
    static let dateTexts: [String] = dates(shiftedBy: 0)

    /// The dates from 2023-01-01 as text, each moved by `shift` days.
    static func dates(shiftedBy shift: Int) -> [String] {
        (0...1500).map { CalendarDate(year: 2023, month: 1, day: 1).adding(days: $0 + shift).description }
    }
    static let newestDay = newestDate.daysSinceEpoch - CalendarDate(year: 2023, month: 1, day: 1).daysSinceEpoch

    /// The number of entities of each kind in a community, in `EntityKind.allCases` order.
    static let perCommunity: [Int] = EntityKind.allCases.map { kind in composition.first { $0.0 == kind }!.1 }
    static let kindIndex: [EntityKind: Int] = Dictionary(uniqueKeysWithValues: EntityKind.allCases.enumerated().map { ($1, $0) })
    static let linkKindIndex: [LinkKind: Int] = Dictionary(uniqueKeysWithValues: LinkKind.allCases.enumerated().map { ($1, $0) })
}
