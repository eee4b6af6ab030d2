import GraphCore

/// One dated event in a child's or subject's chronology (``Timeline``): a link first or
/// last seen, a report, a referral, an assessment, a panel's decision, a MARTHR
/// discussion, a missing episode, a placement, a notice, a flag. Each names the record it
/// comes from, so a page can link to it.
public struct TimelineEvent: Sendable, Equatable, Encodable {
    /// What kind of record an event comes from; the timeline's filter chooses among these.
    public enum Kind: String, Sendable, CaseIterable, Codable, Comparable {
        case link, intelligence, referral, ceCase = "case", assessment, panel, marthr, missing, placement, notice, flag

        /// The kind in words, as the filter's boxes name it.
        public var words: String {
            switch self {
            case .link: return "Links"
            case .intelligence: return "Intelligence"
            case .referral: return "Referrals"
            case .ceCase: return "MACCSE case"
            case .assessment: return "Assessments"
            case .panel: return "Panels"
            case .marthr: return "MARTHR"
            case .missing: return "Missing episodes"
            case .placement: return "Placements"
            case .notice: return "Notices"
            case .flag: return "Flags"
            }
        }

        /// The kinds a chronology of an entity of `kind` can hold: a child's case work is
        /// theirs alone; anyone may have links, reports, MARTHR discussions, notices and flags.
        public static func kinds(for kind: EntityKind) -> [Kind] {
            kind == .child ? allCases : [.link, .intelligence, .marthr, .notice, .flag]
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The record an event comes from: what it is (`entity`, `intel`, `referral`, `case`,
    /// `assessment`, `panel`, `marthr`, `missing`, `placement`, `disruption`, `flag`) and its
    /// reference. `opens` is false for a record named but not to be linked (another entity
    /// the viewer may not open); `caseRef` names the child's case whose page shows a record
    /// that has no page of its own (a missing episode, a placement).
    public struct Record: Sendable, Equatable, Encodable {
        public var what: String
        public var ref: String
        public var opens: Bool
        public var caseRef: String?

        public init(_ what: String, _ ref: String, opens: Bool = true, caseRef: String? = nil) {
            (self.what, self.ref, self.opens, self.caseRef) = (what, ref, opens, caseRef)
        }

        enum CodingKeys: String, CodingKey {
            case what, ref, opens
            case caseRef = "case"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(what, forKey: .what)
            try container.encode(ref, forKey: .ref)
            try container.encode(opens, forKey: .opens)
            try container.encode(caseRef, forKey: .caseRef)
        }
    }

    /// The day it happened (`YYYY-MM-DD`).
    public var on: String
    public var kind: Kind
    /// What happened, in a line: "First seen: associates with Adult A".
    public var title: String
    /// More, when there is any: a report's text, a decision's reason, where a child was found.
    public var detail: String?
    public var record: Record

    public init(on: String, kind: Kind, title: String, detail: String? = nil, record: Record) {
        self.on = String(on.prefix(10))
        (self.kind, self.title, self.detail, self.record) = (kind, title, detail?.isEmpty == true ? nil : detail, record)
    }

    enum CodingKeys: String, CodingKey { case on, kind, title, detail, record }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(on, forKey: .on)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(detail, forKey: .detail)
        try container.encode(record, forKey: .record)
    }
}
