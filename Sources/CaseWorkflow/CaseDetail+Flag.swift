import GraphStore

extension CaseDetail {
    /// A flag on the case's child (`flag.for_entity`), with whether it is present on the day
    /// asked: a police flag removed by MACCSE stays to the end of its expiry day.
    public struct Flag: Codable, Sendable, Equatable {
        /// The flag's number in the store.
        public var id: Int64
        /// The flag (`cse`, `cce`, `ce`, ...) and the agency that owns it.
        public var flag: String
        public var ownerAgency: String
        /// When it was set, is next reviewed, was removed, and (a police flag) expires.
        public var setOn: String
        public var reviewOn: String?
        public var removedOn: String?
        public var expiresOn: String?
        /// The panels whose decisions set and removed it, when panels did.
        public var setAtPanel: String?
        public var removedAtPanel: String?
        /// Whether it is present on the day asked (1 or 0 in JSON).
        public var present: Bool

        enum CodingKeys: String, CodingKey {
            case id, flag
            case ownerAgency = "owner_agency"
            case setOn = "set_on"
            case reviewOn = "review_on"
            case removedOn = "removed_on"
            case expiresOn = "expires_on"
            case setAtPanel = "set_at_panel"
            case removedAtPanel = "removed_at_panel"
            case present
        }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "flag")
            id = try columns.integer("id")
            flag = try columns.text("flag")
            ownerAgency = try columns.text("owner_agency")
            setOn = try columns.text("set_on")
            reviewOn = try columns.optionalText("review_on")
            removedOn = try columns.optionalText("removed_on")
            expiresOn = try columns.optionalText("expires_on")
            setAtPanel = try columns.optionalText("set_at_panel")
            removedAtPanel = try columns.optionalText("removed_at_panel")
            present = try columns.flag("present")
        }

        /// Decodes the JSON form; a yes-or-no field may be 1 or 0, or true or false.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(Int64.self, forKey: .id)
            flag = try container.decode(String.self, forKey: .flag)
            ownerAgency = try container.decode(String.self, forKey: .ownerAgency)
            setOn = try container.decode(String.self, forKey: .setOn)
            reviewOn = try container.decodeIfPresent(String.self, forKey: .reviewOn)
            removedOn = try container.decodeIfPresent(String.self, forKey: .removedOn)
            expiresOn = try container.decodeIfPresent(String.self, forKey: .expiresOn)
            setAtPanel = try container.decodeIfPresent(String.self, forKey: .setAtPanel)
            removedAtPanel = try container.decodeIfPresent(String.self, forKey: .removedAtPanel)
            present = try container.decodeRequiredFlag(forKey: .present)
        }

        /// Encodes every key, `null` for what is not recorded.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(flag, forKey: .flag)
            try container.encode(ownerAgency, forKey: .ownerAgency)
            try container.encode(setOn, forKey: .setOn)
            try container.encode(reviewOn, forKey: .reviewOn)
            try container.encode(removedOn, forKey: .removedOn)
            try container.encode(expiresOn, forKey: .expiresOn)
            try container.encode(setAtPanel, forKey: .setAtPanel)
            try container.encode(removedAtPanel, forKey: .removedAtPanel)
            try container.encodeFlag(present, forKey: .present)
        }
    }
}
