import GraphCore
import GraphStore

/// A duty to tell another authority or force (seed 003 §3), as a task in the notification
/// log: to whom, why, raised, due and done (``Workflow/notifications(area:status:child:by:)``).
/// The JSON form has every key, `null` where nothing is recorded.
public struct NotificationTask: Codable, Sendable, Equatable {
    /// Who is told there.
    public enum Contact: String, Codable, Sendable, CaseIterable {
        case mash
        case cePoliceLead = "ce_police_lead"
        case homeSocialWorker = "home_social_worker"

        /// The contact in words: "MASH / front door".
        public var words: String {
            switch self {
            case .mash: "MASH / front door"
            case .cePoliceLead: "CE police lead"
            case .homeSocialWorker: "home social worker"
            }
        }
    }

    /// What raised the duty.
    public enum Source: String, Codable, Sendable, CaseIterable {
        case crossBorder = "cross_border"
        case placement, missing, arrest, other
    }

    /// How the telling was done.
    public enum How: String, Codable, Sendable, CaseIterable {
        case phone, email
        case secureEmail = "secure_email"
        case meeting, letter, other
    }

    /// The task's reference, `NOT-NNNNNN`, the authority that must tell, and whom to tell.
    public var ref: String
    public var area: String?
    public var toArea: String
    public var toAreaName: String
    /// Whether the one told is a police force.
    public var toForce: Bool
    public var contact: Contact
    public var source: Source
    /// Why, in words, and the records it rests on (ids; a partner reads only the child's).
    public var reason: String
    public var records: [String]
    public var childRef: String?
    public var childLabel: String?
    /// The child's home area, to decide whether the viewer may know them.
    var childArea: String?
    public var caseRef: String?
    public var placementRef: String?
    public var missingRef: String?
    public var raisedOn: String
    public var dueOn: String
    /// When, how and by whom it was done, what was disclosed, and a note.
    public var doneOn: String?
    public var doneHow: How?
    public var doneBy: String?
    public var disclosed: String?
    public var doneNote: String?

    enum CodingKeys: String, CodingKey {
        case ref, area
        case toArea = "to_area"
        case toAreaName = "to_area_name"
        case toForce = "to_force"
        case contact, source, reason, records
        case childRef = "child_ref"
        case childLabel = "child_label"
        case caseRef = "case_ref"
        case placementRef = "placement_ref"
        case missingRef = "missing_ref"
        case raisedOn = "raised_on"
        case dueOn = "due_on"
        case doneOn = "done_on"
        case doneHow = "done_how"
        case doneBy = "done_by"
        case disclosed
        case doneNote = "done_note"
    }

    /// Whether the task is still to do.
    public var isOpen: Bool { doneOn == nil }

    /// A row of `notification.list` or `notification.by_ref`. A viewer who does not see the
    /// whole picture reads only the child among the records (the others may lie outside
    /// their need-to-know; the reason says what kind of record is where).
    init(_ row: StoredRow, access: Access) throws {
        let columns = ColumnReader(row, "notification")
        ref = try columns.text("ref")
        area = try columns.optionalText("area")
        toArea = try columns.text("to_area")
        toAreaName = try columns.text("to_area_name")
        toForce = try columns.text("to_area_type") == "police_force"
        contact = Contact(rawValue: try columns.text("contact")) ?? .mash
        source = Source(rawValue: try columns.text("source")) ?? .other
        reason = try columns.text("reason")
        let child = try columns.optionalText("child_ref")
        childRef = child
        childLabel = try columns.optionalText("child_label")
        childArea = try columns.optionalText("child_area")
        let stored = row.json("records")?.arrayValue?.compactMap(\.stringValue) ?? []
        records = access.seesWholePicture ? stored : stored.filter { $0 == child }
        caseRef = try columns.optionalText("case_ref")
        placementRef = try columns.optionalText("placement_ref")
        missingRef = try columns.optionalText("missing_ref")
        raisedOn = try columns.text("raised_on")
        dueOn = try columns.text("due_on")
        doneOn = try columns.optionalText("done_on")
        doneHow = try columns.optionalText("done_how").flatMap(How.init)
        doneBy = try columns.optionalText("done_by")
        disclosed = try columns.optionalText("disclosed")
        doneNote = try columns.optionalText("done_note")
    }

    /// The task with every child outside the viewer's need-to-know named "Child N" in its
    /// free text.
    func pseudonymised(by pseudonyms: Pseudonymiser) -> NotificationTask {
        var shown = self
        shown.reason = pseudonyms.apply(reason)
        shown.disclosed = disclosed.map(pseudonyms.apply)
        shown.doneNote = doneNote.map(pseudonyms.apply)
        return shown
    }

    /// The task for a viewer who may not know the child (one placed in their authority from
    /// another, whose home authority they do not cover): the child is "a child", their id and
    /// name and the records are left out, and the placement names them.
    func withoutChild() -> NotificationTask {
        var shown = self
        if let child = childRef { shown.reason = reason.replacingOccurrences(of: child, with: "a child") }
        if let label = childLabel { shown.reason = shown.reason.replacingOccurrences(of: label, with: "a child") }
        (shown.childRef, shown.childLabel, shown.caseRef, shown.records) = (nil, nil, nil, [])
        return shown
    }

    /// Encodes every key, `null` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(area, forKey: .area)
        try container.encode(toArea, forKey: .toArea)
        try container.encode(toAreaName, forKey: .toAreaName)
        try container.encode(toForce, forKey: .toForce)
        try container.encode(contact, forKey: .contact)
        try container.encode(source, forKey: .source)
        try container.encode(reason, forKey: .reason)
        try container.encode(records, forKey: .records)
        try container.encode(childRef, forKey: .childRef)
        try container.encode(childLabel, forKey: .childLabel)
        try container.encode(caseRef, forKey: .caseRef)
        try container.encode(placementRef, forKey: .placementRef)
        try container.encode(missingRef, forKey: .missingRef)
        try container.encode(raisedOn, forKey: .raisedOn)
        try container.encode(dueOn, forKey: .dueOn)
        try container.encode(doneOn, forKey: .doneOn)
        try container.encode(doneHow, forKey: .doneHow)
        try container.encode(doneBy, forKey: .doneBy)
        try container.encode(disclosed, forKey: .disclosed)
        try container.encode(doneNote, forKey: .doneNote)
    }
}
