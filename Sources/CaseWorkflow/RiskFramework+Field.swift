extension RiskFramework {
    /// One field of a framework's assessment form.
    public struct Field: Codable, Sendable, Equatable {
        /// The field's stable code, snake_case: the key of its answer.
        public let code: String
        /// The question as the form shows it.
        public let label: String
        /// What kind of answer the field takes.
        public let type: Kind
        /// Whether an assessment must answer it.
        public let required: Bool
        /// Guidance for the assessor.
        public let help: String
        /// The options of a `choice`, `checklist` or `regions` field; empty for the others.
        public let options: [Option]
        /// The lowest value of a `scale` field.
        public let min: Int?
        /// The highest value of a `scale` field.
        public let max: Int?
        /// What the lowest value of a `scale` means.
        public let minLabel: String?
        /// What the highest value of a `scale` means.
        public let maxLabel: String?

        /// The kinds of answer a field can take.
        public enum Kind: String, Codable, Sendable, CaseIterable {
            /// A whole number from `min` to `max`, such as Merseyside's scaling 1–10.
            case scale
            /// One of the options, such as a harm statement or an NRM stage.
            case choice
            /// Any number of the options, such as LLR's high risk indicators.
            case checklist
            /// Any number of the areas listed as options: where the child was taken.
            case regions
            /// Free text.
            case text
            /// A calendar day, `YYYY-MM-DD`.
            case date
            /// Yes or no.
            case boolean

            /// Decodes a kind, naming the allowed kinds when it is not one of them.
            ///
            /// - Parameter decoder: The decoder to read from.
            /// - Throws: `DecodingError.dataCorrupted` for an unknown kind.
            public init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                let text = try container.decode(String.self)
                guard let kind = Kind(rawValue: text) else {
                    throw DecodingError.dataCorruptedError(
                        in: container,
                        debugDescription: "unknown field type '\(text)'; allowed: "
                            + Kind.allCases.map(\.rawValue).joined(separator: ", ")
                    )
                }
                self = kind
            }

            /// Whether answers pick from the field's options.
            public var hasOptions: Bool {
                self == .choice || self == .checklist || self == .regions
            }

            /// Whether an answer is a list of options rather than one value.
            public var isMultiple: Bool {
                self == .checklist || self == .regions
            }
        }

        /// One option of a `choice`, `checklist` or `regions` field.
        public struct Option: Codable, Sendable, Equatable {
            /// The option's stable code, snake_case: what an answer holds.
            public let code: String
            /// The option as the form shows it.
            public let label: String

            enum CodingKeys: String, CodingKey, CaseIterable {
                case code, label
            }

            /// Decodes an option, refusing unknown members.
            ///
            /// - Parameter decoder: The decoder to read from.
            /// - Throws: `DecodingError` when a member is missing, unknown or of the wrong type.
            public init(from decoder: any Decoder) throws {
                let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
                code = try container.decode(String.self, forKey: .code)
                label = try container.decode(String.self, forKey: .label)
            }
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case code, label, type, required, help, options, min, max
            case minLabel = "min_label"
            case maxLabel = "max_label"
        }

        /// Decodes a field, refusing unknown members; `required` defaults to `false` and
        /// `options` to none.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a member is missing, unknown or of the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            code = try container.decode(String.self, forKey: .code)
            label = try container.decode(String.self, forKey: .label)
            type = try container.decode(Kind.self, forKey: .type)
            required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
            help = try container.decodeIfPresent(String.self, forKey: .help) ?? ""
            options = try container.decodeIfPresent([Option].self, forKey: .options) ?? []
            min = try container.decodeIfPresent(Int.self, forKey: .min)
            max = try container.decodeIfPresent(Int.self, forKey: .max)
            minLabel = try container.decodeIfPresent(String.self, forKey: .minLabel)
            maxLabel = try container.decodeIfPresent(String.self, forKey: .maxLabel)
        }

        /// The option with this code, if there is one.
        ///
        /// - Parameter code: The option's code.
        /// - Returns: The option, or `nil` when the field has none of that code.
        public func option(_ code: String) -> Option? {
            options.first { $0.code == code }
        }

        /// What an answer to this field must look like, for error hints.
        public var allowedAnswers: String {
            switch type {
            case .scale:
                var text = "a whole number from \(min ?? 0) to \(max ?? 0)"
                if let minLabel, let maxLabel {
                    text += "; \(min ?? 0) = \(minLabel), \(max ?? 0) = \(maxLabel)"
                }
                return text
            case .choice:
                return "one of " + options.map(\.code).joined(separator: ", ")
            case .checklist, .regions:
                return "a list of any of " + options.map(\.code).joined(separator: ", ")
            case .text: return "text"
            case .date: return "a date, YYYY-MM-DD"
            case .boolean: return "true or false"
            }
        }
    }
}
