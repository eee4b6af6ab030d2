extension RiskFramework {
    /// The outcome rules of a framework: how answers give a level, and which answers mean
    /// immediate action.
    public struct Outcome: Codable, Sendable, Equatable {
        /// Level rules, tried in order; the first that applies gives the level. The last has
        /// no condition, so every valid assessment gets a level.
        public let level: [Rule]
        /// Immediate-action rules: when any applies, the child's safeguarding starts now
        /// and does not wait for a panel. Level rules can also mean immediate action.
        public let immediateAction: [Rule]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case level
            case immediateAction = "immediate_action"
        }

        /// Decodes outcome rules, refusing unknown members; `immediate_action` defaults to
        /// none.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a member is missing, unknown or of the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            level = try container.decode([Rule].self, forKey: .level)
            immediateAction = try container.decodeIfPresent([Rule].self, forKey: .immediateAction) ?? []
        }
    }
}
