import GraphCore
import Foundation
import Hummingbird

extension Services {
    /// A sign-in that worked: the session, and the device token the browser keeps
    /// (``SignInLimiter``).
    struct SignedIn: Sendable {
        let session: AccountStore.Session
        let device: String
    }

    /// Signs in for the JSON API and the sign-in form alike, so that both count against the
    /// same limits and answer the same way.
    ///
    /// - Parameters:
    ///   - client: who is signing in; its address is counted with the username.
    ///   - device: the device token the browser sent (`cegraph_device`), if any.
    /// - Throws: ``ServerError`` 429 with `Retry-After` after too many failures, 401 for a
    ///   wrong username or password (the same answer, after the same wait, for either).
    func signIn(username: String, password: String, client: RemoteClient, device: String?) async throws -> SignedIn {
        let attempt = SignInLimiter.Attempt(account: username, address: client.address, device: device)
        // Reserved before the password is checked: attempts in parallel cannot all pass.
        let reservation: SignInLimiter.Reservation
        switch await limiter.reserve(attempt) {
        case .refused(let seconds):
            throw ServerError(.tooManyRequests, "too many failed sign-ins; wait a few minutes and try again", retryAfter: seconds)
        case .proceed(let reserved):
            reservation = reserved
        }
        if reservation.delay > 0 { try await Task.sleep(for: .seconds(reservation.delay)) }
        let session: AccountStore.Session?
        do {
            session = try accounts.signIn(username: username, password: password)
        } catch {
            await limiter.giveBack(reservation)
            throw error
        }
        guard let session else { throw ServerError(.unauthorized, "the username or password is not right") }
        return SignedIn(session: session, device: await limiter.succeed(reservation))
    }

    /// The cookies a sign-in sets: the session's (``sessionCookie(_:)``, first) and the
    /// device token's.
    func signInCookies(_ signedIn: SignedIn) -> [Cookie] {
        [sessionCookie(signedIn.session.token),
         Cookie(name: Services.deviceCookieName, value: signedIn.device, maxAge: Int(SignInLimiter.deviceLifetime), path: "/",
                secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)]
    }

    /// The cookie that carries a browser's device token.
    static let deviceCookieName = "cegraph_device"

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
