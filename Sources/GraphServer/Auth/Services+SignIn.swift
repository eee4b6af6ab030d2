import GraphCore
import Foundation
import Hummingbird

extension Services {
    /// Signs in for the JSON API and the sign-in form alike, so that both count against the
    /// same rate limit and answer the same way.
    ///
    /// - Parameters:
    ///   - address: the client's address, counted alongside the username.
    /// - Throws: ``ServerError`` 429 after too many failures, 401 for a wrong username or
    ///   password (the same answer for either).
    func signIn(username: String, password: String, address: String?) async throws -> AccountStore.Session {
        let user = "user:" + username.lowercased()
        // Reserved before the password is checked: attempts in parallel cannot all pass.
        guard let reservation = await limiter.reserve([user, "address:" + (address ?? "unknown")]) else {
            throw ServerError(.tooManyRequests, "too many failed sign-ins; wait a few minutes and try again")
        }
        guard let session = try accounts.signIn(username: username, password: password) else {
            throw ServerError(.unauthorized, "the username or password is not right")
        }
        await limiter.succeed(reservation, clearing: user)
        return session
    }

    /// The session cookie: `Secure` (unless configured off), `HttpOnly`, `SameSite=Strict`.
    func sessionCookie(_ token: String) -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: token, path: "/", secure: configuration.secureCookies,
               httpOnly: true, sameSite: .strict)
    }

    /// The cookie that tells the browser to forget the session.
    func endedSessionCookie() -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: configuration.secureCookies,
               httpOnly: true, sameSite: .strict)
    }
}
