import GraphCore

extension GraphView {
    /// Person-to-person link kinds through which an adult is "linked to" a child.
    static let personLinks: Set<LinkKind> = [.associatesWith, .siblingOf, .parentOf]

    /// The findings that raise review tasks (issue 5, rule 9), over the links this view
    /// passes:
    /// 1. an adult of concern newly linked (since `inputs.since`) to a child;
    /// 2. a CAWN subject linked, after the notice was served, to a child other than the
    ///    one the notice protects;
    /// 3. a child linked to adults of concern in two or more local authorities;
    /// 4. a vehicle of concern (flagged, or driven or kept by an adult of concern) seen at
    ///    two or more locations of concern (flagged, or subject of an active operation).
    public func alertFindings(_ inputs: AlertInputs) -> [AlertFinding] {
        let snapshot = self.snapshot
        var findings: [AlertFinding] = []
        func dense(_ rowid: Int64) -> Int32? { snapshot.entity(rowid: rowid).flatMap { includes(entity: $0) ? $0 : nil } }
        let flagged = Set(inputs.flagged.compactMap(dense))

        // 1. Adults of concern newly linked to a child.
        for link in 0..<Int32(snapshot.linkCount) where includes(link: link) && snapshot.links.created[Int(link)] >= inputs.since {
            guard GraphView.personLinks.contains(snapshot.linkKind(link)) else { continue }
            let (from, to) = snapshot.ends(link)
            let pair: (adult: Int32, child: Int32)? =
                snapshot.kind(from) == .adult && snapshot.kind(to) == .child ? (from, to)
                : snapshot.kind(to) == .adult && snapshot.kind(from) == .child ? (to, from) : nil
            guard let pair, snapshot.isAdultOfConcern(pair.adult) else { continue }
            findings.append(AlertFinding(
                kind: "adult_newly_linked_to_child",
                key: "adult_newly_linked_to_child:\(snapshot.ref(pair.adult)):\(snapshot.ref(pair.child))",
                entities: [snapshot.ref(pair.adult), snapshot.ref(pair.child)],
                detail: "\(words(pair.adult)) was newly linked to \(words(pair.child)) (\(snapshot.linkKind(link).rawValue), "
                    + "recorded \(GraphView.dateText(snapshot.links.created[Int(link)]) ?? "undated"))"))
        }

        // 2. CAWN subjects linked to a new child.
        for cawn in inputs.cawns {
            guard let subject = dense(cawn.subject) else { continue }
            let protected = cawn.child.flatMap(dense)
            var seen = Set<Int32>()
            forEachNeighbour(subject) { neighbour, link in
                guard snapshot.kind(neighbour) == .child, neighbour != protected,
                      snapshot.links.created[Int(link)] >= cawn.served, seen.insert(neighbour).inserted else { return }
                findings.append(AlertFinding(
                    kind: "cawn_subject_new_child",
                    key: "cawn_subject_new_child:\(snapshot.ref(subject)):\(snapshot.ref(neighbour))",
                    entities: [snapshot.ref(subject), snapshot.ref(neighbour)],
                    detail: "\(words(subject)), served a Child Abduction Warning Notice on "
                        + "\(GraphView.dateText(cawn.served) ?? "?"), is linked to another child, \(words(neighbour))"))
            }
        }

        // 3. Children linked to adults of concern in two or more authorities.
        for child in 0..<Int32(snapshot.entityCount) where snapshot.kind(child) == .child && includes(entity: child) {
            var areas: [String: [Int32]] = [:]
            forEachNeighbour(child) { neighbour, link in
                guard snapshot.kind(neighbour) == .adult, snapshot.isAdultOfConcern(neighbour),
                      GraphView.personLinks.contains(snapshot.linkKind(link)),
                      let area = snapshot.area(of: neighbour), !area.isForce else { return }
                if !(areas[area.code]?.contains(neighbour) ?? false) { areas[area.code, default: []].append(neighbour) }
            }
            guard areas.count >= 2 else { continue }
            let codes = areas.keys.sorted()
            var adults: [String] = []
            var described: [String] = []
            for code in codes {
                let members = areas[code] ?? []
                adults += members.map { snapshot.ref($0) }
                let names: [String] = members.map { words($0) }
                described.append("\(code) (\(names.joined(separator: ", ")))")
            }
            let childRef = snapshot.ref(child)
            let detail = "\(words(child)) is linked to adults of concern in \(codes.count) authorities: "
                + described.joined(separator: "; ")
            findings.append(AlertFinding(kind: "child_linked_across_authorities",
                                         key: "child_linked_across_authorities:\(childRef):" + codes.joined(separator: ","),
                                         entities: [childRef] + adults, detail: detail))
        }

        // 4. Vehicles of concern seen at two or more locations of concern. The locations under
        // an active operation are found once, from the operations' side, so a busy place
        // (an ANPR site) is not walked again for every vehicle seen there.
        var locationsOfConcern = Set(flagged.filter { snapshot.kind($0) == .location })
        for operation in 0..<Int32(snapshot.entityCount) where snapshot.kind(operation) == .operation
            && snapshot.isActiveOperation(operation) && includes(entity: operation) {
            forEachNeighbour(operation) { neighbour, link in
                if snapshot.linkKind(link) == .subjectOf, snapshot.kind(neighbour) == .location { locationsOfConcern.insert(neighbour) }
            }
        }
        for vehicle in 0..<Int32(snapshot.entityCount) where snapshot.kind(vehicle) == .vehicle && includes(entity: vehicle) {
            var ofConcern = flagged.contains(vehicle)
            var places = Set<Int32>()
            forEachNeighbour(vehicle) { neighbour, link in
                switch snapshot.linkKind(link) {
                case .drives, .registeredKeeperOf:
                    if snapshot.kind(neighbour) == .adult, snapshot.isAdultOfConcern(neighbour) { ofConcern = true }
                case .subjectOf:
                    if snapshot.isActiveOperation(neighbour) { ofConcern = true }
                case .seenAt:
                    places.insert(neighbour)
                default: break
                }
            }
            guard ofConcern else { continue }
            let concerning = places.filter(locationsOfConcern.contains).sorted()
            guard concerning.count >= 2 else { continue }
            let placeRefs: [String] = concerning.map { snapshot.ref($0) }
            let placeWords: [String] = concerning.map { words($0) }
            let vehicleRef = snapshot.ref(vehicle)
            let detail = "\(words(vehicle)), a vehicle of concern, was seen at \(concerning.count) locations of concern: "
                + placeWords.joined(separator: "; ")
            findings.append(AlertFinding(kind: "vehicle_at_locations_of_concern",
                                         key: "vehicle_at_locations_of_concern:\(vehicleRef):" + placeRefs.joined(separator: ","),
                                         entities: [vehicleRef] + placeRefs, detail: detail))
        }
        return findings
    }
}
