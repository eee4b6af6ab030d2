import GraphCore
import Hummingbird

/// Errors on the HTML pages: signed out goes to the sign-in form; anything else becomes the
/// error page (inside the layout, so the header still shows who is signed in). It uses the
/// same words and statuses as the JSON API (``ErrorMiddleware/describe(_:)``), so a hidden
/// record and a missing one give the same page.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            // A sensitive view before a reason was given: ask for one, then come back here.
            if let error = error as? ServerError, error.status == .preconditionRequired {
                return .redirect(to: "/reason?next=" + PageRenderer.queryValue(request.uri.description), type: .normal)
            }
            ErrorMiddleware.log(error, request, context, "page failed")
            return pages.error(for: error, context: context)
        }
    }
}
