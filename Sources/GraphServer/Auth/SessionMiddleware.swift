import Foundation
import GraphCore
import GraphStore
import HTTPTypes
import Hummingbird

/// Who is asking: an API token (`Authorization: Bearer`) or a session cookie. A cookie
/// session must echo its CSRF token on every request that changes anything: in
/// `X-CSRF-Token` (JSON calls), or in the field `csrf_token` of an HTML form (the pages,
/// which post forms without script). The security headers are ``SecurityHeaders``'.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: AccountStore

    static let cookieName = "cegraph_session"
    /// The sign-in routes, page and API.
    static let signInPaths: Set<String> = ["/sign-in", "/api/session"]
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    /// The reason an API-token request gives for a sensitive view (a session gives it once).
    static let reasonHeader = HTTPField.Name("X-Justification")!
    static let csrfField = "csrf_token"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context, request = request
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            guard let account = try accounts.account(apiToken: String(authorization.dropFirst("Bearer ".count))) else {
                throw ServerError.signInNeeded
            }
            context.account = account
            if let reason = request.headers[SessionMiddleware.reasonHeader] {
                context.tokenReason = try Services.checkedReason(reason)
            }
        } else if let token = request.cookies[SessionMiddleware.cookieName]?.value,
                  let session = try accounts.session(token: token) {
            if request.method == .post, SessionMiddleware.signInPaths.contains(request.uri.path) {
                // Signing in again (a sign-in form left open in another tab) replaces the
                // session: the old one ends here and the request goes on signed out. It needs
                // no CSRF token: credentials and the cross-site check guard a sign-in, and
                // the check comes first, so another site's page cannot end the session.
                try SignInOrigin.check(request, client: context.client)
                try accounts.signOut(sessionDigest: session.digest)
                return try await next(request, context)
            }
            if ![.get, .head].contains(request.method) {
                var echoed = request.headers[SessionMiddleware.csrfHeader]
                if echoed == nil, request.isForm { echoed = try await request.formFields()[SessionMiddleware.csrfField] }
                guard let echoed, SessionMiddleware.same(echoed, session.csrfToken) else {
                    throw ServerError(.forbidden, "the request is missing its CSRF token; reload the page and try again")
                }
            }
            context.account = session.account
            context.session = session
        }
        return try await next(request, context)
    }

    /// Compares in time that does not depend on where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
