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
            let (status, message) = ErrorMiddleware.describe(error)
            if status == .unauthorized { return .redirect(to: "/sign-in", type: .normal) }
            if status == .internalServerError {
                context.logger.error("page failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            }
            // Said in full on a page, but still one message for every record not shown.
            let text = status == .notFound ? "There is no record here that you may see. Check the address, or search again." : message
            return pages.error(status, text, context: context)
        }
    }
}
