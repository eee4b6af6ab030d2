import GraphCore

/// Writes one community's links: the ordinary life of its households, school, workplaces
/// and friendships, a planted network's links when it has one, and ordinary filler up to the
/// community's share of links.
///
/// Links are the bulk of a large data set, so lines are written as JSON text directly (every
/// value is a plain ASCII id, kind or date) and deduplicated on packed integers.
struct LinkWriter {
    let output: TextOutput
    let community: Int
    let communities: Int
    let intelPerCommunity: Int
    let plan: CommunityPlan
    /// The dates as text (``Generator/dates(shiftedBy:)``).
    let dates: [String]
    private var seen: Set<UInt64> = []
    private(set) var written = 0

    init(output: TextOutput, community: Int, communities: Int, intelPerCommunity: Int, plan: CommunityPlan, dates: [String]) {
        self.output = output
        self.dates = dates
        self.community = community
        self.communities = communities
        self.intelPerCommunity = intelPerCommunity
        self.plan = plan
        seen.reserveCapacity(Generator.communitySize * Scale.linksPerEntity)
    }

    /// One end of a link: a kind, an index within its community, and the community.
    struct End {
        let kind: EntityKind
        let index: Int
        var community: Int
    }

    /// Writes every link of the community: `count` in all.
    mutating func writeAll(count: Int, random: inout SeededRandom) throws {
        try writeOrdinary(count: count, random: &random)
        if let network = plan.network { try writePlanted(network, random: &random) }
        var attempts = 0
        while written < count, attempts < count * 8 {
            attempts += 1
            try writeFiller(random: &random)
        }
    }

    private func end(_ kind: EntityKind, _ index: Int) -> End { End(kind: kind, index: index, community: community) }

    /// Households, the school, workplaces, phones, handles, vehicles and friendships.
    private mutating func writeOrdinary(count: Int, random: inout SeededRandom) throws {
        for child in 0..<22 {
            let living = child >= 19 ? CommunityPlan.childrensHome : CommunityPlan.home(ofChild: child)
            try link(end(.child, child), .livesAt, end(.location, living), random: &random)
            if random.chance(0.8) { try link(end(.child, child), .frequents, end(.location, CommunityPlan.school), random: &random) }
            if let phone = CommunityPlan.phone(ofChild: child) { try link(end(.child, child), .usesPhone, end(.phone, phone), random: &random) }
            if let handle = CommunityPlan.handle(ofChild: child) {
                try link(end(.child, child), .usesHandle, end(.handle, handle), random: &random)
            }
            for sibling in stride(from: child + CommunityPlan.homes, to: 19, by: CommunityPlan.homes) where child < 19 {
                try link(end(.child, child), .siblingOf, end(.child, sibling), random: &random)
            }
            // Children at risk go missing now and then, and are found at a friend's home or the park.
            if plan.isAtRisk(child: child), random.chance(0.3) {
                let place = random.chance(0.5) ? CommunityPlan.park : random.below(CommunityPlan.homes)
                try link(end(.child, child), .foundAt, end(.location, place), random: &random)
            }
        }
        for adult in 0..<17 {
            if let home = CommunityPlan.home(ofAdult: adult) {
                try link(end(.adult, adult), .livesAt, end(.location, home), random: &random)
                for child in stride(from: home, to: 19, by: CommunityPlan.homes) {
                    try link(end(.adult, adult), .parentOf, end(.child, child), random: &random)
                    if adult < 9, random.chance(0.5) { try link(end(.child, child), .passengerIn, end(.vehicle, adult), random: &random) }
                    if let phone = plan.phone(ofAdult: adult), let childPhone = CommunityPlan.phone(ofChild: child),
                       random.chance(0.7) {
                        try link(end(.phone, phone), .contacted, end(.phone, childPhone), random: &random)
                    }
                }
            } else {
                // Adults 12–16 work at the places the community shares.
                let work = [CommunityPlan.school, CommunityPlan.childrensHome, CommunityPlan.shop, CommunityPlan.takeaway,
                            CommunityPlan.hotel][adult - 12]
                try link(end(.adult, adult), .worksAt, end(.location, work), random: &random)
                if adult == 12 || adult == 13, random.chance(0.3) {
                    // A coach or youth worker who knows a child.
                    try link(end(.adult, adult), .associatesWith, end(.child, random.below(22)), random: &random)
                }
            }
            if let phone = plan.phone(ofAdult: adult) { try link(end(.adult, adult), .usesPhone, end(.phone, phone), random: &random) }
            if adult < 9 {
                try link(end(.adult, adult), .drives, end(.vehicle, adult), random: &random)
                if random.chance(0.6) { try link(end(.adult, adult), .registeredKeeperOf, end(.vehicle, adult), random: &random) }
            }
            if random.chance(0.5) {
                try link(end(.adult, adult), .frequents, end(.location, random.pick([CommunityPlan.shop, CommunityPlan.takeaway,
                                                                                     CommunityPlan.park])), random: &random)
            }
        }
        // Ordinary groups: adults in a gang or a crime group, no children among them.
        for group in 1..<3 {
            for _ in 0..<(1 + random.below(3)) { try link(end(.adult, 9 + random.below(8)), .memberOf, end(.group, group), random: &random) }
        }
        if plan.network == nil {
            for _ in 0..<(1 + random.below(3)) { try link(end(.adult, 9 + random.below(7)), .memberOf, end(.group, 0), random: &random) }
        }
        if plan.activeOperation, let subject = plan.operationSubject {
            let from = subject >= 100 ? end(.group, subject - 100) : end(.adult, subject)
            try link(from, .subjectOf, end(.operation, 0), random: &random)
        }
        for vehicle in 0..<9 where random.chance(0.5) {
            try link(end(.vehicle, vehicle), .seenAt, end(.location, random.pick([CommunityPlan.shop, CommunityPlan.school,
                                                                                 CommunityPlan.park, CommunityPlan.hub])), random: &random)
        }
    }

    /// The planted network: its members, deal line, vehicle and place, and the children it
    /// exploits, all recent, resting on the community's last ten reports.
    private mutating func writePlanted(_ network: CommunityPlan.Network, random: inout SeededRandom) throws {
        let organiser = end(.adult, network.organiser), group = end(.group, network.group)
        let deal = end(.phone, network.dealLine), vehicle = end(.vehicle, network.vehicle), place = end(.location, network.place)
        try link(organiser, .memberOf, group, planted: true, random: &random)
        try link(organiser, .usesPhone, deal, planted: true, random: &random)
        try link(group, .usesPhone, deal, planted: true, random: &random)
        if random.chance(0.5) { try link(organiser, random.chance(0.5) ? .owns : .frequents, place, planted: true, random: &random) }
        try link(vehicle, .seenAt, place, planted: true, random: &random)
        for (position, facilitator) in network.facilitators.enumerated() {
            // Now and then a facilitator comes from another community (another area).
            let member = End(kind: .adult, index: facilitator, community: network.facilitatorCommunities[position])
            try link(member, .memberOf, group, planted: true, random: &random)
            try link(member, .associatesWith, organiser, planted: true, random: &random)
            if position == 0 { try link(member, .drives, vehicle, planted: true, random: &random) }
        }
        var atPlace = 0
        for (position, victim) in network.victims.enumerated() {
            let child = end(.child, victim)
            if let phone = CommunityPlan.phone(ofChild: victim) {
                try link(deal, .contacted, end(.phone, phone), planted: true, random: &random)
            } else if let handle = CommunityPlan.handle(ofChild: victim) {
                try link(deal, .contacted, end(.handle, handle), planted: true, random: &random)
            }
            if random.chance(0.6) {
                let facilitator = End(kind: .adult, index: network.facilitators[0], community: network.facilitatorCommunities[0])
                try link(facilitator, .associatesWith, child, planted: true, random: &random)
            }
            if random.chance(0.4) {
                try link(organiser, .associatesWith, child, planted: true, concern: random.chance(0.5), random: &random)
            }
            if random.chance(0.5) { try link(child, .passengerIn, vehicle, planted: true, random: &random) }
            if random.chance(0.3) { try link(child, .memberOf, group, planted: true, random: &random) }
            if atPlace < 2 || random.chance(0.6) || position == network.victims.count - 1 && atPlace < 2 {
                try link(child, random.chance(0.6) ? .takenTo : .foundAt, place, planted: true, random: &random)
                atPlace += 1
            }
        }
    }

    /// An ordinary link: friends, contacts, places, associates, now and then across communities.
    private mutating func writeFiller(random: inout SeededRandom) throws {
        let other = random.chance(0.04) ? random.below(communities) : community
        switch random.below(6) {
        case 0: try link(end(.child, random.below(22)), .associatesWith, End(kind: .child, index: random.below(22), community: other),
                         random: &random)
        case 1: try link(end(.adult, random.below(17)), .associatesWith, End(kind: .adult, index: random.below(17), community: other),
                         random: &random)
        case 2: try link(end(.phone, random.below(16)), .contacted, End(kind: .phone, index: random.below(16), community: other),
                         random: &random)
        case 3: try link(end(.handle, random.below(16)), .contacted, End(kind: .handle, index: random.below(16), community: other),
                         random: &random)
        case 4: try link(end(.child, random.below(22)), .frequents,
                         end(.location, random.pick([CommunityPlan.park, CommunityPlan.shop, CommunityPlan.takeaway, CommunityPlan.hub])),
                         random: &random)
        default: try link(end(.vehicle, random.below(9)), .seenAt, End(kind: .location, index: random.below(14), community: other),
                          random: &random)
        }
    }

    /// Writes one link unless it was written already. Planted links are recent and rest on
    /// the community's last ten reports; ordinary ones on any.
    private mutating func link(_ from: End, _ kind: LinkKind, _ to: End, planted: Bool = false, concern: Bool = false,
                               random: inout SeededRandom) throws {
        let fromSlot = Generator.kindIndex[from.kind]!, toSlot = Generator.kindIndex[to.kind]!
        let fromNumber = from.community * Generator.perCommunity[fromSlot] + from.index
        let toNumber = to.community * Generator.perCommunity[toSlot] + to.index
        guard fromSlot != toSlot || fromNumber != toNumber else { return }
        var a = UInt64(fromSlot) << 24 | UInt64(fromNumber)
        var b = UInt64(toSlot) << 24 | UInt64(toNumber)
        if kind.isSymmetric, b < a { swap(&a, &b) }
        guard seen.insert(a << 32 ^ b << 5 ^ UInt64(Generator.linkKindIndex[kind]!)).inserted else { return }
        let firstDay = planted ? Generator.newestDay - random.below(300) : random.below(1350)
        let lastDay = min(firstDay + random.below(planted ? 90 : 120), Generator.newestDay)
        var line = "{\"record\":\"link\",\"from\":\"" + Generator.prefixes[from.kind]! + String(fromNumber)
        line += "\",\"to\":\"" + Generator.prefixes[to.kind]! + String(toNumber) + "\",\"kind\":\"" + kind.rawValue
        line += "\",\"first_seen\":\"" + dates[firstDay] + "\",\"last_seen\":\"" + dates[lastDay] + "\""
        if concern || !random.chance(0.05) {
            let reports = planted ? Generator.plantedReports : 0..<intelPerCommunity
            let first = reports.lowerBound + random.below(reports.count)
            line += ",\"intel\":[\"IN" + String(community * intelPerCommunity + first) + "\""
            if random.chance(0.15) {
                let second = reports.lowerBound + random.below(reports.count)
                if second != first { line += ",\"IN" + String(community * intelPerCommunity + second) + "\"" }
            }
            line += "]"
            if concern { line += ",\"concern\":true" }
        }
        line += "}"
        try output.writeLine(line)
        written += 1
    }
}
