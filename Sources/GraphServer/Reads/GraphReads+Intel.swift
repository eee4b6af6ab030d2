import GraphCore
import GraphStore

extension GraphReads {
    /// The report `id` as the viewer may see it (``IntelReport/seen(by:names:)``: the
    /// store applies their ``Access``): its fields, the entities it is about, the links it
    /// supports and its earlier versions. The read is audited, and so is a refusal.
    ///
    /// - Throws: ``ServerError/notFound`` for a missing report and for one the viewer may
    ///   not see, alike.
    /// - Returns: the report, and what the viewer may see (for a page's links), read once.
    func intel(_ id: String, for context: AppRequestContext) throws -> (report: IntelReport, access: Access) {
        _ = try context.requireSensitive(.readPicture)
        let viewer = try services.viewer(context, purpose: "viewing an intelligence report")
        // The refusal's audit row commits with the transaction: "not found" is thrown after.
        let report = try services.store.transaction { tx -> IntelReport? in
            guard let report = try tx.intelReport(id, for: viewer) else { return nil }
            try tx.audit(.consultation, by: viewer, records: .object([
                "intel": .string(report.id), "versions": .number(String(report.history.count)),
            ]))
            return report
        }
        guard let report else { throw ServerError.notFound }
        return (report, viewer.access)
    }
}
