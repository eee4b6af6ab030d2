import Foundation
import GraphCore
import GraphStore
import HTTPTypes
import Hummingbird

/// The accounts pages, for admins: the list with the form to add an account (`/accounts`),
/// and one account's page with the forms to change its role, scope and agency and to
/// disable or enable it (`/accounts/{username}`). The forms make the API's writes
/// (``AccountAdmin``); a refused one shows its page again, 400 (409 for a username taken),
/// with the message and what was typed (never the password). Every other role gets 403.
struct AccountPageRoutes {
    let services: Services
    var pages: PageRenderer { services.pages }

    func add(to router: Router<AppRequestContext>) {
        let group = router.group().add(middleware: PageErrorMiddleware(pages: services.pages))
        group.get("/accounts", use: list)
        group.post("/accounts", use: create)
        group.get("/accounts/{username}", use: account)
        group.post("/accounts/{username}", use: change)
        group.post("/accounts/{username}/disabled", use: setDisabled)
    }

    // MARK: - Routes

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try AccountAdmin.authorise(context)
        return pages.page("accounts", try listFields(typed: [:]), context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try AccountAdmin.authorise(context)
        var request = request
        let form = try await request.formFields()
        do {
            let (account, password) = try AccountAdmin(services: services).add(try AccountInput.new(form: form), context: context)
            var fields = try listFields(typed: [:])
            fields["added"] = ["username": account.username, "href": AccountPageRoutes.href(account.username),
                               "role": account.role.title, "password": password ?? ""] as [String: Any]
            if password != nil { fields["generated"] = true }
            return pages.page("accounts", fields, context: context, status: .created)
        } catch {
            let (status, message) = try AccountPageRoutes.refusal(error)
            var fields = try listFields(typed: form)
            fields["message"] = message
            return pages.page("accounts", fields, context: context, status: status)
        }
    }

    @Sendable func account(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try AccountAdmin.authorise(context)
        let summary = try services.accounts.summary(username: try context.parameters.require("username"))
        var fields = try accountFields(summary, typed: nil)
        if request.query("saved") != nil { fields["saved"] = true }
        return pages.page("account", fields, context: context)
    }

    @Sendable func change(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try AccountAdmin.authorise(context)
        let username = try context.parameters.require("username")
        let current = try services.accounts.summary(username: username)
        var request = request
        let form = try await request.formFields()
        do {
            _ = try AccountAdmin(services: services).change(username, to: try AccountInput(form: form), disabled: nil, context: context)
            return .redirect(to: AccountPageRoutes.href(current.username) + "?saved=1", type: .normal)
        } catch {
            let (status, message) = try AccountPageRoutes.refusal(error)
            var fields = try accountFields(current, typed: form)
            fields["message"] = message
            return pages.page("account", fields, context: context, status: status)
        }
    }

    /// `disabled=true` disables the account (no sign-in; its sessions end, its tokens stop
    /// working); `disabled=false` enables it again.
    @Sendable func setDisabled(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try AccountAdmin.authorise(context)
        let username = try context.parameters.require("username")
        let current = try services.accounts.summary(username: username)
        var request = request
        let form = try await request.formFields()
        do {
            guard let disabled = try WriteFields(form: form).bool("disabled") else { throw ServerError(.badRequest, "give disabled: true or false") }
            _ = try AccountAdmin(services: services).change(username, to: nil, disabled: disabled, context: context)
            return .redirect(to: AccountPageRoutes.href(current.username) + "?saved=1", type: .normal)
        } catch {
            let (status, message) = try AccountPageRoutes.refusal(error)
            var fields = try accountFields(current, typed: nil)
            fields["message"] = message
            return pages.page("account", fields, context: context, status: status)
        }
    }

    /// Input the admin can correct (400) or a username taken (409) shows the form again;
    /// anything else is the error page.
    static func refusal(_ error: any Error) throws -> (HTTPResponse.Status, String) {
        let (status, message) = ErrorMiddleware.describe(error)
        guard status == .badRequest || status == .conflict else { throw error }
        return (status, message)
    }

    // MARK: - Laying out

    /// The areas and agencies the forms offer, read once per page.
    struct Choices {
        /// Code, name and whether it is a local authority, local authorities first.
        let areas: [(code: String, name: String, isAuthority: Bool)]
        let agencies: [(code: String, name: String)]

        func areaName(_ code: String) -> String { areas.first { $0.code == code }?.name ?? code }
        func agencyName(_ code: String) -> String { agencies.first { $0.code == code }?.name ?? code }
    }

    func choices() throws -> Choices {
        try services.store.reading { tx in
            Choices(areas: try tx.rows("server/account.known_areas").map {
                        (code: $0.string("code"), name: $0.string("name"), isAuthority: $0.string("area_type") == "local_authority")
                    },
                    agencies: try tx.rows("common.agencies").map { (code: $0.string("code"), name: $0.string("name")) })
        }
    }

    /// The list and the add form (with what was typed, after a refusal).
    func listFields(typed: [String: String]) throws -> [String: Any] {
        let choices = try choices()
        let accounts = try services.accounts.summaries()
        var fields = AccountPageRoutes.formFields(choices, role: typed["role"].flatMap(Role.init(rawValue:)),
                                                  whole: typed["whole_picture"] != nil,
                                                  areas: Set(AccountInput.ticked("area.", in: typed)),
                                                  panels: Set(AccountInput.ticked("panel.", in: typed)), agency: typed["agency"])
        fields["username"] = typed["username"] ?? ""
        fields["displayName"] = typed["display_name"] ?? ""
        fields["accounts"] = accounts.map { account -> [String: Any] in
            [
                "username": account.username, "href": AccountPageRoutes.href(account.username), "name": account.displayName,
                "role": account.role.title, "scope": AccountPageRoutes.scope(account, choices),
                "agency": account.agency.map(choices.agencyName) ?? "", "disabled": account.disabled,
            ]
        }
        fields["count"] = String(accounts.count)
        fields["disabledCount"] = String(accounts.filter(\.disabled).count)
        return fields
    }

    /// One account's page: its forms filled in with its values, or with what was typed.
    func accountFields(_ account: AccountSummary, typed: [String: String]?) throws -> [String: Any] {
        let choices = try choices()
        var fields: [String: Any]
        if let typed {
            fields = AccountPageRoutes.formFields(choices, role: typed["role"].flatMap(Role.init(rawValue:)),
                                                  whole: typed["whole_picture"] != nil, areas: Set(AccountInput.ticked("area.", in: typed)),
                                                  panels: Set(AccountInput.ticked("panel.", in: typed)), agency: typed["agency"])
        } else {
            fields = AccountPageRoutes.formFields(choices, role: account.role,
                                                  whole: account.role != .panelMember && account.scope.areas == nil,
                                                  areas: account.scope.areas ?? [], panels: account.scope.panels, agency: account.agency)
        }
        fields.merge([
            "username": account.username, "name": account.displayName, "role": account.role.title,
            "scope": AccountPageRoutes.scope(account, choices), "agency": account.agency.map(choices.agencyName) ?? "none recorded",
            "action": AccountPageRoutes.href(account.username), "disabledAction": AccountPageRoutes.href(account.username) + "/disabled",
            "disabled": account.disabled,
        ]) { $1 }
        return fields
    }

    /// The role, scope and agency fields (the partial `account-fields`).
    static func formFields(_ choices: Choices, role: Role?, whole: Bool, areas: Set<String>, panels: Set<String>,
                           agency: String?) -> [String: Any] {
        func area(_ prefix: String, _ entry: (code: String, name: String, isAuthority: Bool), _ checked: Bool) -> [String: Any] {
            ["code": entry.code, "name": entry.name, "field": "\(prefix).\(entry.code)", "id": "\(prefix)-\(entry.code)", "checked": checked]
        }
        return [
            "roles": Role.allCases.map { choice -> [String: Any] in ["value": choice.rawValue, "label": choice.title, "selected": choice == role] },
            "roleChosen": role != nil,
            "wholePicture": whole,
            "authorities": choices.areas.filter { $0.isAuthority }.map { area("area", $0, areas.contains($0.code)) },
            "forces": choices.areas.filter { !$0.isAuthority }.map { area("area", $0, areas.contains($0.code)) },
            "panelChoices": choices.areas.filter { $0.isAuthority }.map { area("panel", $0, panels.contains($0.code)) },
            "agencies": [["value": "", "label": "None recorded", "selected": (agency ?? "").isEmpty] as [String: Any]]
                + choices.agencies.map { choice -> [String: Any] in ["value": choice.code, "label": choice.name, "selected": choice.code == agency] },
        ]
    }

    /// The scope in words, areas by name with their codes.
    static func scope(_ account: AccountSummary, _ choices: Choices) -> [String: Any] {
        let named = { (codes: Set<String>) in codes.sorted().map { ["name": choices.areaName($0), "code": $0] } }
        if account.role == .panelMember || !account.scope.panels.isEmpty {
            return ["whole": false, "label": "Panels", "areas": named(account.scope.panels)]
        }
        guard let areas = account.scope.areas else { return ["whole": true, "label": "", "areas": [Any]()] }
        return ["whole": false, "label": "Areas", "areas": named(areas)]
    }

    static func href(_ username: String) -> String { "/accounts/" + PageRenderer.pathSegment(username) }
}
