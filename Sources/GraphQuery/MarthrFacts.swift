/// What MARTHR's thresholds read from the store besides entities and links (issue 20):
/// intelligence that suggests a risk of harm from an entity, reports recording a concern
/// about the relationship a link stands for, and children's time at risk.
struct MarthrFacts: Sendable {
    /// The reports suggesting harm from each entity.
    var harm: Groups
    /// The reports recording a concern about link `l`'s relationship, by link.
    var concernReports: [Int32: [Int32]]
    var riskPeriods: RiskPeriods

    init(harm: Groups = Groups(), concernReports: [Int32: [Int32]] = [:], riskPeriods: RiskPeriods = RiskPeriods()) {
        self.harm = harm
        self.concernReports = concernReports
        self.riskPeriods = riskPeriods
    }
}
