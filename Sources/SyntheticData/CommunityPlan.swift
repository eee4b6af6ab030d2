import GraphCore

/// The shape of one community of 100 entities: households, a school, workplaces and, in
/// about one community in ``Generator/networkEvery``, a planted exploitation network (its
/// organiser, facilitators, group, deal line, vehicle, the place it uses and the children
/// it exploits). The plan is drawn from the community's own random stream, so entities,
/// reports and links written at different times agree on it.
///
/// Nothing in the data marks the network as planted: it shows only as real data would show
/// it (links, dates, intelligence and its gradings, flags and risk levels), and ordinary
/// communities carry the same kinds of signal as noise (adults recorded of concern,
/// intelligence of harm, flagged places, children at risk found together, operations).
struct CommunityPlan {
    /// A planted network's roles, as indices within the community.
    struct Network {
        let organiser: Int
        let facilitators: [Int]
        /// The community each facilitator comes from (now and then another one, in another area).
        let facilitatorCommunities: [Int]
        let group: Int
        let dealLine: Int
        let vehicle: Int
        let place: Int
        let victims: [Int]
        /// Signals the network leaves, each drawn with a realistic chance.
        let organiserHarm: Bool
        let organiserRecorded: Bool
        let organiserFlagged: Bool
        let underInvestigation: Bool
        let facilitatorHarm: [Bool]
        let groupHarm: Bool
        let placeFlagged: Bool
    }

    let community: Int
    let network: Network?
    /// Children at risk besides the victims (about 12%).
    let atRisk: Set<Int>
    /// Adults recorded as of concern in an ordinary way (`of_concern`, about 3%) and with a
    /// perpetrator flag (about 1%), none of them in a network.
    let recordedAdults: Set<Int>
    let flaggedAdults: Set<Int>
    /// Whether operation 0 is active and who, if anyone, is its subject (an adult index, or
    /// a group as `100 + index`).
    let activeOperation: Bool
    let operationSubject: Int?
    /// A hotel flagged as a location of concern in an ordinary way.
    let flaggedHotel: Bool

    // Fixed roles within a community: homes, then places people share.
    static let homes = 6
    static let school = 6, childrensHome = 7, shop = 8, takeaway = 9, park = 10, hotel = 11, usedPlace = 12, hub = 13
    static let locationTypes = ["home", "home", "home", "home", "home", "home", "school", "childrens_home", "shop", "takeaway",
                                "park", "hotel", "party_house", "transport_hub"]
    /// Children 0–15 use handles 0–15; children 0–9 phones 0–9; adults 0–6 phones 10–16,
    /// except where phone 16 is a network's deal line (then adult 6 has none).
    static func phone(ofChild child: Int) -> Int? { child < 10 ? child : nil }
    func phone(ofAdult adult: Int) -> Int? { adult < 7 && !(adult == 6 && network != nil) ? 10 + adult : nil }
    static func handle(ofChild child: Int) -> Int? { child < 16 ? child : nil }
    /// The home of each child and adult (adults 0–11 are parents, two to a home).
    static func home(ofChild child: Int) -> Int { child % homes }
    static func home(ofAdult adult: Int) -> Int? { adult < 12 ? adult % homes : nil }

    init(seed: UInt64, community: Int, communities: Int) {
        self.community = community
        var random = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(community) &* 0xBF58_476D_1CE4_E5B9 &+ 7)
        if random.below(Generator.networkEvery) == 0 {
            var victims: [Int] = []
            let size = 3 + random.below(4)
            while victims.count < size {
                let child = random.below(16)
                if !victims.contains(child) { victims.append(child) }
            }
            let facilitators = random.chance(0.5) ? [15, 14] : [15]
            let from = facilitators.indices.map { $0 == 1 && random.chance(0.3) ? random.below(communities) : community }
            network = Network(
                organiser: 16, facilitators: facilitators, facilitatorCommunities: from, group: 0, dealLine: 16, vehicle: 8, place: CommunityPlan.usedPlace,
                victims: victims.sorted(), organiserHarm: random.chance(0.85), organiserRecorded: random.chance(0.5),
                organiserFlagged: random.chance(0.3), underInvestigation: random.chance(0.35),
                facilitatorHarm: facilitators.map { _ in random.chance(0.6) }, groupHarm: random.chance(0.5),
                placeFlagged: random.chance(0.4))
        } else {
            network = nil
        }
        let victims = Set(network?.victims ?? [])
        atRisk = Set((0..<22).filter { !victims.contains($0) && random.chance(0.12) })
        let inNetwork = Set(network.map { [$0.organiser] + $0.facilitators } ?? [])
        recordedAdults = Set((0..<17).filter { !inNetwork.contains($0) && random.chance(0.03) })
        flaggedAdults = Set((0..<17).filter { !inNetwork.contains($0) && random.chance(0.01) })
        activeOperation = random.chance(0.3)
        operationSubject = random.chance(0.5) ? (random.chance(0.7) ? random.below(14) : 100 + 1 + random.below(2)) : nil
        flaggedHotel = random.chance(0.04)
    }

    /// Whether child `index` is at risk (a victim, or at risk for other reasons).
    func isAtRisk(child index: Int) -> Bool { atRisk.contains(index) || (network?.victims.contains(index) ?? false) }

    /// The ground truth of the planted network, as one JSON line (ids as the data set
    /// writes them), or nil for an ordinary community.
    func truthLine() -> String? {
        guard let network else { return nil }
        func ids(_ kind: EntityKind, _ indices: [Int], in communities: [Int]? = nil) -> JSONValue {
            .array(indices.enumerated().map { .string(Generator.id(kind, community: communities?[$0] ?? community, index: $1)) })
        }
        return JSONLine.text([
            ("record", .string("network")), ("community", .number(String(community))),
            ("organisers", ids(.adult, [network.organiser])), ("facilitators", ids(.adult, network.facilitators, in: network.facilitatorCommunities)),
            ("groups", ids(.group, [network.group])), ("places", ids(.location, [network.place])),
            ("victims", ids(.child, network.victims)), ("deal_lines", ids(.phone, [network.dealLine])),
            ("vehicles", ids(.vehicle, [network.vehicle])),
        ])
    }
}
