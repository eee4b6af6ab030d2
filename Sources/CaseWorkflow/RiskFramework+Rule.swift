extension RiskFramework {
    /// One outcome rule: when its condition holds (or always, without one), it gives a
    /// level, takes the level from an answer, or means immediate action.
    ///
    /// In JSON: `{"when": {"any_of": "high_indicators"}, "level": "high",
    /// "immediate_action": true, "reason": "..."}` or `{"level_from": "scaling"}`.
    public struct Rule: Codable, Sendable, Equatable {
        /// The condition; `nil` means the rule always applies.
        public let when: Condition?
        /// The level the rule gives, a code of the framework's levels.
        public let level: String?
        /// The `scale` or `choice` field whose answer is the level.
        public let levelFrom: String?
        /// Whether the rule, when it applies, means immediate action.
        public let immediateAction: Bool
        /// Why the rule exists, in words a panel can read; shown with the outcome.
        public let reason: String

        /// A test on one answer. Exactly one form is used:
        /// `{"any_of": "checklist_field"}` (at least one option ticked),
        /// `{"field": "choice_field", "in": ["option", ...]}`,
        /// `{"field": "boolean_field", "is": true}`, or
        /// `{"field": "scale_field", "at_most": 3}` / `"at_least"` (either or both).
        public struct Condition: Codable, Sendable, Equatable {
            /// A `checklist` or `regions` field that must have at least one option ticked.
            public let anyOf: String?
            /// The `choice`, `boolean` or `scale` field tested by `in`, `is`, `at_most` or
            /// `at_least`.
            public let field: String?
            /// The options of a `choice` field that make the condition hold.
            public let `in`: [String]?
            /// The value of a `boolean` field that makes the condition hold.
            public let `is`: Bool?
            /// The highest value of a `scale` field for which the condition holds.
            public let atMost: Int?
            /// The lowest value of a `scale` field for which the condition holds.
            public let atLeast: Int?

            enum CodingKeys: String, CodingKey, CaseIterable {
                case anyOf = "any_of"
                case field, `in`, `is`
                case atMost = "at_most"
                case atLeast = "at_least"
            }

            /// Decodes a condition, refusing unknown members.
            ///
            /// - Parameter decoder: The decoder to read from.
            /// - Throws: `DecodingError` when a member is unknown or of the wrong type.
            public init(from decoder: any Decoder) throws {
                let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
                anyOf = try container.decodeIfPresent(String.self, forKey: .anyOf)
                field = try container.decodeIfPresent(String.self, forKey: .field)
                `in` = try container.decodeIfPresent([String].self, forKey: .in)
                `is` = try container.decodeIfPresent(Bool.self, forKey: .is)
                atMost = try container.decodeIfPresent(Int.self, forKey: .atMost)
                atLeast = try container.decodeIfPresent(Int.self, forKey: .atLeast)
            }

            /// The field the condition reads.
            public var fieldCode: String? { anyOf ?? field }
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case when, level
            case levelFrom = "level_from"
            case immediateAction = "immediate_action"
            case reason
        }

        /// Decodes a rule, refusing unknown members; `immediate_action` defaults to `false`.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a member is missing, unknown or of the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            when = try container.decodeIfPresent(Condition.self, forKey: .when)
            level = try container.decodeIfPresent(String.self, forKey: .level)
            levelFrom = try container.decodeIfPresent(String.self, forKey: .levelFrom)
            immediateAction = try container.decodeIfPresent(Bool.self, forKey: .immediateAction) ?? false
            reason = try container.decode(String.self, forKey: .reason)
        }
    }
}
