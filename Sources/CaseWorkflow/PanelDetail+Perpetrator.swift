import GraphStore

extension PanelDetail {
    /// An adult of concern or a group referred to the panel by the police (seed 004),
    /// discussed after the victims' cases (``Workflow/referPerpetrator(panel:subject:reason:on:by:)``).
    public struct PerpetratorReferral: Codable, Sendable, Equatable {
        /// The subject: its id, kind (`adult` or `group`) and label.
        public var subjectRef: String
        public var subjectKind: String
        public var subjectLabel: String
        /// What is sought (free text), when and by whom it was referred.
        public var reason: String
        public var referredOn: String
        public var referredBy: String
        /// The subject's home area and its force, for the viewer's scope; not in the JSON.
        var subjectArea: String? = nil
        var subjectForce: String? = nil

        enum CodingKeys: String, CodingKey {
            case subjectRef = "subject_ref"
            case subjectKind = "subject_kind"
            case subjectLabel = "subject_label"
            case reason
            case referredOn = "referred_on"
            case referredBy = "referred_by"
        }

        /// A row of `panel.perpetrator_referrals`.
        init(_ row: StoredRow) throws {
            let columns = ColumnReader(row, "perpetrator referral")
            subjectRef = try columns.text("subject_ref")
            subjectKind = try columns.text("subject_kind")
            subjectLabel = try columns.text("subject_label")
            reason = try columns.text("reason")
            referredOn = try columns.text("referred_on")
            referredBy = try columns.text("referred_by")
            subjectArea = try columns.optionalText("subject_area")
            subjectForce = try columns.optionalText("subject_force")
        }
    }

    /// An open case of the panel's authority that its framework's panel does not discuss
    /// (SERAF: mild risk is not for MACSE), listed so the panel knows of it.
    public struct NotForPanel: Codable, Sendable, Equatable {
        public var caseRef: String
        public var childRef: String
        public var childLabel: String
        /// The child's current risk (`framework:level`) and the level's label.
        public var risk: String
        public var riskLabel: String

        enum CodingKeys: String, CodingKey {
            case caseRef = "case_ref"
            case childRef = "child_ref"
            case childLabel = "child_label"
            case risk
            case riskLabel = "risk_label"
        }
    }
}
