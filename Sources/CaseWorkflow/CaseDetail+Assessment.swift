import GraphCore
import GraphStore

extension CaseDetail {
    /// One of the case's assessments, in brief (`assessment.for_case`); the whole record is
    /// ``AssessmentDetail``.
    public struct Assessment: Codable, Sendable, Equatable {
        /// The assessment's reference, `ASMT-NNNNNN`, its framework and day.
        public var ref: String
        public var framework: String
        public var assessedOn: String
        /// `new` or `review`, and the concern assessed (``Concern``).
        public var kind: String
        public var concern: String
        /// The codes of the agencies that took part.
        public var agencies: [String]
        /// The risk level the framework's rules gave (`merseyside:3`).
        public var risk: String
        /// Whether the outcome meant immediate action (1 or 0 in JSON).
        public var immediateAction: Bool
        /// The outcome as stored (``AssessmentOutcome/json``): the level, immediate action and
        /// the rules that applied.
        public var outcome: JSONValue
        /// The intelligence record that carries it into the graph, when there is one.
        public var intelRef: String?

        enum CodingKeys: String, CodingKey {
            case ref, framework
            case assessedOn = "assessed_on"
            case kind, concern, agencies, risk
            case immediateAction = "immediate_action"
            case outcome
            case intelRef = "intel_ref"
        }

        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "assessment")
            ref = try columns.text("ref")
            framework = try columns.text("framework")
            assessedOn = try columns.text("assessed_on")
            kind = try columns.text("kind")
            concern = try columns.text("concern")
            agencies = try columns.json("agencies", as: [String].self)
            risk = try columns.text("risk")
            immediateAction = try columns.flag("immediate_action")
            outcome = try columns.json("outcome", as: JSONValue.self)
            intelRef = try columns.optionalText("intel_ref")
        }

        /// Decodes the JSON form; a yes-or-no field may be 1 or 0, or true or false.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ref = try container.decode(String.self, forKey: .ref)
            framework = try container.decode(String.self, forKey: .framework)
            assessedOn = try container.decode(String.self, forKey: .assessedOn)
            kind = try container.decode(String.self, forKey: .kind)
            concern = try container.decode(String.self, forKey: .concern)
            agencies = try container.decode([String].self, forKey: .agencies)
            risk = try container.decode(String.self, forKey: .risk)
            immediateAction = try container.decodeRequiredFlag(forKey: .immediateAction)
            outcome = try container.decode(JSONValue.self, forKey: .outcome)
            intelRef = try container.decodeIfPresent(String.self, forKey: .intelRef)
        }

        /// The outcome is a stored document: its free text, should it ever hold any, is
        /// pseudonymised by key as every workflow record's was.
        func pseudonymised(by pseudonyms: Pseudonymiser) -> Assessment {
            var shown = self
            shown.outcome = pseudonyms.apply(outcome, keys: Workflow.freeTextKeys)
            return shown
        }

        /// Encodes every key, `null` for what is not recorded.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ref, forKey: .ref)
            try container.encode(framework, forKey: .framework)
            try container.encode(assessedOn, forKey: .assessedOn)
            try container.encode(kind, forKey: .kind)
            try container.encode(concern, forKey: .concern)
            try container.encode(agencies, forKey: .agencies)
            try container.encode(risk, forKey: .risk)
            try container.encodeFlag(immediateAction, forKey: .immediateAction)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(intelRef, forKey: .intelRef)
        }
    }
}
