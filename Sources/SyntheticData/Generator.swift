import GraphCore

/// Generates a synthetic intelligence picture that looks like the domain: communities in
/// the Merseyside authorities and their neighbours, each with children at risk (in the
/// three risk frameworks), adults of concern, county-line and organised groups with deal
/// lines, vehicles (some taxis), locations of concern, handles, phones, operations, and
/// graded intelligence behind the links. Names are plainly made up.
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
    /// Entities per community.
    static let communitySize = 100

    public init(seed: UInt64, scale: Scale) {
        self.seed = seed
        self.scale = scale
    }

    /// The layout of each community: how many of each kind, in id order.
    static let composition: [(EntityKind, Int)] = [
        (.child, 22), (.adult, 17), (.vehicle, 9), (.location, 14), (.handle, 16), (.phone, 17), (.group, 3), (.operation, 2),
    ]

    /// Link kinds by weight, with the kinds each end is drawn from.
    static let linkMix: [((LinkKind, [EntityKind], [EntityKind]), Int)] = [
        ((.associatesWith, [.child, .adult], [.child, .adult]), 20),
        ((.memberOf, [.adult, .adult, .child], [.group]), 6),
        ((.usesPhone, [.child, .adult, .group], [.phone]), 10),
        ((.usesHandle, [.child, .adult], [.handle]), 9),
        ((.contacted, [.phone, .handle], [.phone, .handle]), 18),
        ((.drives, [.adult], [.vehicle]), 4),
        ((.passengerIn, [.child], [.vehicle]), 4),
        ((.registeredKeeperOf, [.adult], [.vehicle]), 2),
        ((.seenAt, [.vehicle], [.location]), 6),
        ((.frequents, [.child, .adult], [.location]), 7),
        ((.livesAt, [.child, .adult], [.location]), 3),
        ((.foundAt, [.child], [.location]), 4),
        ((.takenTo, [.child], [.location]), 2),
        ((.worksAt, [.adult], [.location]), 1),
        ((.owns, [.adult], [.location]), 1),
        ((.siblingOf, [.child], [.child]), 1),
        ((.parentOf, [.adult], [.child]), 1),
        ((.subjectOf, [.adult, .group, .vehicle, .phone, .location], [.operation]), 1),
    ]

    /// No synthetic date is later than this, so the data never claims to know the future.
    static let newestDate = CalendarDate(year: 2026, month: 10, day: 31)

    static let prefixes: [EntityKind: String] = [
        .child: "CH", .adult: "AD", .vehicle: "VE", .location: "LO", .handle: "HA", .phone: "PH", .group: "GR", .operation: "OP",
    ]

    /// Writes the data set as JSON Lines: areas, then entities, intelligence and links.
    public func write(to output: TextOutput) throws -> Counts {
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
        var writer = EntityWriter(output: output)
        for community in 0..<communities {
            try writer.writeCommunity(community, home: homes[community], random: &random)
        }
        counts.entities = writer.written
        let intelPerCommunity = Generator.communitySize / 2
        for community in 0..<communities {
            try writeIntel(community: community, count: intelPerCommunity, random: &random, output: output)
        }
        counts.intel = communities * intelPerCommunity
        let linksPerCommunity = Generator.communitySize * Scale.linksPerEntity
        for community in 0..<communities {
            counts.links += try writeLinks(community: community, communities: communities, count: linksPerCommunity,
                                           intelPerCommunity: intelPerCommunity, random: &random, output: output)
        }
        try output.flush()
        return counts
    }

    /// The id of the `index`-th entity of a kind in a community (communities hold 100 entities).
    public static func id(_ kind: EntityKind, community: Int, index: Int) -> String {
        prefixes[kind]! + String(community * perCommunity[kindIndex[kind]!] + index)
    }

    static func intelId(community: Int, index: Int, perCommunity: Int) -> String {
        "IN" + String(community * perCommunity + index)
    }

    private func writeIntel(community: Int, count: Int, random: inout SeededRandom, output: TextOutput) throws {
        for index in 0..<count {
            let source = random.weighted([("1", 20), ("2", 70), ("3", 10)])
            let assessment = random.weighted([("A", 10), ("B", 40), ("C", 35), ("D", 10), ("E", 5)])
            let handling = random.chance(0.1) ? "C" : "P"
            let date = Generator.dateTexts[random.below(Generator.newestDay + 1)]
            var about: [JSONValue] = []
            for _ in 0..<(1 + random.below(3)) {
                let kind = random.weighted([(EntityKind.child, 3), (.adult, 4), (.vehicle, 1), (.location, 2), (.group, 1)])
                let perKind = Generator.composition.first { $0.0 == kind }!.1
                let id = JSONValue.string(Generator.id(kind, community: community, index: random.below(perKind)))
                if !about.contains(id) { about.append(id) }
            }
            let agency = random.pick(Vocabulary.agencies)
            try output.writeLine(JSONLine.text([
                ("record", .string("intel")), ("id", .string(Generator.intelId(community: community, index: index, perCommunity: count))),
                ("date", .string(date)), ("source_evaluation", .string(source)),
                ("intelligence_assessment", .string(assessment)), ("handling_code", .string(handling)),
                ("handling_conditions", handling == "C" ? .string(random.pick(Vocabulary.conditions)) : .null),
                ("submitted_by", .string("synthetic-officer-\(random.below(200))")), ("agency", .string(agency)),
                ("text", .string(random.pick(Generator.reportTexts))), ("about", .array(about)),
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
    static let dateTexts: [String] = (0...1500).map { CalendarDate(year: 2023, month: 1, day: 1).adding(days: $0).description }
    static let newestDay = newestDate.daysSinceEpoch - CalendarDate(year: 2023, month: 1, day: 1).daysSinceEpoch

    /// The number of entities of each kind in a community, in `EntityKind.allCases` order.
    static let perCommunity: [Int] = EntityKind.allCases.map { kind in composition.first { $0.0 == kind }!.1 }
    static let kindIndex: [EntityKind: Int] = Dictionary(uniqueKeysWithValues: EntityKind.allCases.enumerated().map { ($1, $0) })
    static let linkKindIndex: [LinkKind: Int] = Dictionary(uniqueKeysWithValues: LinkKind.allCases.enumerated().map { ($1, $0) })

    private func writeLinks(community: Int, communities: Int, count: Int, intelPerCommunity: Int,
                            random: inout SeededRandom, output: TextOutput) throws -> Int {
        // Links are the bulk of a large data set, so this loop writes JSON text directly
        // (every value is a plain ASCII id, kind or date) and dedupes on packed integers.
        var seen: Set<UInt64> = []
        seen.reserveCapacity(count)
        var written = 0
        var attempts = 0
        while written < count, attempts < count * 4 {
            attempts += 1
            let (kind, fromKinds, toKinds) = random.weighted(Generator.linkMix)
            let fromKind = random.pick(fromKinds)
            let toKind = random.pick(toKinds)
            // Most links stay in the community; a few reach another, which makes the one large
            // network and the cross-border links that analysts look for.
            let toCommunity = random.chance(0.04) ? random.below(communities) : community
            let fromSlot = Generator.kindIndex[fromKind]!
            let toSlot = Generator.kindIndex[toKind]!
            let fromNumber = community * Generator.perCommunity[fromSlot] + random.below(Generator.perCommunity[fromSlot])
            let toNumber = toCommunity * Generator.perCommunity[toSlot] + random.below(Generator.perCommunity[toSlot])
            guard fromSlot != toSlot || fromNumber != toNumber else { continue }
            var a = UInt64(fromSlot) << 24 | UInt64(fromNumber)
            var b = UInt64(toSlot) << 24 | UInt64(toNumber)
            if kind.isSymmetric, b < a { swap(&a, &b) }
            guard seen.insert(a << 32 ^ b << 5 ^ UInt64(Generator.linkKindIndex[kind]!)).inserted else { continue }
            let firstDay = random.below(1350)
            let lastDay = min(firstDay + random.below(120), Generator.newestDay)
            var line = "{\"record\":\"link\",\"from\":\"" + Generator.prefixes[fromKind]! + String(fromNumber)
            line += "\",\"to\":\"" + Generator.prefixes[toKind]! + String(toNumber) + "\",\"kind\":\"" + kind.rawValue
            line += "\",\"first_seen\":\"" + Generator.dateTexts[firstDay] + "\",\"last_seen\":\"" + Generator.dateTexts[lastDay] + "\""
            if !random.chance(0.05) {
                let first = random.below(intelPerCommunity)
                line += ",\"intel\":[\"IN" + String(community * intelPerCommunity + first) + "\""
                if random.chance(0.15) {
                    let second = random.below(intelPerCommunity)
                    if second != first { line += ",\"IN" + String(community * intelPerCommunity + second) + "\"" }
                }
                line += "]"
            }
            line += "}"
            try output.writeLine(line)
            written += 1
        }
        return written
    }
}
