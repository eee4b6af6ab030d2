import GraphStore

/// One person at a panel: who is recorded as attending (``Workflow/recordAttendance(panel:_:by:)``), and
/// who a panel's record lists (``PanelDetail/attendees``).
public struct Attendee: Codable, Sendable, Equatable {
    /// Their name, and the code of the agency they attend for.
    public var name: String
    public var agency: String
    /// Whether they signed the confidentiality statement (1 or 0 in JSON).
    public var signedConfidentiality: Bool

    enum CodingKeys: String, CodingKey {
        case name, agency
        case signedConfidentiality = "signed_confidentiality"
    }

    /// An attendee to record.
    public init(name: String, agency: String, signedConfidentiality: Bool) {
        self.name = name
        self.agency = agency
        self.signedConfidentiality = signedConfidentiality
    }

    /// A row of `panel.attendees`.
    init(_ row: StoredRow) throws {
        let columns = ColumnReader(row, "attendee")
        name = try columns.text("name")
        agency = try columns.text("agency")
        signedConfidentiality = try columns.flag("signed_confidentiality")
    }

    /// Decodes the JSON form; a yes-or-no field may be 1 or 0, or true or false.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        agency = try container.decode(String.self, forKey: .agency)
        signedConfidentiality = try container.decodeRequiredFlag(forKey: .signedConfidentiality)
    }

    /// Encodes every key, the signature as 1 or 0.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(agency, forKey: .agency)
        try container.encodeFlag(signedConfidentiality, forKey: .signedConfidentiality)
    }
}
