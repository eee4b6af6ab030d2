import GraphStore

extension CaseDetail {
    /// An action raised about the case (`action.for_case`).
    @dynamicMemberLookup
    public struct Action: Codable, Sendable, Equatable {
        /// The action itself; its fields read as the row's own (`action.text`).
        public var item: ActionItem
        /// The day it was closed, done or cancelled.
        public var closedOn: String?

        enum CodingKeys: String, CodingKey {
            case closedOn = "closed_on"
        }

        /// A field of the action (``ActionItem``), read as the row's own.
        public subscript<T>(dynamicMember field: KeyPath<ActionItem, T>) -> T { item[keyPath: field] }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "action")
            item = try ActionItem(columns)
            closedOn = try columns.optionalText("closed_on")
        }

        /// Decodes the JSON form: the action's keys and the row's own, in one object.
        public init(from decoder: any Decoder) throws {
            item = try ActionItem(from: decoder)
            closedOn = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .closedOn)
        }

        func pseudonymised(by pseudonyms: Pseudonymiser) -> Action {
            var shown = self
            shown.item = item.pseudonymised(by: pseudonyms)
            return shown
        }

        /// Encodes the action's keys and its own in one object, `null` for what is not
        /// recorded.
        public func encode(to encoder: any Encoder) throws {
            try item.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(closedOn, forKey: .closedOn)
        }
    }
}
