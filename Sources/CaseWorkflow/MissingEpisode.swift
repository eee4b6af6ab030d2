import GraphCore
import GraphStore

/// A child's missing episode (seeds 002 §11–13, 003 §3): reported missing, from where,
/// found (when, where, with whom), and the return home interview
/// (``Workflow/recordMissing(_:by:)``). The JSON form has every key, `null` where nothing is
/// recorded.
public struct MissingEpisode: Codable, Sendable, Equatable {
    /// Where the child went missing from.
    public enum From: String, Codable, Sendable, CaseIterable {
        case home, care, education, other
    }

    /// The return home interview: offered, done, or declined by the child.
    public enum Interview: String, Codable, Sendable, CaseIterable {
        case offered, done, declined
    }

    /// The episode's reference, `MISS-NNNNNN`, the child, and their home authority then.
    public var ref: String
    public var childRef: String
    public var childLabel: String
    public var area: String?
    /// When the child was reported missing, and from where.
    public var reportedOn: String
    public var missingFrom: From
    /// When and where the child was found, and with whom (free text), once found.
    public var foundOn: String?
    public var foundAtRef: String?
    public var foundAtLabel: String?
    public var foundWith: String?
    /// The return home interview, when, and by whom.
    public var interview: Interview?
    public var interviewOn: String?
    public var interviewBy: String?
    /// A note (free text).
    public var note: String?
    /// The found-at place's area, and its name: the place is named only to a viewer who may
    /// see it (``Workflow/placesShown(_:by:in:)``).
    var foundAtArea: String?
    var foundAtAreaName: String?

    enum CodingKeys: String, CodingKey {
        case ref
        case childRef = "child_ref"
        case childLabel = "child_label"
        case area
        case reportedOn = "reported_on"
        case missingFrom = "missing_from"
        case foundOn = "found_on"
        case foundAtRef = "found_at"
        case foundAtLabel = "found_at_label"
        case foundWith = "found_with"
        case interview
        case interviewOn = "interview_on"
        case interviewBy = "interview_by"
        case note
    }

    /// A row of `missing.for_child`, `missing.reported_since` or `missing.by_ref`.
    init(_ row: StoredRow) throws {
        let columns = ColumnReader(row, "missing episode")
        ref = try columns.text("ref")
        childRef = try columns.text("child_ref")
        childLabel = try columns.text("child_label")
        area = try columns.optionalText("area")
        reportedOn = try columns.text("reported_on")
        missingFrom = From(rawValue: try columns.text("missing_from")) ?? .other
        foundOn = try columns.optionalText("found_on")
        foundAtRef = try columns.optionalText("found_at_ref")
        foundAtLabel = try columns.optionalText("found_at_label")
        foundWith = try columns.optionalText("found_with")
        interview = try columns.optionalText("interview").flatMap(Interview.init)
        interviewOn = try columns.optionalText("interview_on")
        interviewBy = try columns.optionalText("interview_by")
        note = try columns.optionalText("note")
        foundAtArea = try columns.optionalText("found_at_area")
        foundAtAreaName = try columns.optionalText("found_at_area_name")
    }

    /// The episode with every child outside the viewer's need-to-know named "Child N" in its
    /// free text.
    func pseudonymised(by pseudonyms: Pseudonymiser) -> MissingEpisode {
        var shown = self
        shown.foundWith = foundWith.map(pseudonyms.apply)
        shown.note = note.map(pseudonyms.apply)
        return shown
    }

    /// Encodes every key, `null` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(childRef, forKey: .childRef)
        try container.encode(childLabel, forKey: .childLabel)
        try container.encode(area, forKey: .area)
        try container.encode(reportedOn, forKey: .reportedOn)
        try container.encode(missingFrom, forKey: .missingFrom)
        try container.encode(foundOn, forKey: .foundOn)
        try container.encode(foundAtRef, forKey: .foundAtRef)
        try container.encode(foundAtLabel, forKey: .foundAtLabel)
        try container.encode(foundWith, forKey: .foundWith)
        try container.encode(interview, forKey: .interview)
        try container.encode(interviewOn, forKey: .interviewOn)
        try container.encode(interviewBy, forKey: .interviewBy)
        try container.encode(note, forKey: .note)
    }
}

/// A missing episode to record or update (``Workflow/recordMissing(_:by:)``).
public struct MissingInput: Sendable {
    /// The child, and the episode when updating one (default: the child's episode not yet
    /// found, when `foundOn` or the interview is given; else a new episode).
    public var child: String
    public var episode: String?
    public var reportedOn: CalendarDate?
    public var from: MissingEpisode.From
    public var foundOn: CalendarDate?
    public var foundAt: String?
    public var foundWith: String?
    public var interview: MissingEpisode.Interview?
    public var interviewOn: CalendarDate?
    public var interviewBy: String?
    public var note: String?

    public init(child: String, episode: String? = nil, reportedOn: CalendarDate? = nil, from: MissingEpisode.From = .home,
                foundOn: CalendarDate? = nil, foundAt: String? = nil, foundWith: String? = nil,
                interview: MissingEpisode.Interview? = nil, interviewOn: CalendarDate? = nil, interviewBy: String? = nil,
                note: String? = nil) {
        self.child = child
        self.episode = episode
        self.reportedOn = reportedOn
        self.from = from
        self.foundOn = foundOn
        self.foundAt = foundAt
        self.foundWith = foundWith
        self.interview = interview
        self.interviewOn = interviewOn
        self.interviewBy = interviewBy
        self.note = note
    }
}
