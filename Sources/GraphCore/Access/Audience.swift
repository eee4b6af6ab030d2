/// Who will see a map or an export, which decides what it may show (DESIGN.md, "Audiences").
public enum Audience: String, CaseIterable, Sendable {
    /// Everything the viewer may see, with report references and gradings.
    case analyst
    /// As analyst, for MARTHR packs.
    case police
    /// Multi-agency panel members: nothing that rests only on handling-code-C reports, no
    /// report references or gradings, and every child but the map's subject pseudonymised.
    case panel
}
