import GraphCore
import Hummingbird

/// The accounts API, for admins' scripts: list, add, change (role, scope, agency, disabled).
/// The same writes as the accounts page (``AccountAdmin``); no answer carries a password
/// hash, a session or a token.
struct AccountRoutes {
    let services: Services

    func add(to router: Router<AppRequestContext>) {
        router.get("/api/accounts", use: list)
        router.post("/api/accounts", use: create)
        router.put("/api/accounts/{username}", use: update)
    }

    /// `{"accounts": [...]}`, by username.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try AccountAdmin.authorise(context)
        return JSONResponse.make(.object(["accounts": .array(try services.accounts.summaries().map(\.json))]))
    }

    /// 201 `{"account": {...}}`, with `"password"` when one was generated: shown this once.
    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try AccountAdmin.authorise(context)
        let new = try AccountInput.new(json: try await request.jsonObject(limit: 16 * 1024))
        let (account, password) = try AccountAdmin(services: services).add(new, context: context)
        var answer: [String: JSONValue] = ["account": account.json]
        if let password { answer["password"] = .string(password) }
        return JSONResponse.make(.object(answer), status: .created)
    }

    /// 200 `{"account": {...}}` as it now is. Fields left out keep their values.
    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try AccountAdmin.authorise(context)
        let username = try context.parameters.require("username")
        let body = try await request.jsonObject(limit: 16 * 1024)
        let current = try services.accounts.summary(username: username)
        let input = try AccountInput(json: body, current: current)
        let disabled = try WriteFields(body).bool("disabled")
        let account = try AccountAdmin(services: services).change(username, to: input, disabled: disabled, context: context)
        return JSONResponse.make(.object(["account": account.json]))
    }
}
