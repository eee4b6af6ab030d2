import CaseWorkflow
import GraphCore
import Hummingbird

extension WorkflowReads {
    /// A panel's briefing pack for the signed-in account (``Workflow/briefingPack(panel:engine:recipient:on:by:)``),
    /// its disclosure audited to the recipient the request names, else the account. A panel
    /// the account may not open answers as a missing one.
    func briefingPack(_ ref: String, request: Request, for context: AppRequestContext) throws -> BriefingPack {
        let account = try context.requireSensitive(.readPanels)
        do {
            return try services.workflow.briefingPack(panel: ref, engine: services.engine, recipient: Download.recipient(request, account: account),
                                                      on: .today, by: services.viewer(context, purpose: "briefing pack of a panel"))
        } catch let error as WorkflowError where error.kind == .notFound {
            throw ServerError.notFound
        }
    }
}
