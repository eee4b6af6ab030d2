import GraphCore

/// The filters every query takes (issue 3, "Shared filters").
///
/// A link passes when its kind is allowed, both its ends pass, its seen dates overlap the
/// window, it was recorded by the as-of date, and its supporting intelligence (as recorded by
/// that date, and as the viewer may see it) passes the grading rules:
/// - a link whose every supporting report is graded E (suspected false) is left out unless
///   ``includeSuspectedFalse``;
/// - with a ``minimumGrade``, a link needs at least one supporting report at or above it,
///   so ungraded links (no report attached) are left out too;
/// - otherwise a link with no report attached counts as ungraded and passes.
public struct QueryFilter: Hashable, Sendable {
    /// The link kinds to follow; nil for all.
    public var linkKinds: Set<LinkKind>?
    /// The entity kinds to include; nil for all.
    public var entityKinds: Set<EntityKind>?
    /// Keep links last seen on or after this date (undated links are left out).
    public var since: CalendarDate?
    /// Keep links first seen on or before this date (undated links are left out).
    public var until: CalendarDate?
    /// Only what was recorded by the end of this date.
    public var asOf: CalendarDate?
    /// Only links supported by a report at or above this grade.
    public var minimumGrade: MinimumGrade?
    /// Keep links whose supporting reports are all graded E.
    public var includeSuspectedFalse = false
    /// Whether the viewer may see reports with handling code C. Reports the viewer may not
    /// see do not count as support.
    public var includeHandlingCodeC = true
    /// The viewer whose need-to-know limits the entities (``seen(by:)``): only those they
    /// may see (``Access/admits(kind:ref:area:force:)``) are in the view, so no walk,
    /// count or ranking goes through any other. Nil: every entity.
    public var visibleTo: Access?

    public init(linkKinds: Set<LinkKind>? = nil, entityKinds: Set<EntityKind>? = nil, since: CalendarDate? = nil,
                until: CalendarDate? = nil, asOf: CalendarDate? = nil, minimumGrade: MinimumGrade? = nil,
                includeSuspectedFalse: Bool = false, includeHandlingCodeC: Bool = true) {
        self.linkKinds = linkKinds
        self.entityKinds = entityKinds
        self.since = since
        self.until = until
        self.asOf = asOf
        self.minimumGrade = minimumGrade
        self.includeSuspectedFalse = includeSuspectedFalse
        self.includeHandlingCodeC = includeHandlingCodeC
    }

    /// The filter's settings for the audit log and JSON output.
    public var json: JSONValue {
        var object: [String: JSONValue] = [:]
        if let linkKinds { object["link_kinds"] = .array(linkKinds.map(\.rawValue).sorted().map { .string($0) }) }
        if let entityKinds { object["entity_kinds"] = .array(entityKinds.map(\.rawValue).sorted().map { .string($0) }) }
        if let since { object["since"] = .string(since.description) }
        if let until { object["until"] = .string(until.description) }
        if let asOf { object["as_of"] = .string(asOf.description) }
        if let minimumGrade { object["min_grade"] = .string(minimumGrade.description) }
        if includeSuspectedFalse { object["include_suspected_false"] = .bool(true) }
        if !includeHandlingCodeC { object["include_handling_code_c"] = .bool(false) }
        return .object(object)
    }
}
