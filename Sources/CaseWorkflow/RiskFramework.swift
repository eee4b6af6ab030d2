import Foundation
import GraphCore

/// A regional risk framework as data: its levels, the fields of its assessment, and the
/// rules that turn an assessment's answers into a risk level.
///
/// Frameworks differ by region (Merseyside's scaling, LLR's CSE1, Wales's SERAF), and a
/// partnership changes its forms more often than its software, so each framework is a JSON
/// file in `Resources/frameworks/` (see `docs/RISK_FRAMEWORKS.md`) rather than Swift. A
/// decoded framework has always been validated: every level belongs to
/// ``GraphCore/RiskLevel/Framework``, every rule names a field that exists and has the
/// right type, and the rules always give a level.
public struct RiskFramework: Codable, Sendable, Equatable {
    /// Which framework this is; its levels are ``GraphCore/RiskLevel/Framework/levels``.
    public let code: RiskLevel.Framework
    /// The framework's name, as a panel knows it.
    public let name: String
    /// Where the definition comes from.
    public let source: Source
    /// The levels, from most to least risk.
    public let levels: [Level]
    /// The assessment's fields, in form order.
    public let fields: [Field]
    /// How the answers give the risk level and when they mean immediate action.
    public let outcome: Outcome

    /// The document a framework is drawn from.
    public struct Source: Codable, Sendable, Equatable {
        /// The seed file (or a partnership's own document) the definition comes from.
        public let seed: String
        /// The section of that document: appendix, form or heading.
        public let section: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case seed, section
        }

        /// Decodes a source, refusing unknown members.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a member is missing, unknown or of the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            seed = try container.decode(String.self, forKey: .seed)
            section = try container.decode(String.self, forKey: .section)
        }
    }

    /// One risk level of a framework.
    public struct Level: Codable, Sendable, Equatable {
        /// The level's code, one of ``GraphCore/RiskLevel/Framework/levels``.
        public let code: String
        /// A short label for forms and maps.
        public let label: String
        /// What the level means for the child, in the framework's words.
        public let description: String
        /// Whether a child at this level is still at risk, so still needs the panel.
        public let stillAtRisk: Bool
        /// The level's colour on the panel's main list (red, amber or yellow); nil for a
        /// level not at risk. A partnership may set its own (``PartnershipSettings/riskColours``).
        public let colour: RiskColour?
        /// Whether a case at this level is discussed at the panel (SERAF's MACSE takes
        /// significant and moderate risk only); true unless the definition says not.
        public let discussedAtPanel: Bool

        enum CodingKeys: String, CodingKey, CaseIterable {
            case code, label, description
            case stillAtRisk = "still_at_risk"
            case colour
            case discussedAtPanel = "panel"
        }

        /// Decodes a level, refusing unknown members.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` when a member is missing, unknown or of the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            code = try container.decode(String.self, forKey: .code)
            label = try container.decode(String.self, forKey: .label)
            description = try container.decode(String.self, forKey: .description)
            stillAtRisk = try container.decode(Bool.self, forKey: .stillAtRisk)
            colour = try container.decodeIfPresent(RiskColour.self, forKey: .colour)
            discussedAtPanel = try container.decodeIfPresent(Bool.self, forKey: .discussedAtPanel) ?? true
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, source, levels, fields, outcome
    }

    /// Decodes and validates a framework definition.
    ///
    /// Validation happens here, not in a separate step, so that no unchecked framework can
    /// exist: a rule naming a missing field would otherwise fail only when a child's
    /// assessment reaches it.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` for a malformed definition, ``WorkflowError`` (with the JSON
    ///   path in `field`) for one that breaks a rule of the format.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let codeText = try container.decode(String.self, forKey: .code)
        guard let code = RiskLevel.Framework(rawValue: codeText) else {
            throw WorkflowError(
                operation: Self.loadOperation, message: "'\(codeText)' is not a known framework", field: "code",
                hint: "one of " + RiskLevel.Framework.allCases.map(\.rawValue).joined(separator: ", ")
            )
        }
        self.code = code
        name = try container.decode(String.self, forKey: .name)
        source = try container.decode(Source.self, forKey: .source)
        levels = try container.decode([Level].self, forKey: .levels)
        fields = try container.decode([Field].self, forKey: .fields)
        outcome = try container.decode(Outcome.self, forKey: .outcome)
        try validate()
    }

    /// The operation named in errors about definition files.
    static let loadOperation = "load framework"

    /// The field with this code, if there is one.
    ///
    /// - Parameter code: The field's code, such as `scaling`.
    /// - Returns: The field, or `nil` when the framework has none of that code.
    public func field(_ code: String) -> Field? {
        fields.first { $0.code == code }
    }

    /// The level with this code, if there is one.
    ///
    /// - Parameter code: The level's code, such as `high`.
    /// - Returns: The level, or `nil` when the framework has none of that code.
    public func level(_ code: String) -> Level? {
        levels.first { $0.code == code }
    }
}
