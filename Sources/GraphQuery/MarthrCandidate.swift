/// A candidate for the next MARTHR meeting: a person, network or place meeting at least one
/// of the protocol's thresholds (seed 003), with the evidence behind it.
///
/// Ranking the whole picture fills only the criteria, the count of children and the score;
/// ``GraphView/marthrDetail(_:)`` fills the children, reports and facts for the candidates
/// shown, so ranking a million entities stays fast.
public struct MarthrCandidate: Sendable {
    public let entity: Int32
    /// The thresholds met, one bit each (criterion n is bit n - 1).
    var criteriaMask: UInt8 = 0
    /// The thresholds met, 1–4, ascending (docs/QUERIES.md).
    public var criteria: [Int] { (1...4).filter { criteriaMask & (1 << UInt8($0 - 1)) != 0 } }
    /// How many at-risk children the candidate is linked to (criteria 2 and 4).
    public var childCount = 0
    /// The score (docs/QUERIES.md, "MARTHR score").
    public var score: Double = 0
    /// The date of the newest supporting report not graded E, days since 1970, if any.
    public var newestReport: Int32?
    /// The at-risk children (filled by the detail).
    public var children: Set<Int32> = []
    /// The reports behind the evidence (filled by the detail).
    public var reports: Set<Int32> = []
    /// The facts behind each criterion (filled by the detail).
    var facts: [MarthrFact] = []

    init(entity: Int32) {
        self.entity = entity
    }
}

/// One piece of evidence: a walk from the candidate (to an operation, a child, a child at a
/// place), or the reports suggesting harm from the subject, with why it counts in words.
struct MarthrFact: Sendable {
    let criterion: Int
    /// Entities in order, starting at the candidate; empty for reports about it.
    let walk: [Int32]
    /// The link of each step of the walk.
    var steps: [Int32] = []
    /// The reports (criterion 3, and those recording a concern for criterion 2).
    var reports: [Int32] = []
    /// Why it counts, in words.
    var why = ""
}

/// What the criteria report as they find things: a tally over the whole picture, or the
/// full detail for one candidate.
protocol MarthrCollector {
    /// Whether walks should be built (they cost allocations).
    var wantsFacts: Bool { get }
    mutating func met(_ criterion: Int, _ subject: Int32)
    mutating func child(_ subject: Int32, _ child: Int32)
    mutating func report(_ subject: Int32, _ report: Int32)
    /// What a set of supporting reports adds to the score: the newest date and the best
    /// grade among those not graded E (Int32.min and -1 for none).
    mutating func reports(_ subject: Int32, newest: Int32, bestGrade: Int8)
    mutating func fact(_ subject: Int32, _ fact: MarthrFact)
}

/// Criteria, child counts and the score's inputs for every entity, in flat arrays.
struct MarthrTally: MarthrCollector {
    var criteria: [UInt8]
    var children: [Int32]
    var newest: [Int32]
    var bestGrade: [Int8]
    let snapshot: Snapshot
    var wantsFacts: Bool { false }

    init(_ snapshot: Snapshot) {
        self.snapshot = snapshot
        criteria = Array(repeating: 0, count: snapshot.entityCount)
        children = Array(repeating: 0, count: snapshot.entityCount)
        newest = Array(repeating: Int32.min, count: snapshot.entityCount)
        bestGrade = Array(repeating: -1, count: snapshot.entityCount)
    }

    mutating func met(_ criterion: Int, _ subject: Int32) { criteria[Int(subject)] |= 1 << UInt8(criterion - 1) }
    mutating func child(_ subject: Int32, _ child: Int32) { children[Int(subject)] += 1 }
    mutating func fact(_ subject: Int32, _ fact: MarthrFact) {}

    mutating func report(_ subject: Int32, _ report: Int32) {
        guard snapshot.intel.assessment[Int(report)] < 4 else { return }
        reports(subject, newest: snapshot.intel.date[Int(report)], bestGrade: MarthrScore.grade(snapshot, report))
    }

    mutating func reports(_ subject: Int32, newest: Int32, bestGrade: Int8) {
        self.newest[Int(subject)] = max(self.newest[Int(subject)], newest)
        self.bestGrade[Int(subject)] = max(self.bestGrade[Int(subject)], bestGrade)
    }
}

/// Everything about one candidate.
struct MarthrDetail: MarthrCollector {
    var candidate: MarthrCandidate
    var wantsFacts: Bool { true }

    mutating func met(_ criterion: Int, _ subject: Int32) { candidate.criteriaMask |= 1 << UInt8(criterion - 1) }
    mutating func child(_ subject: Int32, _ child: Int32) { candidate.children.insert(child) }
    mutating func report(_ subject: Int32, _ report: Int32) { candidate.reports.insert(report) }
    mutating func reports(_ subject: Int32, newest: Int32, bestGrade: Int8) {}
    mutating func fact(_ subject: Int32, _ fact: MarthrFact) { candidate.facts.append(fact) }
}
