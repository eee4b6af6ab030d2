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
/// Each criterion is written once, against a ``MarthrCollector``: a tally over the whole
/// picture ranks it, and the same code fills the detail of the candidates shown.
extension GraphView {
    /// Criterion 2 walks written out in full per candidate; the rest are listed by child.
    static let walksShown = 10

    private static func kindTable(_ kinds: Set<LinkKind>) -> [Bool] { Snapshot.linkKinds.map(kinds.contains) }
    private static let childPlaceLinks = kindTable([.foundAt, .takenTo, .frequents, .livesAt])
    private static let adultPlaceLinks = kindTable([.livesAt, .worksAt, .owns, .frequents])
    private static let connectors = Snapshot.entityKinds.map { [.vehicle, .phone, .handle, .location].contains($0) }
    private static let location = UInt8(Snapshot.entityKinds.firstIndex(of: .location)!)
    private static let vehicle = UInt8(Snapshot.entityKinds.firstIndex(of: .vehicle)!)
    private static let group = UInt8(Snapshot.entityKinds.firstIndex(of: .group)!)
    private static let subjectOf = UInt8(Snapshot.linkKinds.firstIndex(of: .subjectOf)!)
    private static let seenAt = UInt8(Snapshot.linkKinds.firstIndex(of: .seenAt)!)
    private static let drives = UInt8(Snapshot.linkKinds.firstIndex(of: .drives)!)

    /// Every candidate, best first, scored against `today`: criteria, child count and
    /// score only (``marthrDetail(_:)`` gives the evidence).
    public func marthrCandidates(today: CalendarDate) -> [MarthrCandidate] {
        var tally = MarthrTally(snapshot)
        for entity in 0..<Int32(snapshot.entityCount) where includes(entity: entity) {
            applyCriteria(entity, &tally)
        }
        let reference = Int32(today.daysSinceEpoch)
        var ranked: [(score: Double, entity: Int32)] = []
        for entity in 0..<snapshot.entityCount where tally.criteria[entity] != 0 {
            let newest = tally.newest[entity] == Int32.min ? nil : tally.newest[entity]
            ranked.append((MarthrScore.score(criteria: tally.criteria[entity].nonzeroBitCount, children: Int(tally.children[entity]),
                                             newest: newest, bestGrade: Int(tally.bestGrade[entity]), today: reference),
                           Int32(entity)))
        }
        // Best first; ties in the order the entities were first recorded.
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.entity < $1.entity }
        return ranked.map { score, entity in
            var candidate = MarthrCandidate(entity: entity)
            candidate.criteriaMask = tally.criteria[Int(entity)]
            candidate.childCount = Int(tally.children[Int(entity)])
            candidate.newestReport = tally.newest[Int(entity)] == Int32.min ? nil : tally.newest[Int(entity)]
            candidate.score = score
            return candidate
        }
    }

    /// The candidate with its children, reports and facts filled in.
    public func marthrDetail(_ candidate: MarthrCandidate) -> MarthrCandidate {
        var detail = MarthrDetail(candidate: candidate)
        applyCriteria(candidate.entity, &detail)
        return detail.candidate
    }

    /// Runs every criterion that can apply to `entity` as a subject.
    private func applyCriteria<C: MarthrCollector>(_ entity: Int32, _ collector: inout C) {
        let isPlace = snapshot.entities.kind[Int(entity)] == GraphView.location
        guard isPlace || isPersonOrNetwork(entity) else { return }
        underInvestigation(entity, &collector)
        intelligenceAbout(entity, &collector)
        if isPlace { placeOfConcern(entity, &collector) } else { linkedToChildren(entity, &collector) }
    }

    /// Whether `entity` can be a person or network candidate.
    @inline(__always)
    func isPersonOrNetwork(_ entity: Int32) -> Bool {
        snapshot.entities.kind[Int(entity)] == GraphView.group || snapshot.isAdultOfConcern(entity)
    }

    private func underInvestigation<C: MarthrCollector>(_ entity: Int32, _ collector: inout C) {
        forEachNeighbour(entity) { operation, link in
            guard snapshot.links.kind[Int(link)] == GraphView.subjectOf, snapshot.links.from[Int(link)] == entity,
                  snapshot.isActiveOperation(operation) else { return }
            collector.met(1, entity)
            for report in snapshot.support(link) where isVisible(report: report) { collector.report(entity, report) }
            if collector.wantsFacts { collector.fact(entity, MarthrFact(criterion: 1, walk: [entity, operation], reports: [])) }
        }
    }

    private func intelligenceAbout<C: MarthrCollector>(_ entity: Int32, _ collector: inout C) {
        let minimum = filter.minimumGrade
        var graded: [Int32] = []
        for report in snapshot.about(entity) {
            let assessment = snapshot.intel.assessment[Int(report)]
            guard assessment < 4, isVisible(report: report),
                  minimum?.admits(source: snapshot.intel.source[Int(report)], assessment: assessment) ?? true else { continue }
            graded.append(report)
        }
        guard !graded.isEmpty else { return }
        collector.met(3, entity)
        for report in graded { collector.report(entity, report) }
        if collector.wantsFacts { collector.fact(entity, MarthrFact(criterion: 3, walk: [], reports: graded)) }
    }

    /// Criterion 2: at-risk children within 3 links of the subject, every entity between
    /// them a connector (vehicle, phone, handle, location).
    private func linkedToChildren<C: MarthrCollector>(_ subject: Int32, _ collector: inout C) {
        let index = connectorIndex()
        snapshot.withScratch { scratch in
            // `distanceB` holds each reached entity's parent on the way from the subject.
            scratch.visit(subject, distance: 0)
            scratch.distanceB[Int(subject)] = -1
            scratch.grade[Int(subject)] = -1
            scratch.newest[Int(subject)] = Int32.min
            func reach(_ entity: Int32, from parent: Int32) -> Bool {
                if scratch.visited(entity) { return false }
                scratch.visit(entity, distance: 0)
                scratch.distanceB[Int(entity)] = parent
                scratch.grade[Int(entity)] = GraphView.notSummed
                return true
            }
            var first: [Int32] = [], second: [Int32] = []
            forEachNeighbour(subject) { neighbour, _ in
                if snapshot.isAtRiskChild(neighbour) {
                    if reach(neighbour, from: subject) { reachedChild(neighbour, from: subject, scratch: scratch, &collector) }
                } else if GraphView.connectors[Int(snapshot.entities.kind[Int(neighbour)])], reach(neighbour, from: subject) {
                    first.append(neighbour)
                }
            }
            for connector in first {
                for child in index.children(of: connector) where reach(child, from: connector) {
                    reachedChild(child, from: subject, scratch: scratch, &collector)
                }
                for next in index.connectors(of: connector) where reach(next, from: connector) { second.append(next) }
            }
            for connector in second {
                for child in index.children(of: connector) where reach(child, from: connector) {
                    reachedChild(child, from: subject, scratch: scratch, &collector)
                }
            }
        }
    }

    /// The view's connector index, built on first use.
    private func connectorIndex() -> ConnectorIndex {
        if let index = mask.connectorIndex.withLock({ $0 }) { return index }
        let index = ConnectorIndex(self, isConnector: GraphView.connectors)
        mask.connectorIndex.withLock { $0 = index }
        return index
    }

    /// Marks a walk step whose reports have not been summed yet.
    private static let notSummed: Int8 = -2

    private func reachedChild<C: MarthrCollector>(_ child: Int32, from subject: Int32, scratch: Scratch, _ collector: inout C) {
        collector.met(2, subject)
        collector.child(subject, child)
        guard collector.wantsFacts else {
            // Ranking: the walk's newest report and best grade, summed once per entity on it.
            let (newest, grade) = walkSummary(child, scratch: scratch)
            collector.reports(subject, newest: newest, bestGrade: grade)
            return
        }
        var walk: [Int32] = [child]
        while case let parent = scratch.distanceB[Int(walk[walk.count - 1])], parent >= 0 {
            for link in links(between: walk[walk.count - 1], parent) {
                for report in snapshot.support(link) where isVisible(report: report) { collector.report(subject, report) }
            }
            walk.append(parent)
        }
        collector.fact(subject, MarthrFact(criterion: 2, walk: walk.reversed(), reports: []))
    }

    /// The newest report date and best grade (not graded E) on the walk from the subject
    /// to `entity`, remembered per entity in the scratch.
    private func walkSummary(_ entity: Int32, scratch: Scratch) -> (Int32, Int8) {
        let known = scratch.grade[Int(entity)]
        if known != GraphView.notSummed { return (scratch.newest[Int(entity)], known) }
        let parent = scratch.distanceB[Int(entity)]
        var (newest, grade) = walkSummary(parent, scratch: scratch)
        forEachLink(between: entity, parent) { link in
            for report in snapshot.support(link) where snapshot.intel.assessment[Int(report)] < 4 && isVisible(report: report) {
                newest = max(newest, snapshot.intel.date[Int(report)])
                grade = max(grade, MarthrScore.grade(snapshot, report))
            }
        }
        scratch.newest[Int(entity)] = newest
        scratch.grade[Int(entity)] = grade
        return (newest, grade)
    }

    private func placeOfConcern<C: MarthrCollector>(_ place: Int32, _ collector: inout C) {
        var children: [(child: Int32, link: Int32)] = []
        var adults: [(walk: [Int32], links: [Int32])] = []
        forEachNeighbour(place) { other, link in
            let kind = Int(snapshot.links.kind[Int(link)])
            if snapshot.isAtRiskChild(other), GraphView.childPlaceLinks[kind] {
                if !children.contains(where: { $0.child == other }) { children.append((other, link)) }
            } else if snapshot.isAdultOfConcern(other), GraphView.adultPlaceLinks[kind] {
                adults.append(([place, other], [link]))
            } else if snapshot.entities.kind[Int(other)] == GraphView.vehicle, kind == Int(GraphView.seenAt) {
                forEachNeighbour(other) { driver, driveLink in
                    if snapshot.links.kind[Int(driveLink)] == GraphView.drives, snapshot.isAdultOfConcern(driver) {
                        adults.append(([place, other, driver], [link, driveLink]))
                    }
                }
            }
        }
        guard children.count >= 2 || (children.count == 1 && !adults.isEmpty) else { return }
        collector.met(4, place)
        for (child, link) in children {
            collector.child(place, child)
            for report in snapshot.support(link) where isVisible(report: report) { collector.report(place, report) }
            if collector.wantsFacts { collector.fact(place, MarthrFact(criterion: 4, walk: [place, child], reports: [])) }
        }
        for adult in adults.prefix(10) {
            for link in adult.links {
                for report in snapshot.support(link) where isVisible(report: report) { collector.report(place, report) }
            }
            if collector.wantsFacts { collector.fact(place, MarthrFact(criterion: 4, walk: adult.walk, reports: [])) }
        }
    }

    /// The candidate's evidence in words (fill it with ``marthrDetail(_:)`` first):
    /// entities, links with their reports and gradings. Up to ``walksShown`` criterion-2
    /// walks are written out, shortest first; the other children are listed by id.
    public func evidence(for candidate: MarthrCandidate) -> [String] {
        var lines: [String] = []
        for fact in candidate.facts where fact.criterion == 1 {
            lines.append("1 under investigation: " + words(walk: fact.walk) + ", an active operation")
        }
        let walks = candidate.facts.filter { $0.criterion == 2 }.map(\.walk)
            .sorted { ($0.count, $0.last!) < ($1.count, $1.last!) }
        for walk in walks.prefix(GraphView.walksShown) { lines.append("2 linked to a child at risk: " + words(walk: walk)) }
        if walks.count > GraphView.walksShown {
            lines.append("2 and \(walks.count - GraphView.walksShown) more children at risk linked: "
                         + walks.dropFirst(GraphView.walksShown).map { snapshot.ref($0.last!) }.joined(separator: ", "))
        }
        for fact in candidate.facts where fact.criterion == 3 {
            let named = fact.reports.map {
                "\(snapshot.intelRef($0)) (\(snapshot.grading($0)), \(Self.dateText(snapshot.intel.date[Int($0)]) ?? "undated"))"
            }
            lines.append("3 intelligence about \(snapshot.ref(candidate.entity)): " + named.joined(separator: ", "))
        }
        for fact in candidate.facts where fact.criterion == 4 {
            lines.append("4 place of concern: " + words(walk: fact.walk))
        }
        return lines
    }
}
