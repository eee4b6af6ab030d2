/// What a viewer may see, decided on typed values (docs/ROLES.md): their role, their
/// scope, and for a panel member the children on their agendas. The store, the query
/// engine and the workflow ask it about every record they read; anything missing or
/// unknown is hidden.
public struct Access: Sendable, Hashable {
    /// The viewer's role; nil for no one signed in, who may see nothing.
    public let role: Role?
    /// The areas and panels the viewer covers.
    public let scope: Scope
    /// For a panel member, the children on their panels' agendas (refs, with database
    /// ids): the only children they may see. Nil for every other role. The server reads
    /// them once per request.
    public let children: [String: Int64]?
    /// For a viewer limited to some areas, the children placed in them now by another
    /// authority (a current placement, issue 19; refs with database ids): within their
    /// need-to-know as if their home were covered, since the front door where a child lives
    /// is theirs. Empty for everyone else. The server reads them once per request.
    public let placedChildren: [String: Int64]
    /// Whether handling-code-C material is held back although the role may read it: a map
    /// or export for a panel audience (``narrowed(to:)``).
    public let withholdsHandlingCodeC: Bool
    /// What a viewer who may not read handling-code-C material gets of free text (report
    /// text, handling conditions, link notes): the partnership's choice
    /// (`partnerFreeText` in its settings). Police roles read it whole whatever this says.
    public let partnerFreeText: FreeText

    /// What a viewer gets of the police's free text.
    public enum FreeText: String, Sendable, Hashable {
        /// All of it, as written: police roles.
        case whole
        /// None of it: the default for partners.
        case withheld
        /// All of it, with the name and aliases of every child outside the viewer's
        /// need-to-know replaced by a pseudonym ("Child 1").
        case pseudonymised
    }

    /// The agency the viewer works for (a code of the `agency` table), if recorded: a panel
    /// member updates only the actions their agency owns.
    public let agency: String?

    /// For a panel member, the first day whose panels' agendas still count: an earlier
    /// panel (or a cancelled one) is not theirs to open. Nil for every other role; a panel
    /// member without it opens no panel.
    public let agendaSince: CalendarDate?
    /// Whether this is the command line's operator, who may do everything.
    private let isOperator: Bool

    public init(role: Role?, scope: Scope, children: [String: Int64]? = nil, withholdsHandlingCodeC: Bool = false,
                partnerFreeText: FreeText = .withheld, agency: String? = nil, agendaSince: CalendarDate? = nil,
                placedChildren: [String: Int64] = [:]) {
        self.init(role: role, scope: scope, children: children, withholdsHandlingCodeC: withholdsHandlingCodeC,
                  partnerFreeText: partnerFreeText, agency: agency, agendaSince: agendaSince, isOperator: false,
                  placedChildren: placedChildren)
    }

    private init(role: Role?, scope: Scope, children: [String: Int64]?, withholdsHandlingCodeC: Bool,
                 partnerFreeText: FreeText, agency: String?, agendaSince: CalendarDate?, isOperator: Bool,
                 placedChildren: [String: Int64] = [:]) {
        self.isOperator = isOperator
        // Only a viewer limited to some areas gains placed children (a panel member's are their agendas').
        self.placedChildren = scope.areas != nil && role != .panelMember ? placedChildren : [:]
        self.agendaSince = agendaSince
        self.role = role
        self.agency = agency
        self.scope = scope
        self.withholdsHandlingCodeC = withholdsHandlingCodeC
        self.partnerFreeText = partnerFreeText
        // A panel member without their agenda read sees no child: never every child.
        self.children = role == .panelMember ? (children ?? [:]) : children
    }

    /// No one signed in: nothing may be seen.
    public static let nobody = Access(role: nil, scope: Scope(areas: []))

    /// The command line's operator: whoever holds the database file holds the whole
    /// picture, so the command line may read and do everything (it audits every read and
    /// write all the same). Shown as an analyst where a role is asked for.
    public static let commandLine = Access(role: .analyst, scope: .wholePicture, children: nil, withholdsHandlingCodeC: false,
                                           partnerFreeText: .withheld, agency: nil, agendaSince: nil, isOperator: true)

    /// Whether the viewer sees the whole picture as the police do: no scope, no agenda,
    /// nothing held back. Every entity there is may be opened.
    public var seesWholePicture: Bool {
        scope.areas == nil && children == nil && readsHandlingCodeC
    }

    /// Whether the viewer may do `permission`.
    public func may(_ permission: Permission) -> Bool { isOperator || (role?.may(permission) ?? false) }

    /// Whether the viewer may see handling-code-C reports (and what rests only on them).
    public var readsHandlingCodeC: Bool { may(.readHandlingCodeC) && !withholdsHandlingCodeC }

    /// What the viewer gets of free text: whole for police roles, else the partnership's
    /// choice for partners (never whole).
    public var freeText: FreeText {
        if may(.readHandlingCodeC) { return .whole }
        return partnerFreeText == .pseudonymised ? .pseudonymised : .withheld
    }

    /// What a map or export for `audience` may show of what this viewer may see: for a
    /// panel audience, nothing that rests on handling-code-C intelligence, whoever asks.
    public func narrowed(to audience: Audience) -> Access {
        guard audience == .panel else { return self }
        return Access(role: role, scope: scope, children: children, withholdsHandlingCodeC: true, partnerFreeText: partnerFreeText,
                      agency: agency, agendaSince: agendaSince, isOperator: isOperator, placedChildren: placedChildren)
    }

    /// Whether the viewer may see a report of handling code `handling`: a code-C report
    /// only for police roles; an unknown code never.
    public func maySee(handling: Grading.HandlingCode?) -> Bool {
        switch handling {
        case .p?: true
        case .c?: readsHandlingCodeC
        case nil: false
        }
    }

    /// Whether the viewer may see a report graded `grading` (its text form, e.g. "B2 P").
    public func maySee(grading: String?) -> Bool {
        maySee(handling: grading.flatMap(Grading.init)?.handling)
    }

    /// Whether a child is within the viewer's need-to-know: for a panel member one on
    /// their agendas, for anyone else one whose home authority they cover or who is placed
    /// in an area they cover (``placedChildren``).
    public func maySeeChild(ref: String, area: String?, force: String?) -> Bool {
        guard may(.readPicture) || may(.readCase) else { return false }
        if let children { return children[ref] != nil }
        return scope.covers(area: area, force: force) || placedChildren[ref] != nil
    }

    /// Whether the viewer may open an entity's own page (and find it in search): a child
    /// as ``maySeeChild(ref:area:force:)``; any other entity only for a role that may
    /// read the picture beyond its children (police), within scope where it has an area.
    public func mayOpen(kind: EntityKind?, ref: String, area: String?, force: String?) -> Bool {
        guard let kind, may(.readPicture) else { return false }
        if kind == .child { return maySeeChild(ref: ref, area: area, force: force) }
        guard may(.readHandlingCodeC) else { return false }
        return area == nil || scope.covers(area: area, force: force)
    }

    /// Whether an entity may appear on the viewer's maps and in their answers, reached
    /// through a link they may see: a child as ``maySeeChild(ref:area:force:)``; any
    /// other entity where it has no area or one the viewer covers (a panel member's maps
    /// reach adults anywhere that their agenda children are linked to).
    public func admits(kind: EntityKind?, ref: String, area: String?, force: String?) -> Bool {
        guard let kind, may(.readPicture) else { return false }
        if kind == .child { return maySeeChild(ref: ref, area: area, force: force) }
        if children != nil || area == nil { return true }
        return scope.covers(area: area, force: force)
    }

    /// Whether a panel member may open a panel of an authority they sit for, held on `heldOn`
    /// with `status`: in their window (``agendaSince``), or to come, and not cancelled.
    /// Every other role: yes (their scope decides).
    public func mayOpenPanel(heldOn: CalendarDate?, status: String?) -> Bool {
        guard role == .panelMember else { return true }
        guard let agendaSince, let heldOn, heldOn >= agendaSince, let status else { return false }
        return status != "cancelled"
    }

    /// Whether the viewer approves the minutes of a panel of local authority `area`: a panel
    /// member who chairs that authority's panels.
    public func mayApproveMinutes(area: String?) -> Bool {
        guard role == .panelMember, may(.approveMinutes), let area else { return false }
        return scope.chairs.contains(area)
    }

    /// Whether the viewer may see a case workflow record of local authority `area` (whose
    /// force is `force`): a referral, case, panel or report. Within scope; for a panel
    /// member, one of the authorities whose panels they sit on; for no one signed in, none.
    public func coversWorkflow(area: String?, force: String?) -> Bool {
        guard role != nil else { return false }
        if role == .panelMember { return area.map(scope.panels.contains) ?? false }
        return scope.covers(area: area, force: force)
    }
}
