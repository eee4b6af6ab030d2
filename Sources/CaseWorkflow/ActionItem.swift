/// An action as a panel's record lists it, whether the panel raised it
/// (``PanelDetail/Action``) or it was carried from an earlier panel
/// (``PanelDetail/CarriedAction``): what a panel member's view and the panel page read of
/// either.
public protocol ActionItem: Encodable, Sendable {
    /// The action's reference, `ACT-NNNNNN`.
    var ref: String { get }
    /// What is to be done (free text).
    var text: String { get }
    /// The agency that owns it.
    var ownerAgency: String { get }
    /// `open`, `done` or `cancelled`.
    var status: String { get }
    /// The case it is about, when it names one.
    var caseRef: String? { get }
    /// The person, place or vehicle it concerns, when it names one.
    var subjectRef: String? { get }
}

extension PanelDetail.Action: ActionItem {}

extension PanelDetail.CarriedAction: ActionItem {}
