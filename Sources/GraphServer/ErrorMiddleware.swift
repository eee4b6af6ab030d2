import CaseWorkflow
import Foundation
import GraphCore
import GraphQuery
import GraphRender
import GraphStore
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into a JSON answer a user can act on: bad input says what is wrong,
/// anything else is "internal error" with the detail only in the server's log. No SQL and
/// no stack trace leave the server. Outside the API (a page, a form the session check
/// refused, an address that does not exist) the same answer is an HTML page.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// The pages, for errors outside the API.
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = ErrorMiddleware.describe(error)
            if status == .internalServerError {
                context.logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            }
            var response = PageRenderer.isPage(request.uri.path) ? pages.error(for: error, context: context)
                : JSONResponse.make(.object(["error": .string(message)]), status: status)
            SessionMiddleware.secure(&response.headers)
            return response
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as ServerError: return (error.status, error.message)
        case let error as WorkflowError: return (.badRequest, error.description)
        case let error as QueryError: return (.badRequest, "\(error)")
        case let error as InputError: return (.badRequest, error.message)
        case let error as StoreError where error.isInputError || error.operation == "workflow": return (.badRequest, error.description)
        case let error as HTTPError: return (error.status, error.body ?? error.status.reasonPhrase)
        default: return (.internalServerError, "internal error; the details are in the server's log")
        }
    }
}

/// JSON responses.
enum JSONResponse {
    /// JSON already written.
    static func make(bytes: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(data: bytes)))
    }

    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: value.jsonBytes)))
    }
}
