/// The part of the picture an account covers: the local authorities (or police forces) and
/// the MACCSE panels it works for. Kept on the account (`cegraph account add --area`,
/// `--panel`; the accounts page).
public struct Scope: Sendable, Hashable, Codable {
    /// The area codes covered (local authorities or forces); nil for the whole picture.
    /// An empty set covers nothing.
    public let areas: Set<String>?
    /// The local authorities whose MACCSE panels the account sits on.
    public let panels: Set<String>
    /// Those of ``panels`` whose panels the account chairs: a chair approves the minutes.
    public let chairs: Set<String>

    public init(areas: Set<String>?, panels: Set<String> = [], chairs: Set<String> = []) {
        self.areas = areas
        self.panels = panels.union(chairs)
        self.chairs = chairs
    }

    /// Every area: a role other than panel member added with neither `--area` nor `--panel`.
    public static let wholePicture = Scope(areas: nil)

    /// Whether a record of `area` (a local authority, whose force is `force`) is covered.
    /// A record with no area is covered only by the whole picture: unknown hides.
    public func covers(area: String?, force: String?) -> Bool {
        guard let areas else { return true }
        guard let area else { return false }
        return areas.contains(area) || (force.map(areas.contains) ?? false)
    }
}
