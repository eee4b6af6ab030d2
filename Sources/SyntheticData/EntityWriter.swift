import GraphCore

/// Writes the entities of one community after another.
struct EntityWriter {
    let output: TextOutput
    /// Days added to every date (``Generator/dayShift``): dates of birth, so ages stay as
    /// scripted, and operations' dates.
    var dayShift = 0
    private(set) var written = 0

    init(output: TextOutput) {
        self.output = output
    }

    private mutating func emit(_ fields: [(String, JSONValue)]) throws {
        try output.writeLine(JSONLine.text(fields))
        written += 1
    }

    mutating func writeCommunity(_ community: Int, home: GeneratedArea, plan: CommunityPlan, random: inout SeededRandom) throws {
        for (kind, count) in Generator.composition {
            for index in 0..<count {
                let id = Generator.id(kind, community: community, index: index)
                let serial = community * count + index
                // A few entities of each community live in a neighbouring area.
                let area = random.chance(0.1) ? random.pick(GeneratedArea.all) : home
                var fields: [(String, JSONValue)] = [("record", .string("entity")), ("id", .string(id)), ("kind", .string(kind.rawValue))]
                switch kind {
                case .child: fields += child(serial: serial, area: area, atRisk: plan.isAtRisk(child: index), random: &random)
                case .adult: fields += adult(serial: serial, area: area, index: index, plan: plan, random: &random)
                case .vehicle: fields += vehicle(serial: serial, area: area, random: &random)
                case .location: fields += location(serial: serial, area: area, index: index, plan: plan, random: &random)
                case .handle:
                    let words = "\(random.pick(Vocabulary.adjectives))_\(random.pick(Vocabulary.animals))".lowercased()
                    fields += [("platform", .string(random.pick(Vocabulary.platforms))),
                               ("handle", .string("\(words)_\(serial)")), ("area", .string(area.code))]
                case .phone:
                    // Ofcom's drama range first (07700 900000-900999), then the rest of 07700 9xxxxx
                    // and 8xxxxx, which cegraph only ever fills with synthetic numbers.
                    let line = serial < 100_000 ? 900_000 + serial : 700_000 + serial
                    fields += [("number", .string("07700 \(line)")), ("area", .string(area.code))]
                case .group:
                    let type = random.weighted([("county_line", 5), ("ocg", 3), ("gang", 2)])
                    let word = random.pick(Vocabulary.adjectives)
                    let name = type == "county_line" ? "\(word) line \(serial)" : (type == "ocg" ? "\(word) OCG \(serial)" : "\(word) crew \(serial)")
                    fields += [("name", .string(name)), ("group_type", .string(type)), ("area", .string(area.code))]
                case .operation:
                    let opened = CalendarDate(year: 2023, month: 1, day: 1).adding(days: random.below(1300) + dayShift)
                    let newest = Generator.newestDate.adding(days: dayShift)
                    // Operation 0 is an ordinary one, active now and then; operation 1 investigates
                    // the community's network, when it has one and is being investigated.
                    let active = index == 0 ? plan.activeOperation : (plan.network?.underInvestigation ?? false)
                    fields += [("name", .string("Operation \(random.pick(Vocabulary.birds)) \(serial)")),
                               ("status", .string(active ? "active" : "closed")),
                               ("operation_type", .string(random.weighted([("investigation", 5), ("prevent", 3), ("prosecute", 2)]))),
                               ("lead_force", .string(area.force)), ("opened", .string(opened.description))]
                    // Never after the newest date: the data never claims to know the future.
                    if !active { fields.append(("closed", .string(min(opened.adding(days: 30 + random.below(300)), newest).description))) }
                }
                try emit(fields)
            }
        }
    }

    private func child(serial: Int, area: GeneratedArea, atRisk: Bool, random: inout SeededRandom) -> [(String, JSONValue)] {
        let adjective = random.pick(Vocabulary.adjectives)
        let animal = random.pick(Vocabulary.animals)
        let dob = CalendarDate(year: 2009, month: 1, day: 1).adding(days: random.below(6 * 365) + dayShift)
        // Most children the picture holds are not at risk of exploitation now: no level, or
        // the framework's "no longer at risk". LLR's CSE1 has no such level, so a child there
        // who is not at risk has none.
        var risk: String?
        switch area.force {
        case "north_wales":
            risk = atRisk ? "seraf:" + random.weighted([("significant", 2), ("moderate", 3), ("mild", 3)])
                : (random.chance(0.4) ? "seraf:not_at_risk" : nil)
        case "merseyside":
            risk = atRisk ? "merseyside:\(random.weighted((1...9).map { ($0, 10 - $0) }))" : (random.chance(0.4) ? "merseyside:10" : nil)
        default:
            if atRisk {
                risk = random.chance(0.5) ? "llr:" + random.weighted([("high", 2), ("medium", 3), ("at_risk", 4)])
                    : "merseyside:\(1 + random.below(9))"
            } else if random.chance(0.4) {
                risk = "merseyside:10"
            }
        }
        var fields: [(String, JSONValue)] = [
            ("name", .string("\(adjective) \(animal) \(serial)")),
            ("aliases", .array([.string("\(animal)\(serial % 100)")])),
            ("dob", .string(dob.description)), ("gender", .string(random.weighted(Vocabulary.genders))),
            ("ethnicity", .string(random.weighted(Vocabulary.ethnicities))), ("sen", .bool(random.chance(0.25))),
            ("area", .string(area.code)),
            ("living", .string(random.weighted([("home", 50), ("family", 10), ("foster", 12), ("childrens_home", 15),
                                                ("semi_independent", 8), ("temporary", 5)]))),
            ("legal_status", .string(random.weighted([("early_help", 25), ("cin", 35), ("cp", 20), ("lac", 20)]))),
            ("exploitation", .string(random.weighted([("cce", 45), ("cse", 35), ("both", 20)]))),
            ("risk", risk.map(JSONValue.string) ?? .null),
        ]
        if atRisk, random.chance(0.5) { fields.append(("flags", .array([.string("ce_flag")]))) }
        return fields
    }

    private func adult(serial: Int, area: GeneratedArea, index: Int, plan: CommunityPlan,
                       random: inout SeededRandom) -> [(String, JSONValue)] {
        let adjective = random.pick(Vocabulary.adjectives)
        let bird = random.pick(Vocabulary.birds)
        let dob = CalendarDate(year: 1965, month: 1, day: 1).adding(days: random.below(40 * 365) + dayShift)
        var fields: [(String, JSONValue)] = [
            ("name", .string("\(adjective) \(bird) \(serial)")),
            ("aliases", .array([.string("\(bird)man"), .string("\(adjective.prefix(1))\(bird.prefix(1))\(serial)")])),
            ("dob", .string(dob.description)), ("gender", .string(random.weighted([("male", 80), ("female", 18), ("not_recorded", 2)]))),
            ("area", .string(area.code)),
        ]
        // Of concern only where something records it: a few ordinary adults, and a network's
        // organiser or facilitator now and then (most are known through intelligence).
        let organiser = plan.network?.organiser == index
        let recorded = plan.recordedAdults.contains(index) || (organiser && plan.network!.organiserRecorded)
            || ((plan.network?.facilitators.contains(index) ?? false) && random.chance(0.3))
        if recorded { fields.append(("of_concern", .bool(true))) }
        if plan.flaggedAdults.contains(index) || (organiser && plan.network!.organiserFlagged) {
            fields.append(("flags", .array([.string("ce_perpetrator")])))
        }
        return fields
    }

    private func vehicle(serial: Int, area: GeneratedArea, random: inout SeededRandom) -> [(String, JSONValue)] {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var rest = serial / 100
        var tail = ""
        for _ in 0..<3 {
            tail.append(letters[rest % 26])
            rest /= 26
        }
        let digits = serial % 100
        let (make, models) = random.pick(Vocabulary.makes)
        return [("vrm", .string("zz\(digits < 10 ? "0" : "")\(digits) \(tail.lowercased())")), ("make", .string(make)),
                ("model", .string(random.pick(models))), ("colour", .string(random.pick(Vocabulary.colours))),
                ("taxi", .bool(random.chance(0.2))), ("area", .string(area.code))]
    }

    private func location(serial: Int, area: GeneratedArea, index: Int, plan: CommunityPlan,
                          random: inout SeededRandom) -> [(String, JSONValue)] {
        var type = CommunityPlan.locationTypes[index]
        if index == CommunityPlan.usedPlace { type = random.pick(["party_house", "cuckooed_address", "takeaway", "other"]) }
        if index == CommunityPlan.hub { type = random.pick(["transport_hub", "taxi_rank"]) }
        let display = type.replacing("_", with: " ").capitalized(first: true)
        let inward = "\(random.below(10))\(random.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))\(random.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))"
        let postcode = "\(area.postcodeArea)\(1 + random.below(40)) \(inward)"
        let lat = area.lat + Double(random.below(2000) - 1000) / 25_000
        let lon = area.lon + Double(random.below(2000) - 1000) / 25_000
        var fields: [(String, JSONValue)] = [
            ("name", .string("\(display) \(serial) (\(area.name))")), ("address", .string("\(1 + serial % 200) Synthetic Street")),
            ("postcode", .string(postcode)), ("location_type", .string(type)), ("area", .string(area.code)),
            ("lat", .number(String(format4(lat)))), ("lon", .number(String(format4(lon)))),
        ]
        if (index == CommunityPlan.usedPlace && plan.network?.placeFlagged == true) || (index == CommunityPlan.hotel && plan.flaggedHotel) {
            fields.append(("flags", .array([.string("location_of_concern")])))
        } else if type == "school" || type == "childrens_home" {
            fields.append(("flags", .array([.string("safe_location")])))
        }
        return fields
    }

    private func format4(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let fraction = String(magnitude % 10_000)
        return "\(sign)\(magnitude / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }
}

private extension String {
    func capitalized(first: Bool) -> String {
        guard let head = self.first else { return self }
        return head.uppercased() + dropFirst()
    }
}
