import Hummingbird

/// Reads a form's ``SavedNotice`` from its cookie for the page after the save, and clears
/// the cookie once a page has shown it (a 200 HTML page; a redirect or an error keeps it).
struct SavedNoticeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let secureCookies: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, context.account != nil, PageRenderer.isPage(request.uri.path),
              let value = request.cookies[SavedNotice.cookieName]?.value else {
            return try await next(request, context)
        }
        var context = context
        context.savedNotice = SavedNotice(cookie: value)
        var response = try await next(request, context)
        if response.status == .ok, response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.setCookie(SavedNotice.cleared(secure: secureCookies))
        }
        return response
    }
}
