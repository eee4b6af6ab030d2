import CaseWorkflow
import GraphCore

extension WorkflowWrite {
    /// `{"child", "episode"?, "reported"?, "from"?, "found"?, "found_at"?, "found_with"?,
    /// "interview"?, "interview_on"?, "interview_by"?, "note"?}` → `{"episode", "new",
    /// "times_in_window", "added_to_agenda", "notifications", "language_warnings"}`: a missing episode recorded
    /// or updated (``Workflow/recordMissing(_:by:)``).
    static let missing = WorkflowWrite(permission: .workCases, purpose: "recording a missing episode", status: .ok) { input in
        let fields = input.fields
        let record = try input.services.workflow.recordMissing(MissingInput(
            child: try fields.text("child", "the child"), episode: fields.optional("episode"), reportedOn: try fields.date("reported"),
            from: try fields.optionalChoice("from", MissingEpisode.From.self) ?? .home, foundOn: try fields.date("found"),
            foundAt: fields.optional("found_at"), foundWith: fields.optional("found_with"),
            interview: try fields.optionalChoice("interview", MissingEpisode.Interview.self), interviewOn: try fields.date("interview_on"),
            interviewBy: fields.optional("interview_by"), note: fields.optional("note")), by: input.viewer)
        return .object(["episode": .string(record.ref), "new": .bool(record.isNew), "times_in_window": .number(String(record.timesInWindow)),
                        "added_to_agenda": record.addedToAgenda.map { .string($0) } ?? .null,
                        "notifications": .array(record.notifications.map { .string($0) }), "language_warnings": record.warnings.json])
    }
}
