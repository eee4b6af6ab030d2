/// Disruption tools named in the seeds.
public enum DisruptionTool: String, Sendable, CaseIterable, Codable {
    /// Child Abduction Warning Notice.
    case cawn
    case cceWarningNotice = "cce_warning_notice"
    case harbouringNotice = "harbouring_notice"
    case licensing
    case closureOrder = "closure_order"
    case asbPower = "asb_power"
    case abductionOrder = "abduction_order"
    case other

    /// Whether the tool names the child it protects (a CAWN, a harbouring notice).
    public var protectsAChild: Bool { self == .cawn || self == .harbouringNotice }
}
