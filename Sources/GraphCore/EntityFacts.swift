/// What the store derives from an entity's attributes: the label people read, the
/// normalised key that identifies it, and the text the full-text index holds.
public struct EntityFacts: Sendable, Equatable {
    /// The label shown for the entity (a name, a VRM, `@handle (platform)`, a number).
    public let label: String
    /// The normalised key of a vehicle, phone or handle; `nil` for other kinds.
    public let key: String?
    /// The entity's area code, if it has one.
    public let area: String?
    /// Aliases, space-separated, for the full-text index.
    public let aliases: String
    /// Search forms of the key fields (VRM, phone forms, handle, postcode, address).
    public let keys: String

    /// Derives the facts from a kind and its stored attributes.
    public init(kind: EntityKind, attributes: [String: JSONValue]) {
        func text(_ name: String) -> String? { attributes[name]?.stringValue }
        switch kind {
        case .vehicle:
            let vrm = text("vrm") ?? ""
            label = vrm
            key = vrm
            keys = vrm
        case .phone:
            let number = text("number") ?? ""
            label = number
            key = number
            keys = Normalise.phoneSearchForms(number).joined(separator: " ")
        case .handle:
            let handle = text("handle") ?? ""
            let platform = text("platform") ?? ""
            label = "@\(handle) (\(platform))"
            key = "\(platform):\(handle)"
            keys = "\(handle) \(platform)"
        case .location:
            label = text("name") ?? ""
            key = nil
            let postcode = text("postcode")
            keys = [postcode, postcode.map(Normalise.compact), text("address")].compactMap { $0 }.joined(separator: " ")
        case .child, .adult, .group, .operation:
            label = text("name") ?? ""
            key = nil
            keys = ""
        }
        area = text(kind == .operation ? "lead_force" : "area")
        aliases = (attributes["aliases"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " ; ")
    }

    /// The name of the field that holds the key, for errors about a clash.
    public static func keyField(of kind: EntityKind) -> String? {
        switch kind {
        case .vehicle: return "vrm"
        case .phone: return "number"
        case .handle: return "handle"
        default: return nil
        }
    }
}
