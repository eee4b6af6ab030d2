import GraphCore

/// MARTHR candidates: seed 003's thresholds for discussion as the protocol words them
/// (issue 20), judged on a day, computed on a view.
///
/// Candidates are persons or networks (adults recorded as of concern, and groups) and
/// places. The thresholds:
/// 1. under investigation: `subject_of` an active operation;
/// 2. linked to a specific child at risk on the day, where the relationship may expose the
///    child to harm: directly, or by a walk of at most 3 links whose in-between entities are
///    all vehicles, phones, handles or places, every link of a kind that can expose a child
///    to harm (``MarthrThresholds/exposingLinks``) or recorded as a concern by its
///    intelligence. A subject who is the child's family or household (a `parent_of` or
///    `sibling_of` link, or a home they both live at) counts only where intelligence
///    records a concern on the walk;
/// 3. intelligence suggesting a risk of harm from the subject (`harm_from`), graded at least
///    ``MarthrThresholds/harmMinimumGrade`` and dated within ``MarthrThresholds/harmWindowDays``;
/// 4. a place where at least ``MarthrThresholds/placeChildren`` different children at risk
///    were taken or found within ``MarthrThresholds/placeWindowDays``, or a place flagged as
///    a location of concern.
/// Each threshold is written once, against a ``MarthrCollector``: a tally over the whole
/// picture ranks it, and the same code fills the detail of the candidates shown.
extension GraphView {
    /// Threshold 2 walks written out in full per candidate; the rest are listed by child.
    static let walksShown = 10

    private static let connectors = Snapshot.entityKinds.map { [.vehicle, .phone, .handle, .location].contains($0) }
    private static let location = UInt8(Snapshot.entityKinds.firstIndex(of: .location)!)
    private static let group = UInt8(Snapshot.entityKinds.firstIndex(of: .group)!)
    private static let subjectOf = UInt8(Snapshot.linkKinds.firstIndex(of: .subjectOf)!)

    /// Every candidate, best first, judged and scored on `today`: thresholds, child count
    /// and score only (``marthrDetail(_:rules:)`` gives the evidence). Entities in
    /// `excluding` (subjects MARTHR already manages) are left out.
    public func marthrCandidates(rules: MarthrRules, excluding: Set<Int32> = []) -> [MarthrCandidate] {
        var tally = MarthrTally(snapshot)
        for entity in 0..<Int32(snapshot.entityCount) where includes(entity: entity) && !excluding.contains(entity) {
            applyCriteria(entity, rules, &tally)
        }
        var ranked: [(score: Double, entity: Int32)] = []
        for entity in 0..<snapshot.entityCount where tally.criteria[entity] != 0 {
            let newest = tally.newest[entity] == Int32.min ? nil : tally.newest[entity]
            ranked.append((MarthrScore.score(criteria: tally.criteria[entity].nonzeroBitCount, children: Int(tally.children[entity]),
                                             newest: newest, bestGrade: Int(tally.bestGrade[entity]), today: rules.day),
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
    func marthrDetail(_ candidate: MarthrCandidate, rules: MarthrRules) -> MarthrCandidate {
        var detail = MarthrDetail(candidate: candidate)
        applyCriteria(candidate.entity, rules, &detail)
        return detail.candidate
    }

    /// Judges one entity, whether or not it would be ranked: the thresholds it meets on the
    /// day, with the evidence (a nomination's claim is confirmed against this).
    func marthrJudge(_ entity: Int32, rules: MarthrRules) -> MarthrCandidate {
        var detail = MarthrDetail(candidate: MarthrCandidate(entity: entity))
        applyCriteria(entity, rules, &detail)
        return detail.candidate
    }

    /// Runs every threshold that can apply to `entity` as a subject.
    private func applyCriteria<C: MarthrCollector>(_ entity: Int32, _ rules: MarthrRules, _ collector: inout C) {
        let isPlace = snapshot.entities.kind[Int(entity)] == GraphView.location
        guard isPlace || isPersonOrNetwork(entity) else { return }
        underInvestigation(entity, &collector)
        harmFrom(entity, rules, &collector)
        if isPlace { placeOfConcern(entity, rules, &collector) } else { linkedToChildren(entity, rules, &collector) }
    }

    /// Whether `entity` can be a person or network candidate: a group, or an adult recorded
    /// as of concern (never by default). The snapshot's flag counts only what every role may
    /// read; a view that includes handling-code-C intelligence also counts the harm and
    /// concerns only such reports record.
    func isPersonOrNetwork(_ entity: Int32) -> Bool {
        if snapshot.entities.kind[Int(entity)] == GraphView.group || snapshot.isAdultOfConcern(entity) { return true }
        guard filter.includeHandlingCodeC, snapshot.kind(entity) == .adult else { return false }
        if snapshot.harmReports(entity).contains(where: isVisible(report:)) { return true }
        var concern = false
        forEachNeighbour(entity) { _, link in
            if !concern, snapshot.concernReports(link).contains(where: isVisible(report:)) { concern = true }
        }
        return concern
    }

    private func underInvestigation<C: MarthrCollector>(_ entity: Int32, _ collector: inout C) {
        forEachNeighbour(entity) { operation, link in
            guard snapshot.links.kind[Int(link)] == GraphView.subjectOf, snapshot.links.from[Int(link)] == entity,
                  snapshot.isActiveOperation(operation) else { return }
            collector.met(1, entity)
            for report in snapshot.support(link) where isVisible(report: report) { collector.report(entity, report) }
            if collector.wantsFacts {
                collector.fact(entity, MarthrFact(criterion: 1, walk: [entity, operation], steps: [link],
                                                  why: "the subject of an active operation"))
            }
        }
    }

    /// Threshold 3: intelligence suggesting a risk of harm from the subject, graded well
    /// enough and recent enough.
    private func harmFrom<C: MarthrCollector>(_ entity: Int32, _ rules: MarthrRules, _ collector: inout C) {
        let minimum = filter.minimumGrade
        var graded: [Int32] = []
        for report in snapshot.harmReports(entity) {
            let source = snapshot.intel.source[Int(report)], assessment = snapshot.intel.assessment[Int(report)]
            let date = snapshot.intel.date[Int(report)]
            guard isVisible(report: report), rules.minimumGrade.admits(source: source, assessment: assessment),
                  minimum?.admits(source: source, assessment: assessment) ?? true,
                  date != Snapshot.noDate, date >= rules.harmFrom, date <= rules.day else { continue }
            graded.append(report)
        }
        guard !graded.isEmpty else { return }
        collector.met(3, entity)
        for report in graded { collector.report(entity, report) }
        if collector.wantsFacts {
            collector.fact(entity, MarthrFact(criterion: 3, walk: [], reports: graded,
                                              why: "graded \(rules.thresholds.harmMinimumGrade) or better, within "
                                                  + "\(rules.thresholds.harmWindowDays) days"))
        }
    }

    /// Threshold 2: children at risk on the day within 3 links of the subject, every entity
    /// between them a connector and every link one that can expose a child to harm.
    private func linkedToChildren<C: MarthrCollector>(_ subject: Int32, _ rules: MarthrRules, _ collector: inout C) {
        let index = connectorIndex(rules)
        let household = householdPlaces(of: subject, rules)
        snapshot.withScratch { scratch in
            // `distanceB` holds each reached entity's parent on the way from the subject and
            // `distance` the link to it; `concerned` the entities reached by a walk with a
            // link recorded as a concern.
            var concerned = Set<Int32>()
            scratch.visit(subject, distance: -1)
            scratch.distanceB[Int(subject)] = -1
            scratch.grade[Int(subject)] = -1
            scratch.newest[Int(subject)] = Int32.min
            func reach(_ entity: Int32, from parent: Int32, link: Int32) -> Bool {
                if scratch.visited(entity) { return false }
                scratch.visit(entity, distance: link)
                scratch.distanceB[Int(entity)] = parent
                scratch.grade[Int(entity)] = GraphView.notSummed
                if concerned.contains(parent) || !snapshot.concernReports(link).isEmpty { concerned.insert(entity) }
                return true
            }
            func child(_ child: Int32) {
                guard snapshot.isAtRiskChild(child, on: rules.day) else { return }
                let concern = concerned.contains(child)
                if !concern, isFamily(subject, child, household: household, rules) { return }
                reachedChild(child, from: subject, concern: concern, scratch: scratch, &collector)
            }
            var first: [Int32] = [], second: [Int32] = []
            forEachNeighbour(subject) { neighbour, link in
                guard rules.exposing[Int(snapshot.links.kind[Int(link)])] || !snapshot.concernReports(link).isEmpty else { return }
                if snapshot.wasEverAtRisk(neighbour) {
                    if reach(neighbour, from: subject, link: link) { child(neighbour) }
                } else if GraphView.connectors[Int(snapshot.entities.kind[Int(neighbour)])], reach(neighbour, from: subject, link: link) {
                    first.append(neighbour)
                }
            }
            for connector in first {
                for position in index.children(of: connector) where reach(index.children[position], from: connector,
                                                                            link: index.childLinks[position]) {
                    child(index.children[position])
                }
                for position in index.connectors(of: connector) where reach(index.connectors[position], from: connector,
                                                                              link: index.connectorLinks[position]) {
                    second.append(index.connectors[position])
                }
            }
            for connector in second {
                for position in index.children(of: connector) where reach(index.children[position], from: connector,
                                                                            link: index.childLinks[position]) {
                    child(index.children[position])
                }
            }
        }
    }

    /// The places `subject` lives at (by a family or household kind of link).
    private func householdPlaces(of subject: Int32, _ rules: MarthrRules) -> [Int32] {
        var places: [Int32] = []
        forEachNeighbour(subject) { neighbour, link in
            if rules.family[Int(snapshot.links.kind[Int(link)])], snapshot.entities.kind[Int(neighbour)] == GraphView.location {
                places.append(neighbour)
            }
        }
        return places
    }

    /// Whether `subject` is `child`'s family or household: a family kind of link between
    /// them, or a place both are linked to by one.
    private func isFamily(_ subject: Int32, _ child: Int32, household: [Int32], _ rules: MarthrRules) -> Bool {
        var family = false
        forEachNeighbour(child) { neighbour, link in
            guard !family, rules.family[Int(snapshot.links.kind[Int(link)])] else { return }
            if neighbour == subject || household.contains(neighbour) { family = true }
        }
        return family
    }

    /// The view's connector index for the rules' link kinds, built on first use.
    private func connectorIndex(_ rules: MarthrRules) -> ConnectorIndex {
        if let index = mask.connectorIndex.withLock({ $0 }), index.passing == rules.exposing { return index }
        let index = ConnectorIndex(self, isConnector: GraphView.connectors, passing: rules.exposing)
        mask.connectorIndex.withLock { $0 = index }
        return index
    }

    /// Marks a walk step whose reports have not been summed yet.
    private static let notSummed: Int8 = -2

    private func reachedChild<C: MarthrCollector>(_ child: Int32, from subject: Int32, concern: Bool, scratch: Scratch,
                                                  _ collector: inout C) {
        collector.met(2, subject)
        collector.child(subject, child)
        guard collector.wantsFacts else {
            // Ranking: the walk's newest report and best grade, summed once per entity on it.
            let (newest, grade) = walkSummary(child, scratch: scratch)
            collector.reports(subject, newest: newest, bestGrade: grade)
            return
        }
        var walk: [Int32] = [child], steps: [Int32] = [], concerns: [Int32] = []
        while case let parent = scratch.distanceB[Int(walk[walk.count - 1])], parent >= 0 {
            let link = scratch.distance[Int(walk[walk.count - 1])]
            for report in snapshot.support(link) where isVisible(report: report) { collector.report(subject, report) }
            concerns += snapshot.concernReports(link).filter(isVisible(report:))
            steps.append(link)
            walk.append(parent)
        }
        let kinds = Set(steps.map { snapshot.linkKind($0).rawValue }).sorted().joined(separator: ", ")
        let why = concern && !concerns.isEmpty
            ? "intelligence records a concern about the relationship (" + concerns.map(snapshot.intelRef).joined(separator: ", ") + ")"
            : "linked by \(kinds), which can expose a child to harm"
        collector.fact(subject, MarthrFact(criterion: 2, walk: walk.reversed(), steps: steps.reversed(), reports: concerns, why: why))
    }

    /// The newest report date and best grade (not graded E) on the walk from the subject
    /// to `entity`, remembered per entity in the scratch.
    private func walkSummary(_ entity: Int32, scratch: Scratch) -> (Int32, Int8) {
        let known = scratch.grade[Int(entity)]
        if known != GraphView.notSummed { return (scratch.newest[Int(entity)], known) }
        let parent = scratch.distanceB[Int(entity)]
        var (newest, grade) = walkSummary(parent, scratch: scratch)
        let link = scratch.distance[Int(entity)]
        for report in snapshot.support(link) where snapshot.intel.assessment[Int(report)] < 4 && isVisible(report: report) {
            newest = max(newest, snapshot.intel.date[Int(report)])
            grade = max(grade, MarthrScore.grade(snapshot, report))
        }
        scratch.newest[Int(entity)] = newest
        scratch.grade[Int(entity)] = grade
        return (newest, grade)
    }

    /// Threshold 4: children at risk taken or found at the place within the window, or the
    /// place flagged as a location of concern.
    private func placeOfConcern<C: MarthrCollector>(_ place: Int32, _ rules: MarthrRules, _ collector: inout C) {
        var children: [(child: Int32, link: Int32)] = []
        forEachNeighbour(place) { other, link in
            guard rules.placeLinks[Int(snapshot.links.kind[Int(link)])] else { return }
            let last = snapshot.links.last[Int(link)] != Snapshot.noDate ? snapshot.links.last[Int(link)] : snapshot.links.first[Int(link)]
            guard last != Snapshot.noDate, last >= rules.placeFrom,
                  snapshot.isAtRiskChild(other, on: min(last, rules.day)) || snapshot.isAtRiskChild(other, on: rules.day) else { return }
            if !children.contains(where: { $0.child == other }) { children.append((other, link)) }
        }
        let flagged = snapshot.isPlaceFlagged(place)
        guard children.count >= rules.thresholds.placeChildren || flagged else { return }
        collector.met(4, place)
        if flagged, collector.wantsFacts {
            collector.fact(place, MarthrFact(criterion: 4, walk: [place], why: "flagged as a location of concern"))
        }
        for (child, link) in children {
            collector.child(place, child)
            for report in snapshot.support(link) where isVisible(report: report) { collector.report(place, report) }
            if collector.wantsFacts {
                collector.fact(place, MarthrFact(criterion: 4, walk: [place, child], steps: [link],
                                                 why: "a child at risk \(snapshot.linkKind(link) == .takenTo ? "taken" : "found") here"))
            }
        }
    }

    /// The candidate's evidence in words (fill it with ``marthrDetail(_:rules:)`` first):
    /// which threshold it meets and why, with the entities, links, reports and gradings.
    /// Up to ``walksShown`` threshold 2 walks are written out, shortest first; the other
    /// children are listed by id.
    func evidence(for candidate: MarthrCandidate, rules: MarthrRules) -> [String] {
        var lines: [String] = []
        for fact in candidate.facts where fact.criterion == 1 {
            lines.append("1 under investigation: " + words(walk: fact.walk, through: fact.steps) + ", an active operation")
        }
        let walks = candidate.facts.filter { $0.criterion == 2 }
            .sorted { ($0.walk.count, $0.walk.last!) < ($1.walk.count, $1.walk.last!) }
        for fact in walks.prefix(GraphView.walksShown) {
            lines.append("2 linked to a child at risk, " + fact.why + ": " + words(walk: fact.walk, through: fact.steps))
        }
        if walks.count > GraphView.walksShown {
            lines.append("2 and \(walks.count - GraphView.walksShown) more children at risk linked: "
                         + walks.dropFirst(GraphView.walksShown).map { snapshot.ref($0.walk.last!) }.joined(separator: ", "))
        }
        for fact in candidate.facts where fact.criterion == 3 {
            let named = fact.reports.map {
                "\(snapshot.intelRef($0)) (\(snapshot.grading($0)), \(Self.dateText(snapshot.intel.date[Int($0)]) ?? "undated"))"
            }
            lines.append("3 intelligence suggests a risk of harm from \(snapshot.ref(candidate.entity)), " + fact.why + ": "
                         + named.joined(separator: ", "))
        }
        let places = candidate.facts.filter { $0.criterion == 4 }
        let children = places.filter { $0.walk.count == 2 }.count
        for fact in places where fact.walk.count == 1 {
            lines.append("4 a place of potential risk, " + fact.why + ": " + words(fact.walk[0]))
        }
        if children > 0 {
            lines.append("4 a place of potential risk: \(children) child\(children == 1 ? "" : "ren") at risk taken or found here "
                         + "within \(rules.thresholds.placeWindowDays) days (\(rules.thresholds.placeChildren) make a place of concern)")
        }
        for fact in places where fact.walk.count == 2 {
            let link = fact.steps[0]
            let day = snapshot.links.last[Int(link)] != Snapshot.noDate ? snapshot.links.last[Int(link)] : snapshot.links.first[Int(link)]
            lines.append("4 " + fact.why + " (\(Self.dateText(day) ?? "undated")): " + words(walk: fact.walk, through: fact.steps))
        }
        return lines
    }
}
