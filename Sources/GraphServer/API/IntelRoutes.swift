import CaseWorkflow
import Foundation
import GraphCore
import GraphStore
import HTTPTypes
import Hummingbird

/// Intelligence entry through the API: enter a graded report with the entities and links it
/// brings, read it with what rests on it and its history, edit it with a reason, and check
/// free text for child-first language as it is typed.
struct IntelRoutes {
    let services: Services

    /// The longest reason for an edit.
    static let reasonLimit = 500

    var reads: GraphReads { GraphReads(services: services) }

    func add(to router: Router<AppRequestContext>) {
        router.post("/api/intel", use: enter)
        router.get("/api/intel/{id}", use: report)
        router.put("/api/intel/{id}", use: edit)
        router.post("/api/lint", use: lint)
    }

    var limit: Int { services.configuration.maxBodyBytes }

    /// A graded report, the entities it is about and the links it asserts, as data-contract
    /// records (FORMAT.md §1): `{"intel": {...}, "entities": [...], "links": [...]}`. Every
    /// link rests on the report. An id already taken is refused: edits go through `PUT`.
    @Sendable func enter(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.writeIntel)
        let (id, records, touched) = try enterReport(try await request.jsonObject(limit: limit), context: context)
        return JSONResponse.make(.object(["intel": .string(id), "records": .number(String(touched.count)),
                                          "language_warnings": warnings(records[0]["text"]?.stringValue)]), status: .created)
    }

    /// The report, the entities and links resting on it, and its earlier versions, as the
    /// viewer may see them (``GraphReads/intel(_:for:)``).
    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONResponse.make(try reads.intel(try context.parameters.require("id"), for: context).report.json)
    }

    /// An edit: the report's new fields (and any entities and links it adds) in the same
    /// form as an entry, with `reason`. The version it replaces is kept.
    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.writeIntel)
        let id = try context.parameters.require("id")
        let (kept, records) = try editReport(id, try await request.jsonObject(limit: limit), context: context)
        return JSONResponse.make(.object(["intel": .string(id), "version_kept": .number(String(kept)),
                                          "language_warnings": warnings(records[0]["text"]?.stringValue)]))
    }

    /// `{"text": "..."}` → `{"warnings": [...]}`: the child-first language check, for the
    /// pages' live warnings. It reads nothing stored and keeps nothing.
    @Sendable func lint(_ request: Request, context: AppRequestContext) async throws -> Response {
        // Everyone who writes free text checks it as it is typed: intelligence and its notes,
        // case work, and a panel's minutes and actions (a MACCSE coordinator's too).
        let account = try context.requireSignedIn()
        let writers: [Permission] = [.annotateIntel, .workCases, .runPanels]
        guard writers.contains(where: account.role.may) else { throw ServerError.forbidden }
        let body = try await request.jsonObject(limit: limit)
        guard let text = body["text"]?.stringValue else { throw ServerError(.badRequest, "give text, the words to check") }
        return JSONResponse.make(.object(["warnings": services.workflow.language.check(text).json]))
    }

    // MARK: - Entering and editing, for the API and the form without script

    /// Enters the report an entry body gives, in one transaction with its audit row.
    ///
    /// - Returns: the report's id, its records and the ids they touched.
    /// - Throws: ``ServerError`` 400 for a body not in the entry's form; ``StoreError`` naming
    ///   the field for a wrong record or a report id already taken.
    func enterReport(_ body: [String: JSONValue], context: AppRequestContext) throws -> (String, [[String: JSONValue]], [String]) {
        let account = try context.require(.writeIntel)
        let (id, records) = try IntelRoutes.records(body, editing: nil, submittedBy: account.username)
        let viewer = try services.viewer(context, purpose: "intelligence entry")
        let touched = try services.store.transaction { tx in
            try IntelRoutes.checkLinks(body, in: tx, by: viewer)
            return try tx.enterIntel(records, by: viewer)
        }
        return (id, records, touched)
    }

    /// Edits report `id` as an edit body says, keeping the version it replaces with the
    /// body's `reason`.
    ///
    /// - Returns: the number of the version kept, and the edit's records.
    /// - Throws: ``ServerError`` 400 without a reason, 404 when there is no such report;
    ///   ``StoreError`` naming the field for a wrong record.
    func editReport(_ id: String, _ body: [String: JSONValue], context: AppRequestContext) throws -> (Int, [[String: JSONValue]]) {
        _ = try context.require(.writeIntel)
        guard let reason = body["reason"]?.stringValue?.trimmingWhitespace(), !reason.isEmpty else {
            throw ServerError(.badRequest, "give reason: why the report is changed (it is kept with the version it replaces)")
        }
        guard reason.count <= IntelRoutes.reasonLimit else {
            throw ServerError(.badRequest, "keep the reason under \(IntelRoutes.reasonLimit) characters")
        }
        let (_, records) = try IntelRoutes.records(body, editing: id, submittedBy: nil)
        let viewer = try services.viewer(context, purpose: "editing intelligence")
        guard let kept = try services.store.transaction({ tx in
            try IntelRoutes.checkLinks(body, in: tx, by: viewer)
            return try tx.editIntel(id, records: records, reason: reason, by: viewer)
        }) else {
            throw ServerError.notFound
        }
        return (kept, records)
    }

    // MARK: - The records an entry or an edit brings

    /// The report and the entities and links of an entry or edit body, as data-contract
    /// records (``IntelEntry``: the store's rule that every link rests on the report).
    static func records(_ body: [String: JSONValue], editing: String?, submittedBy: String?) throws -> (String, [[String: JSONValue]]) {
        let entry = try IntelEntry(body, editing: editing, submittedBy: submittedBy)
        return (entry.reportId, entry.records)
    }

    /// The child-first language warnings for a report's text, as JSON: the text is stored
    /// as written, and the warnings come back with the answer.
    private func warnings(_ text: String?) -> JSONValue { services.workflow.language.check(text ?? "").json }
}
