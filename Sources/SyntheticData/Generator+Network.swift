import GraphCore

extension Generator {
    /// What a planted network's report `report` (0–9) is about, and whom it suggests harm
    /// from: the organiser, each facilitator, the group, the place, the children, each as
    /// the plan's signals say.
    static func plantedAbout(_ network: CommunityPlan.Network, report: Int, community: Int,
                             random: inout SeededRandom) -> (about: [JSONValue], harm: [JSONValue]) {
        func id(_ kind: EntityKind, _ index: Int) -> JSONValue { .string(Generator.id(kind, community: community, index: index)) }
        let victim = id(.child, network.victims[random.below(network.victims.count)])
        switch report {
        case 0:
            let organiser = id(.adult, network.organiser)
            return ([organiser, victim], network.organiserHarm ? [organiser] : [])
        case 1, 2:
            guard report - 1 < network.facilitators.count else { return ([id(.location, network.place), victim], []) }
            let facilitator = JSONValue.string(Generator.id(.adult, community: network.facilitatorCommunities[report - 1],
                                                            index: network.facilitators[report - 1]))
            return ([facilitator, victim], network.facilitatorHarm[report - 1] ? [facilitator] : [])
        case 3:
            let group = id(.group, network.group)
            return ([group, id(.adult, network.organiser)], network.groupHarm ? [group] : [])
        case 4:
            return ([id(.location, network.place)] + network.victims.prefix(2).map { id(.child, $0) }, [])
        default:
            return ([victim, id(.vehicle, network.vehicle)], [])
        }
    }
}
