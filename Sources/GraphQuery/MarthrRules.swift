import GraphCore

/// ``MarthrThresholds`` made ready for the walks: tables by link kind, and the day asked
/// with the windows as day numbers.
public struct MarthrRules: Sendable {
    let thresholds: MarthrThresholds
    /// The day the thresholds are judged on (days since 1970).
    let day: Int32
    let exposing: [Bool]
    let family: [Bool]
    let placeLinks: [Bool]
    let minimumGrade: MinimumGrade
    /// The first day intelligence of harm counts from.
    let harmFrom: Int32
    /// The first day a child taken or found at a place counts from.
    let placeFrom: Int32

    /// - Throws: ``QueryError`` naming a setting that cannot be used.
    public init(_ thresholds: MarthrThresholds, day: CalendarDate) throws {
        try thresholds.validate()
        self.thresholds = thresholds
        self.day = Int32(day.daysSinceEpoch)
        exposing = Snapshot.linkKinds.map(thresholds.exposingLinks.contains)
        family = Snapshot.linkKinds.map(thresholds.familyLinks.contains)
        placeLinks = Snapshot.linkKinds.map(thresholds.placeLinks.contains)
        minimumGrade = try thresholds.minimumGrade()
        harmFrom = self.day - Int32(thresholds.harmWindowDays) + 1
        placeFrom = self.day - Int32(thresholds.placeWindowDays) + 1
    }
}
