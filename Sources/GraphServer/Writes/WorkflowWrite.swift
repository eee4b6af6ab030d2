import CaseWorkflow
import GraphCore
import GraphStore
import HTTPTypes

/// One write of the case workflow: who may make it, what the audit log calls it, and what
/// it does with its fields. The JSON API and the pages' forms make the same writes through
/// these, so that a form can never do what the API would refuse (or the reverse).
///
/// The catalogue is in `WorkflowWrite+Panel.swift`, `WorkflowWrite+Case.swift` and
/// `WorkflowWrite+Marthr.swift`.
struct WorkflowWrite: Sendable {
    /// What the write needs to know: the record named in the address (a panel, meeting,
    /// case, action, disruption or entity), the fields, and the audit log's viewer.
    struct Input: Sendable {
        let services: Services
        let ref: String?
        let fields: WriteFields
        let viewer: Viewer

        /// The record named in the address.
        var record: String {
            get throws {
                guard let ref else { throw ServerError(.badRequest, "the address names no record") }
                return ref
            }
        }

        /// The local authority a field names, by code or name (``AreaDirectory``): its
        /// code; nil when the field is absent or empty.
        ///
        /// - Throws: ``InputError`` naming the field when no local authority, or several,
        ///   answer to it.
        func localAuthority(_ field: String) throws -> String? {
            guard let text = fields.optional(field) else { return nil }
            return try services.store.areaDirectory().code(for: text, field: field, localAuthority: true)
        }
    }

    /// What the account's role must hold (``Role/permissions``); any other gets 403 before
    /// its body is read.
    let permission: Permission
    /// What the audit log records as the viewer's purpose.
    let purpose: String
    /// 201 for a new record, 200 for a change.
    let status: HTTPResponse.Status
    /// Whether its answer names people (a built agenda, alerts raised), so that, like a
    /// sensitive view, it needs the session's reason first.
    var showsPersonalData = false
    /// Makes the write and answers with its result as JSON.
    let perform: @Sendable (Input) throws -> JSONValue

    /// Checks the account's role (and, for a write that shows personal data, the
    /// session's reason) before the body is read.
    func authorise(_ context: AppRequestContext) throws {
        _ = showsPersonalData ? try context.requireSensitive(permission) : try context.require(permission)
    }
}
