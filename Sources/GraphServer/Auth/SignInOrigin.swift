import HTTPTypes
import Hummingbird

/// Refuses a sign-in posted from another site's page (login CSRF: signing a browser in to
/// an account of the attacker's). A sign-in has no session yet, so no CSRF token; instead
/// the browser's word on where the request came from is checked, two ways:
///
/// - `Sec-Fetch-Site`, when present, must be `same-origin` or `none` (typed or bookmarked);
/// - `Origin`, when present, must be the service's own origin (``RemoteClient/origin``:
///   the scheme and host the client reached, through a trusted proxy if there is one).
///
/// A browser sends at least one of the two with every form post and `fetch`; a client that
/// sends neither (curl, a script) is not a browser another site's page can drive.
enum SignInOrigin {
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
    static let origin = HTTPField.Name("Origin")!

    /// - Throws: ``ServerError`` 403 when either header says the request came from elsewhere.
    static func check(_ request: Request, client: RemoteClient) throws {
        if let site = request.headers[fetchSite], site != "same-origin", site != "none" {
            throw refused
        }
        if let given = request.headers[origin] {
            guard let own = client.origin, let origin = normalised(given), origin == own else { throw refused }
        }
    }

    static let refused = ServerError(.forbidden, "sign in from this service's own sign-in page")

    /// An `Origin` header written as ``RemoteClient/origin`` writes the service's own; nil
    /// for `null` or anything that is not `scheme://host[:port]`.
    static func normalised(_ text: String) -> String? {
        let parts = text.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, ["http", "https"].contains(parts[0].lowercased()), !parts[1].isEmpty, !parts[1].contains("/") else {
            return nil
        }
        return RemoteClient.origin(scheme: String(parts[0]), host: String(parts[1]))
    }
}
