/// A duty to tell another authority or force of a child's cross-border link (seed 003 §3:
/// "contact must be made with the local CE police lead and the MASH/Front door in the other
/// Local Authority"), found by ``GraphView/crossBorderDuties(child:home:hops:)``.
public struct CrossBorderDuty: Sendable, Equatable {
    /// Who to tell: the MASH / front door of a local authority, or a force's CE police lead.
    public enum Contact: String, Sendable {
        case mash
        case cePoliceLead = "ce_police_lead"
    }

    /// The crossing link, by its database id, and the area to tell (an authority or a force).
    public let linkRowid: Int64
    public let area: String
    public let contact: Contact
    /// The duty in words a partner may read: the child, the crossing link's kind, and what
    /// kind of record lies in which area how far out (never who or what it is).
    public let reason: String
    /// The entities on the walk from the child across the link, by id, the child first: for
    /// readers of the whole picture.
    public let records: [String]
}
