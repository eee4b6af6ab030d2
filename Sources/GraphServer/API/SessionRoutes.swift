import Foundation
import GraphCore
import GraphStore
import HTTPTypes
import Hummingbird

/// Sign in, sign out, and who am I.
struct SessionRoutes {
    let services: Services

    func add(to router: Router<AppRequestContext>) {
        router.post("/api/session", use: signIn)
        router.delete("/api/session", use: signOut)
        router.post("/api/session/reason", use: giveReason)
        router.get("/api/me", use: me)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        try SignInOrigin.check(request, client: context.client)
        let body = try await request.jsonObject(limit: 16 * 1024)
        guard let username = body["username"]?.stringValue, let password = body["password"]?.stringValue else {
            throw ServerError(.badRequest, "give username and password")
        }
        // A reason for sensitive views may come with the sign-in, or later on its own.
        let reason = try body["reason"].map { try Services.checkedReason($0.stringValue) }
        let signedIn = try await services.signIn(username: username, password: password, client: context.client,
                                                 device: request.cookies[Services.deviceCookieName]?.value)
        let session = signedIn.session
        if let reason { try services.accounts.justify(sessionDigest: Store.digest(session.token), reason) }
        var response = JSONResponse.make(.object(["csrf_token": .string(session.csrfToken), "account": SessionRoutes.json(session.account)]))
        for cookie in services.signInCookies(signedIn) { response.setCookie(cookie) }
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw ServerError.signInNeeded }
        try services.accounts.signOut(sessionDigest: session.digest)
        var response = Response(status: .noContent)
        response.setCookie(services.endedSessionCookie())
        return response
    }

    /// Records the reason for sensitive views, once per session (a later one replaces it).
    @Sendable func giveReason(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else {
            if context.account != nil { throw ServerError(.badRequest, "with an API token, give the reason in X-Justification on each request") }
            throw ServerError.signInNeeded
        }
        let body = try await request.jsonObject(limit: 16 * 1024)
        try services.accounts.justify(sessionDigest: session.digest, try Services.checkedReason(body["reason"]?.stringValue))
        return Response(status: .noContent)
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let account = context.account else { throw ServerError.signInNeeded }
        guard case .object(var fields) = SessionRoutes.json(account) else { return JSONResponse.make(SessionRoutes.json(account)) }
        fields["reason_given"] = .bool(context.reason != nil)
        return JSONResponse.make(.object(fields))
    }

    static func json(_ account: Account) -> JSONValue {
        .object(["username": .string(account.username), "display_name": .string(account.displayName),
                 "role": .string(account.role.rawValue), "panels": .array(account.panelAreas.map { .string($0) })])
    }
}
