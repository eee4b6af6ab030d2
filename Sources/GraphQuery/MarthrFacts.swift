/// What MARTHR's thresholds read from the store besides entities and links (issue 20):
/// intelligence that suggests a risk of harm from an entity, reports recording a concern
/// about the relationship a link stands for, and children's time at risk.
struct MarthrFacts: Sendable {
    /// The reports suggesting harm from entity `e`: `harmIntel[harmOffsets[e]..<harmOffsets[e+1]]`
    /// (empty offsets when none were read).
    let harmOffsets: [Int32]
    let harmIntel: [Int32]
    /// The reports recording a concern about link `l`'s relationship, by link.
    let concernReports: [Int32: [Int32]]
    let riskPeriods: RiskPeriods

    init(harmOffsets: [Int32] = [], harmIntel: [Int32] = [], concernReports: [Int32: [Int32]] = [:],
         riskPeriods: RiskPeriods = RiskPeriods()) {
        self.harmOffsets = harmOffsets
        self.harmIntel = harmIntel
        self.concernReports = concernReports
        self.riskPeriods = riskPeriods
    }
}
