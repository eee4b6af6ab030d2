import CaseWorkflow
import GraphCore

/// One assessment in full, as the API (`GET /api/assessments/{ref}`) and the page
/// (`/assessments/{ref}`) read it.
extension WorkflowReads {
    /// An assessment with every question of its framework and the answer recorded to it.
    /// Audited as a consultation.
    ///
    /// - Throws: ``ServerError`` 403 for a role that may not read assessments (before any
    ///   lookup), 428 before the session's reason is given, and ``ServerError/notFound`` for
    ///   a missing assessment and for one of a case outside the viewer's need-to-know (another
    ///   area's; for a panel member, a child on none of their agendas), alike: the workflow
    ///   audits which it was.
    func assessment(_ ref: String, for context: AppRequestContext) throws -> AssessmentDetail {
        _ = try context.requireSensitive(.readAssessment)
        do {
            return try services.workflow.assessment(ref, by: services.viewer(context, purpose: "reading an assessment"))
        } catch let error as WorkflowError where error.kind == .notFound {
            throw ServerError.notFound
        }
    }
}
