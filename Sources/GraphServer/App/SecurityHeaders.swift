import HTTPTypes
import Hummingbird

/// The headers every response carries, errors included: nothing is cached, sniffed or
/// framed; no address of the service is sent to another site; script, style, forms and the
/// base URL come from this service only; and over HTTPS (a trusted proxy's
/// `X-Forwarded-Proto: https`), Strict-Transport-Security.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Everything from this service only: no inline script or style (the pages keep both
    /// in `/static/`), no framing by any page, forms posted here only, no `<base>`.
    static let contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    /// A year of HTTPS only, once a browser has reached the service over HTTPS.
    static let strictTransportSecurity = "max-age=31536000"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        SecurityHeaders.apply(to: &response.headers, https: context.client.https)
        return response
    }

    /// Sets the headers on a response.
    static func apply(to headers: inout HTTPFields, https: Bool) {
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        // `same-origin`, not `no-referrer`: no other site is told where a link came from,
        // and a browser still sends a form post's true `Origin` to this service (under
        // `no-referrer` it sends `Origin: null`, and sign-in could not check it).
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        if https { headers[.strictTransportSecurity] = strictTransportSecurity }
    }
}
