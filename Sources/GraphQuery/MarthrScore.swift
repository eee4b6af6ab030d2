/// The MARTHR score (docs/QUERIES.md): 25 per criterion met, 10 per at-risk child linked
/// (at most 5), up to 20 for recency (the newest supporting report, falling linearly to 0
/// at a year old) and up to 15 for the best grade among the supporting reports.
enum MarthrScore {
    static func score(criteria: Int, children: Int, newest: Int32?, bestGrade: Int, today: Int32) -> Double {
        var score = 25 * Double(criteria) + 10 * Double(min(children, 5))
        if let newest {
            let age = Double(max(0, today - newest))
            score += 20 * max(0, 1 - age / 365)
        }
        if bestGrade >= 0 { score += Double(bestGrade) }
        return (score * 10).rounded() / 10
    }

    /// Source 1, 2, 3 → 6, 3, 0; assessment A, B, C, D → 9, 6, 3, 0.
    static func grade(_ snapshot: Snapshot, _ report: Int32) -> Int8 {
        let source = (3 - Int8(snapshot.intel.source[Int(report)])) * 3
        let assessment = (3 - Int8(snapshot.intel.assessment[Int(report)])) * 3
        return source + max(0, assessment)
    }
}
