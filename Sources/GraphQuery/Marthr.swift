import GraphCore

/// MARTHR candidates (seed 003's thresholds for discussion), computed on a view.
///
/// A child is at risk when it has a recorded risk level other than `merseyside:10` or
/// `seraf:not_at_risk`. Adults of concern and groups are candidate persons or networks;
/// locations are candidate places. The criteria:
/// 1. under investigation: `subject_of` an active operation;
/// 2. linked to a child at risk: directly, or by a path of at most 3 links whose
///    intermediate entities are all vehicles, phones, handles or locations (persons and
///    networks only);
/// 3. intelligence about the subject: named (`about`) in a report graded A–D;
/// 4. a place of concern: a location linked (`found_at`, `taken_to`, `frequents`,
///    `lives_at`) to two at-risk children, or to one and an adult of concern (`lives_at`,
///    `works_at`, `owns`, `frequents`, or a vehicle the adult drives `seen_at` it).
extension GraphView {
    static let placeOfConcernChildKinds: Set<LinkKind> = [.foundAt, .takenTo, .frequents, .livesAt]
    static let placeOfConcernAdultKinds: Set<LinkKind> = [.livesAt, .worksAt, .owns, .frequents]
    static let connectorKinds: Set<EntityKind> = [.vehicle, .phone, .handle, .location]
    /// Criterion 2 walks written out in full per candidate; the rest are listed by child.
    static let walksShown = 10

    /// The candidates, best first, scored against `today` (the as-of date when given).
    public func marthrCandidates(today: CalendarDate) -> [MarthrCandidate] {
        var candidates: [Int32: MarthrCandidate] = [:]
        func candidate(_ entity: Int32, _ update: (inout MarthrCandidate) -> Void) {
            var value = candidates[entity] ?? MarthrCandidate(entity: entity)
            update(&value)
            candidates[entity] = value
        }
        let everyone = (0..<Int32(snapshot.entityCount)).filter { includes(entity: $0) }
        for entity in everyone where isPersonOrNetwork(entity) {
            underInvestigation(entity, candidate)
            intelligenceAbout(entity, candidate)
        }
        for child in everyone where snapshot.isAtRiskChild(child) {
            linkedToChild(child, candidate)
        }
        for place in everyone where snapshot.kind(place) == .location {
            placeOfConcern(place, candidate)
            underInvestigation(place, candidate)
            intelligenceAbout(place, candidate)
        }
        let reference = Int32(today.daysSinceEpoch)
        var scored = candidates.values.filter { !$0.criteria.isEmpty }.map { value -> MarthrCandidate in
            var value = value
            let walks = value.childWalks.sorted { ($0.count, $0.last!) < ($1.count, $1.last!) }
            for walk in walks.prefix(GraphView.walksShown) {
                value.evidence.append("2 linked to a child at risk: " + words(walk: walk))
            }
            if walks.count > GraphView.walksShown {
                value.evidence.append("2 and \(walks.count - GraphView.walksShown) more children at risk linked: "
                                      + walks.dropFirst(GraphView.walksShown).map { snapshot.ref($0.last!) }.joined(separator: ", "))
            }
            value.evidence.sort { $0.prefix(1) < $1.prefix(1) }
            value.score = MarthrScore.score(value, snapshot: snapshot, today: reference)
            value.newestReport = value.reports.map { snapshot.intelDate[Int($0)] }.max()
            return value
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : snapshot.ref($0.entity) < snapshot.ref($1.entity) }
        return scored
    }

    /// Whether `entity` can be a person or network candidate.
    func isPersonOrNetwork(_ entity: Int32) -> Bool {
        snapshot.kind(entity) == .group || snapshot.isAdultOfConcern(entity)
    }

    private func underInvestigation(_ entity: Int32, _ candidate: (Int32, (inout MarthrCandidate) -> Void) -> Void) {
        forEachNeighbour(entity) { operation, link in
            guard snapshot.linkKind(link) == .subjectOf, snapshot.linkFrom[Int(link)] == entity,
                  snapshot.isActiveOperation(operation) else { return }
            candidate(entity) { value in
                value.criteria.insert(1)
                value.evidence.append("1 under investigation: " + words(walk: [entity, operation]) + ", an active operation")
                value.reports.formUnion(visibleSupport(link))
            }
        }
    }

    private func intelligenceAbout(_ entity: Int32, _ candidate: (Int32, (inout MarthrCandidate) -> Void) -> Void) {
        let minimum = filter.minimumGrade
        let graded = visibleAbout(entity).filter { report in
            let assessment = snapshot.intelAssessment[Int(report)]
            guard assessment < 4 else { return false }
            guard let minimum else { return true }
            return Int(snapshot.intelSource[Int(report)]) <= Int(minimum.source.rawValue)!
                && Int(assessment) <= Grading.Assessment.allCases.firstIndex(of: minimum.assessment)!
        }
        guard !graded.isEmpty else { return }
        candidate(entity) { value in
            value.criteria.insert(3)
            let named = graded.map { "\(snapshot.intelRef($0)) (\(snapshot.grading($0)), \(Self.dateText(snapshot.intelDate[Int($0)]) ?? "undated"))" }
            value.evidence.append("3 intelligence about \(snapshot.ref(entity)): " + named.joined(separator: ", "))
            value.reports.formUnion(graded)
        }
    }

    /// Criterion 2 from the child's side: a walk of up to 3 links through connectors only.
    private func linkedToChild(_ child: Int32, _ candidate: (Int32, (inout MarthrCandidate) -> Void) -> Void) {
        var parent: [Int32: Int32] = [child: -1]
        var frontier: [Int32] = [child]
        var reached: [Int32] = []
        for _ in 0..<3 {
            var next: [Int32] = []
            for entity in frontier {
                forEachNeighbour(entity) { neighbour, _ in
                    guard parent[neighbour] == nil else { return }
                    parent[neighbour] = entity
                    if isPersonOrNetwork(neighbour) { reached.append(neighbour) }
                    if GraphView.connectorKinds.contains(snapshot.kind(neighbour)) { next.append(neighbour) }
                }
            }
            frontier = next
        }
        for subject in reached {
            var walk: [Int32] = [subject]
            while let previous = parent[walk[walk.count - 1]], previous >= 0 { walk.append(previous) }
            candidate(subject) { value in
                value.criteria.insert(2)
                value.children.insert(child)
                value.childWalks.append(walk)
                for index in 1..<walk.count { value.reports.formUnion(links(between: walk[index - 1], walk[index]).flatMap(visibleSupport)) }
            }
        }
    }

    private func placeOfConcern(_ place: Int32, _ candidate: (Int32, (inout MarthrCandidate) -> Void) -> Void) {
        var children: [(Int32, Int32)] = []
        var adults: [(walk: [Int32], links: [Int32])] = []
        forEachNeighbour(place) { other, link in
            let kind = snapshot.linkKind(link)
            if snapshot.isAtRiskChild(other), GraphView.placeOfConcernChildKinds.contains(kind) {
                if !children.contains(where: { $0.0 == other }) { children.append((other, link)) }
            } else if snapshot.isAdultOfConcern(other), GraphView.placeOfConcernAdultKinds.contains(kind) {
                adults.append(([other, place], [link]))
            } else if snapshot.kind(other) == .vehicle, kind == .seenAt {
                forEachNeighbour(other) { driver, driveLink in
                    if snapshot.linkKind(driveLink) == .drives, snapshot.isAdultOfConcern(driver) {
                        adults.append(([driver, other, place], [driveLink, link]))
                    }
                }
            }
        }
        guard children.count >= 2 || (children.count == 1 && !adults.isEmpty) else { return }
        candidate(place) { value in
            value.criteria.insert(4)
            for (child, link) in children {
                value.children.insert(child)
                value.evidence.append("4 place of concern: " + words(walk: [child, place]))
                value.reports.formUnion(visibleSupport(link))
            }
            for adult in adults.prefix(10) {
                value.evidence.append("4 place of concern: " + words(walk: adult.walk))
                value.reports.formUnion(adult.links.flatMap(visibleSupport))
            }
        }
    }
}

/// The MARTHR score (docs/QUERIES.md): 25 per criterion met, 10 per at-risk child linked
/// (at most 5), up to 20 for recency (the newest supporting report, falling linearly to 0
/// at a year old) and up to 15 for the best grade among the supporting reports.
enum MarthrScore {
    static func score(_ candidate: MarthrCandidate, snapshot: Snapshot, today: Int32) -> Double {
        var score = 25 * Double(candidate.criteria.count) + 10 * Double(min(candidate.children.count, 5))
        let reports = candidate.reports.filter { snapshot.intelAssessment[Int($0)] < 4 }
        if let newest = reports.map({ snapshot.intelDate[Int($0)] }).max() {
            let age = Double(max(0, today - newest))
            score += 20 * max(0, 1 - age / 365)
        }
        if let best = reports.map({ grade(snapshot, $0) }).max() { score += best }
        return (score * 10).rounded() / 10
    }

    /// Source 1, 2, 3 → 6, 3, 0; assessment A, B, C, D → 9, 6, 3, 0.
    static func grade(_ snapshot: Snapshot, _ report: Int32) -> Double {
        let source = Double(3 - Int(snapshot.intelSource[Int(report)])) * 3
        let assessment = Double(3 - Int(snapshot.intelAssessment[Int(report)])) * 3
        return source + max(0, assessment)
    }
}
