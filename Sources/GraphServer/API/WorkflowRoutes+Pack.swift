import CaseWorkflow
import Foundation
import GraphCore
import HTTPTypes
import Hummingbird

extension WorkflowRoutes {
    /// A panel's briefing pack as one PDF, to keep (an attachment): whoever may read the
    /// panel may take it, each seeing in it only what they may. Its disclosure is audited,
    /// to the account or to whom `recipient` names, before its bytes leave.
    @Sendable func pack(_ request: Request, context: AppRequestContext) async throws -> Response {
        let pack = try reads.briefingPack(try context.parameters.require("ref"), request: request, for: context)
        let data = try await pack.pdf(style: services.renderer.style)
        return Response(status: .ok, headers: [.contentType: "application/pdf",
                                               .contentDisposition: "attachment; filename=\"\(Download.fileName(String(pack.fileName.dropLast(4)), "pdf"))\""],
                        body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
