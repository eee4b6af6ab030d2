import GraphStore

extension CaseDetail {
    /// An action raised about the case (`action.for_case`).
    public struct Action: Codable, Sendable, Equatable {
        /// The action's reference, `ACT-NNNNNN`, and what is to be done (free text).
        public var ref: String
        public var text: String
        /// The agency that owns it, and the day it is due.
        public var ownerAgency: String
        public var dueOn: String
        /// `open`, `done` or `cancelled`, and the day it was closed.
        public var status: String
        public var closedOn: String?

        enum CodingKeys: String, CodingKey {
            case ref, text
            case ownerAgency = "owner_agency"
            case dueOn = "due_on"
            case status
            case closedOn = "closed_on"
        }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "action")
            ref = try columns.text("ref")
            text = try columns.text("text")
            ownerAgency = try columns.text("owner_agency")
            dueOn = try columns.text("due_on")
            status = try columns.text("status")
            closedOn = try columns.optionalText("closed_on")
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> Action {
            var shown = self
            shown.text = pseudonyms.apply(text)
            return shown
        }

        /// Encodes every key, `null` for what is not recorded.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ref, forKey: .ref)
            try container.encode(text, forKey: .text)
            try container.encode(ownerAgency, forKey: .ownerAgency)
            try container.encode(dueOn, forKey: .dueOn)
            try container.encode(status, forKey: .status)
            try container.encode(closedOn, forKey: .closedOn)
        }
    }
}
