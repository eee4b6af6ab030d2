import GraphCore

/// A MACCSE panel's briefing pack as its recipient may read it
/// (``Workflow/briefingPack(panel:engine:recipient:on:by:)``): for each child on the agenda,
/// in agenda order, the panel's map of the child's associations, the links new and ended
/// since the area's previous panel, the latest assessment in brief and the case's open
/// actions; printed as one PDF (``pdf(style:)``).
///
/// Everything in it is what the panel audience may see: maps redacted for the panel (other
/// children as "Child N", no code-C link), free text with children outside the recipient's
/// need-to-know pseudonymised, code-C assessment text withheld.
///
/// What changed since the last panel: the previous panel is the area's last one before
/// this one that was not cancelled (`panel.previous_held`). A link is **new** when it was
/// first seen after that panel's day and on or before this panel's day (a link with no
/// first-seen day: first recorded after that panel); a link has **ended** when it is not
/// new and was last seen after that panel's day and before this panel's day, that is no
/// sighting carries it up to this panel. With no previous panel, nothing is counted as
/// changed.
public struct BriefingPack: Sendable, Equatable {
    /// The area's previous panel, from whose day changes are counted.
    public struct PreviousPanel: Sendable, Equatable {
        public var ref: String
        public var heldOn: String
    }

    /// A link that changed, as the panel's map names its ends (pseudonyms for other children).
    public struct LinkChange: Sendable, Equatable {
        public var from: String
        public var to: String
        public var kind: String
        public var firstSeen: String?
        public var lastSeen: String?
    }

    /// The child's latest assessment made on or before the panel's day, in brief.
    public struct AssessmentSummary: Sendable, Equatable {
        public var ref: String
        public var assessedOn: String
        /// `new` or `review`, and the concern in words.
        public var kind: String
        public var concern: String
        /// The level as stored (`merseyside:3`), in words with its place in the framework's
        /// order, and the framework's own label for it when it has one.
        public var risk: String
        public var riskWords: String
        public var riskLabel: String?
        public var immediateAction: Bool
        /// The summary written for the picture; nil when none was written or it is withheld.
        public var summary: String?
        /// Whether the free text is withheld from the panel (graded handling code C).
        public var withheld: Bool
    }

    /// An open action of the child's case.
    public struct ActionDue: Sendable, Equatable {
        public var ref: String
        public var text: String
        public var ownerAgency: String
        public var dueOn: String
        /// Due before the panel's day.
        public var isOverdue: Bool
    }

    /// One child on the agenda.
    public struct Child: Sendable, Equatable {
        /// Its place on the agenda (1 first) and slot.
        public var position: Int
        public var slot: String
        public var caseRef: String
        public var childRef: String
        public var childLabel: String
        /// Why the case is on the agenda, each reason in words.
        public var reasons: [String]
        /// The child's current risk level (`merseyside:3`) and in words, when recorded.
        public var risk: String?
        public var riskWords: String?
        /// The panel's map of the child's associations (one link out) as it stood on the
        /// panel's day (no link first seen after it), redacted for the panel, its changed
        /// links marked; nil when the child is not in the picture.
        public var map: MapGraph?
        public var newLinks: [LinkChange]
        public var endedLinks: [LinkChange]
        public var assessment: AssessmentSummary?
        public var actionsDue: [ActionDue]
    }

    public var panelRef: String
    public var area: String
    public var areaName: String
    public var heldOn: String
    public var startsAt: String
    /// `scheduled`, `held` or `cancelled`.
    public var status: String
    public var coChairs: [String]
    public var previousPanel: PreviousPanel?
    public var children: [Child]
    /// Whom the pack was produced for (the recipient), and the day.
    public var producedFor: String
    public var producedOn: String
    /// The real ids of the records the pack discloses (children, cases, the entities on the
    /// maps), as the audit row names them.
    public var disclosedIds: [String]

    /// The day changes are counted from, when there is an earlier panel.
    public var changesSince: String? { previousPanel?.heldOn }

    /// The file's name: `briefing-pack-PANEL-000001.pdf`.
    public var fileName: String { "briefing-pack-\(panelRef).pdf" }
}
