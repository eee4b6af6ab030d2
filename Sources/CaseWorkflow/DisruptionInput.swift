import GraphCore

/// A notice for the disruption register: one already served (``Workflow/recordDisruption(_:by:)``),
/// or, with no `servedOn`, a draft to be approved and served
/// (``Workflow/draftDisruption(_:on:by:)``).
public struct DisruptionInput: Sendable {
    /// The adult, group, location or vehicle it is against.
    public var subject: String
    public var tool: DisruptionTool
    /// The day it was served; nil for a draft.
    public var servedOn: CalendarDate?
    public var expiresOn: CalendarDate?
    /// The child a CAWN or harbouring notice protects.
    public var child: String?
    public var outcome: String?
    /// The MARTHR meeting that agreed it.
    public var meeting: String?
    public var note: String?

    public init(subject: String, tool: DisruptionTool, servedOn: CalendarDate? = nil, expiresOn: CalendarDate? = nil,
                child: String? = nil, outcome: String? = nil, meeting: String? = nil, note: String? = nil) {
        self.subject = subject
        self.tool = tool
        self.servedOn = servedOn
        self.expiresOn = expiresOn
        self.child = child
        self.outcome = outcome
        self.meeting = meeting
        self.note = note
    }
}
