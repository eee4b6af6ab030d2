import Foundation
import GraphCore
import HTTPTypes
import Hummingbird

/// Sign in, sign out, and who am I.
struct SessionRoutes {
    let services: Services

    func add(to router: Router<AppRequestContext>) {
        router.post("/api/session", use: signIn)
        router.delete("/api/session", use: signOut)
        router.get("/api/me", use: me)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        try PageRoutes.refuseCrossSite(request)
        let body = try await request.jsonObject(limit: 16 * 1024)
        guard let username = body["username"]?.stringValue, let password = body["password"]?.stringValue else {
            throw ServerError(.badRequest, "give username and password")
        }
        let session = try await services.signIn(username: username, password: password, address: context.remoteIP)
        var response = JSONResponse.make(.object(["csrf_token": .string(session.csrfToken), "account": SessionRoutes.json(session.account)]))
        response.setCookie(services.sessionCookie(session.token))
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let session = context.session else { throw ServerError.signInNeeded }
        try services.accounts.signOut(sessionDigest: session.digest)
        var response = Response(status: .noContent)
        response.setCookie(services.endedSessionCookie())
        return response
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let account = context.account else { throw ServerError.signInNeeded }
        return JSONResponse.make(SessionRoutes.json(account))
    }

    static func json(_ account: Account) -> JSONValue {
        .object(["username": .string(account.username), "display_name": .string(account.displayName),
                 "role": .string(account.role.rawValue), "panels": .array(account.panelAreas.map { .string($0) })])
    }
}
