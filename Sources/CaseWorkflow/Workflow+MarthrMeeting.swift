import GraphCore
import GraphStore

/// A MARTHR meeting's own record (seed 003: monthly, chaired by police; partners adhere to
/// the confidentiality agreement; the local authority takes the minutes): who attended and
/// whether they signed the agreement, which business waits for; the minutes, with notes
/// of each subject's discussion; and the chair's approval of them.
extension Workflow {
    /// Records who attended (adding to or correcting earlier entries), as for a panel
    /// (``recordAttendance(panel:_:by:)``).
    ///
    /// - Returns: the names of those present who have not signed the confidentiality
    ///   agreement (business waits for them).
    /// - Throws: ``WorkflowError``: an attendee without a name or with an unknown agency.
    @discardableResult
    public func recordMarthrAttendance(marthr ref: String, _ attendees: [Attendee], by viewer: Viewer) throws -> [String] {
        try transaction(by: viewer) { tx in
            let meeting = try requireMarthr(ref, operation: "attend", in: tx)
            guard !attendees.isEmpty else { throw WorkflowError("attend", "name who attended", field: "attendees") }
            for attendee in attendees {
                guard !attendee.name.trimmingWhitespace().isEmpty else {
                    throw WorkflowError("attend", "an attendee needs a name", field: "name")
                }
                try requireAgency(attendee.agency, field: "agency", operation: "attend", in: tx)
                try tx.execute("marthr.attend", ["meeting": meeting["id"], "name": .text(attendee.name.trimmingWhitespace()),
                                                 "agency": .text(attendee.agency), "signed": StoredValue(attendee.signedConfidentiality)])
            }
            try tx.audit(.collection, by: viewer, records: .object(["workflow": "marthr_attendance", "marthr": .string(ref),
                                                                    "attendees": .number(String(attendees.count))]))
            return try tx.rows("marthr.attendees", ["meeting": meeting["id"]]).map(Attendee.init)
                .filter { !$0.signedConfidentiality }.map(\.name)
        }
    }

    /// Refuses business at a meeting whose attendance is not recorded, or where anyone
    /// present has not signed the confidentiality agreement, naming them.
    func requireSignedAttendance(_ meeting: StoredRow, operation: String, business: String, in tx: StoreTransaction) throws {
        let ref = meeting.string("ref")
        let attendees = try tx.rows("marthr.attendees", ["meeting": meeting["id"]]).map(Attendee.init)
        guard !attendees.isEmpty else {
            throw WorkflowError(operation, "no attendance is recorded for \(ref): MARTHR cannot \(business) until those present "
                                + "have signed the confidentiality agreement", field: "attendees",
                                hint: "record who attends first (`cegraph marthr attend \(ref) --attendee NAME:AGENCY`)")
        }
        let unsigned = attendees.filter { !$0.signedConfidentiality }.map { "\($0.name) (\($0.agency))" }
        guard unsigned.isEmpty else {
            let names = unsigned.count == 1 ? unsigned[0] : unsigned.dropLast().joined(separator: ", ") + " and " + unsigned.last!
            throw WorkflowError(operation, "\(names) \(unsigned.count == 1 ? "has" : "have") not signed the confidentiality agreement, "
                                + "so MARTHR cannot \(business) yet", field: "attendees",
                                hint: "record the signature once given (NAME:AGENCY), or record business after they have left")
        }
    }

    /// Records a meeting's minutes (which marks it held), or with `subject` the notes of that
    /// subject's discussion (a subject nominated to the meeting; recording again replaces
    /// them). Returns child-first language warnings; the text is stored as written.
    ///
    /// - Throws: ``WorkflowError``: empty minutes, attendance not signed, a subject not
    ///   nominated, minutes already approved (conflict).
    @discardableResult
    public func recordMarthrMinutes(marthr ref: String, _ text: String, subject: String? = nil, on date: CalendarDate,
                                    by viewer: Viewer) throws -> [LanguageWarning] {
        try transaction(by: viewer) { tx in
            let meeting = try requireMarthr(ref, operation: "minutes", in: tx)
            guard !text.trimmingWhitespace().isEmpty else { throw WorkflowError("minutes", "the minutes are empty", field: "minutes") }
            guard meeting.string("status") != "cancelled" else {
                throw WorkflowError("minutes", "\(ref) was cancelled", field: "marthr", kind: .conflict)
            }
            try requireSignedAttendance(meeting, operation: "minutes", business: "keep minutes", in: tx)
            if let subject {
                let entity = try requireEntity(subject, kinds: Set(EntityKind.allCases), field: "subject", operation: "minutes",
                                               by: viewer, in: tx)
                guard try tx.row("marthr.nomination", ["meeting": meeting["id"], "subject": entity["id"]]) != nil else {
                    throw WorkflowError("minutes", "\(subject) is not nominated to \(ref)", field: "subject")
                }
                try tx.execute("marthr.subject_minutes", ["meeting": meeting["id"], "subject": entity["id"], "text": .text(text),
                                                          "on": StoredValue(date), "by": .text(viewer.name)])
            } else {
                if let approved = meeting.text("minutes_approved_on") {
                    throw WorkflowError("minutes", "the minutes of \(ref) were approved on \(approved)", field: "marthr", kind: .conflict)
                }
                try tx.execute("marthr.minutes", ["id": meeting["id"], "minutes": .text(text), "by": .text(viewer.name)])
            }
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": subject == nil ? "marthr_minutes" : "marthr_subject_minutes", "marthr": .string(ref),
                "subject": subject.map { .string($0) } ?? .null,
            ]))
            return languageWarnings(text)
        }
    }

    /// The chair's approval of a meeting's minutes as recorded: the day, and who approved.
    ///
    /// - Throws: ``WorkflowError``: not a MARTHR chair (input); no minutes yet, or already
    ///   approved (conflict).
    public func approveMarthrMinutes(marthr ref: String, on date: CalendarDate, by viewer: Viewer) throws {
        guard viewer.access.may(.chairMarthr) else {
            throw WorkflowError("approve minutes", "only the MARTHR chair approves its minutes", field: "marthr")
        }
        try transaction(by: viewer) { tx in
            let meeting = try requireMarthr(ref, operation: "approve minutes", in: tx)
            guard meeting.text("minutes") != nil else {
                throw WorkflowError("approve minutes", "\(ref) has no minutes recorded yet", field: "marthr", kind: .conflict)
            }
            if let approved = meeting.text("minutes_approved_on") {
                throw WorkflowError("approve minutes", "the minutes of \(ref) were approved on \(approved)", field: "marthr", kind: .conflict)
            }
            try tx.execute("marthr.approve_minutes", ["id": meeting["id"], "on": StoredValue(date), "by": .text(viewer.name)])
            try tx.audit(.alteration, by: viewer, records: .object(["workflow": "marthr_minutes_approval", "marthr": .string(ref)]))
        }
    }
}
