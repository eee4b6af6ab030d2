import GraphCore
import GraphStore

/// What MARTHR decides to do about a subject (seed 003).
public enum MarthrActionCategory: String, Sendable, CaseIterable, Codable {
    /// A partner takes action itself.
    case takeAction = "take_action"
    /// Partners act together.
    case withPartners = "with_partners"
    /// Gather more intelligence first.
    case gatherIntelligence = "gather_intelligence"
}

/// An action as raised at a meeting.
public struct ActionInput: Sendable {
    public var text: String
    public var owner: String
    public var dueOn: CalendarDate
    /// The case it is about (panel actions).
    public var caseRef: String?
    /// The person, group or place it is about (MARTHR actions).
    public var subject: String?
    /// MARTHR's category (required for MARTHR actions).
    public var category: MarthrActionCategory?

    public init(text: String, owner: String, dueOn: CalendarDate, caseRef: String? = nil, subject: String? = nil,
                category: MarthrActionCategory? = nil) {
        self.text = text
        self.owner = owner
        self.dueOn = dueOn
        self.caseRef = caseRef
        self.subject = subject
        self.category = category
    }
}

/// Where an action was raised.
public enum Forum: Sendable {
    case panel(String)
    case marthr(String)
}

extension Workflow {
    /// Raises an action at a panel or MARTHR meeting. Open actions are carried to the
    /// forum's next meeting until they are done or cancelled.
    ///
    /// - Returns: the action's reference and language warnings about its text.
    @discardableResult
    public func addAction(at forum: Forum, _ input: ActionInput, by viewer: Viewer) throws -> (String, [LanguageWarning]) {
        try transaction(by: viewer) { tx in
            guard !input.text.trimmingWhitespace().isEmpty else { throw WorkflowError("action", "say what is to be done", field: "text") }
            try requireAgency(input.owner, field: "owner", operation: "action", in: tx)
            var values: [String: StoredValue] = [
                "text": .text(input.text), "owner": .text(input.owner), "due": StoredValue(input.dueOn),
                "category": StoredValue(input.category?.rawValue),
                "panel": .null, "marthr": .null, "case": .null, "subject": .null,
            ]
            let meetingRef: String
            switch forum {
            case .panel(let ref):
                let meeting = try requirePanel(ref, operation: "action", by: viewer, in: tx)
                try requireQuorate(meeting, operation: "action", business: "raise actions", in: tx)
                values["panel"] = meeting["id"]
                meetingRef = ref
            case .marthr(let ref):
                let meeting = try requireMarthr(ref, operation: "action", in: tx)
                try requireSignedAttendance(meeting, operation: "action", business: "raise actions", in: tx)
                guard input.category != nil else {
                    throw WorkflowError("action", "a MARTHR action says whether partners take action, act together or gather intelligence",
                                        field: "category", hint: "one of \(MarthrActionCategory.allowed)")
                }
                values["marthr"] = meeting["id"]
                meetingRef = ref
            }
            if let caseRef = input.caseRef { values["case"] = try requireCase(caseRef, open: nil, operation: "action", by: viewer, in: tx)["id"] }
            if let subject = input.subject {
                values["subject"] = try requireEntity(subject, kinds: Set(EntityKind.allCases), field: "subject", operation: "action", by: viewer, in: tx)["id"]
            }
            let ref = try nextRef("ACT", table: "workflow_action", in: tx)
            values["ref"] = .text(ref)
            try tx.execute("action.insert", values)
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "action", "action": .string(ref), "meeting": .string(meetingRef),
                "case": input.caseRef.map { .string($0) } ?? .null, "subject": input.subject.map { .string($0) } ?? .null,
            ]))
            return (ref, languageWarnings(input.text))
        }
    }

    /// Marks an action done or cancelled (or reopens it), with a note.
    public func updateAction(_ ref: String, status: String, on date: CalendarDate, note: String?, by viewer: Viewer) throws {
        guard ["open", "done", "cancelled"].contains(status) else {
            throw WorkflowError("action", "\(Excerpt.bare(status)) is not a status", field: "status", hint: "open, done or cancelled")
        }
        try transaction(by: viewer) { tx in
            let action = try requireUpdatable(ref, by: viewer, in: tx)
            try tx.execute("action.update", ["id": action["id"], "status": .text(status),
                                             "closed": status == "open" ? .null : StoredValue(date), "note": StoredValue(note)])
            try tx.audit(.alteration, by: viewer, records: .object(["workflow": "action_update", "action": .string(ref),
                                                                    "status": .string(status)]))
        }
    }

    /// The action `ref` names, if the viewer may update it: one they may see (a panel
    /// action of an area they cover and, for a panel member, of a child on their agendas;
    /// a MARTHR action only for those who read MARTHR), and, unless they may update any
    /// action, one their own agency owns. One they may not see answers as a missing one.
    func requireUpdatable(_ ref: String, by viewer: Viewer, in tx: StoreTransaction) throws -> StoredRow {
        let missing = WorkflowError("action", "no action \(ref)", field: "action", kind: .notFound)
        guard let action = try tx.row("action.scope", ["ref": .text(ref)]) else {
            throw Unseen(what: "action", ref: ref, found: false, error: missing)
        }
        let access = viewer.access
        var visible = action.bool("is_marthr") == true ? access.may(.readMarthr) : try covers(action.text("area"), by: viewer, in: tx)
        if let children = access.children {
            // A panel member: their children's actions, and the panel's own business that
            // names no one.
            let child = action.text("child_ref"), subject = action.text("subject_ref")
            if let child, children[child] == nil { visible = false }
            if let subject, action.text("subject_kind") != EntityKind.child.rawValue || children[subject] == nil { visible = false }
        }
        guard visible else { throw Unseen(what: "action", ref: ref, found: true, error: missing) }
        if !access.may(.updateActions) {
            guard let agency = access.agency, agency == action.text("owner_agency") else {
                throw WorkflowError("action", "action \(ref) is owned by another agency; you may update your own agency's actions",
                                    field: "action")
            }
        }
        return action
    }
}
