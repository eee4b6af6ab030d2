import CaseWorkflow
import Foundation
import GraphCore
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into a JSON answer a user can act on, with the status of its kind
/// (``ErrorKind``): bad input 400, a record that does not exist 404, a clash with what is
/// stored 409, a busy database 503 with `Retry-After`, and anything else 500 "internal
/// error" with the detail only in the server's log. No SQL and no stack trace leave the
/// server. Outside the API (a page, a form the session check refused, an address that does
/// not exist) the same answer is an HTML page.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// The pages, for errors outside the API.
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            ErrorMiddleware.log(error, request, context, "request failed")
            return PageRenderer.isPage(request.uri.path) ? pages.error(for: error, context: context)
                : ErrorMiddleware.jsonAnswer(to: error)
        }
    }

    /// What the client is told for a fault: the detail stays in the log.
    static let internalMessage = "internal error; the details are in the server's log"
    /// What the client is told when the database is busy (another process holds its write
    /// lock past the busy timeout; a failing disk, rarer, gets the same words and the log
    /// tells the operator which).
    static let unavailableMessage = "the database is busy; try again in a moment"
    /// How long a client should wait before trying a 503 again, in seconds.
    static let retryAfterSeconds = "1"

    /// The status and the words a client is given for an error, from its kind:
    ///
    /// | kind | status | words |
    /// | --- | --- | --- |
    /// | input | 400 | the error's own (``ClassifiedError/userMessage``) |
    /// | notFound | 404 | the error's own |
    /// | conflict | 409 | the error's own |
    /// | unavailable | 503 | ``unavailableMessage`` |
    /// | internal, or an error of no kind | 500 | ``internalMessage`` |
    ///
    /// A ``ServerError`` keeps its own status (401, 403, 428, ...) and words, unless it is
    /// a fault; Hummingbird's `HTTPError` (an address with no route) keeps its own too.
    ///
    /// The words are cut at ``messageLimit`` characters: each value an error quotes is cut
    /// where it is quoted (``Excerpt``, 200 characters), and this bounds any that is not.
    static func describe(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as ServerError where error.kind != .internal: return (error.status, bounded(error.message))
        case let error as HTTPError: return (error.status, error.body ?? error.status.reasonPhrase)
        default: break
        }
        let kind = ErrorKind(of: error)
        // A workflow hint that names a `cegraph` command is left out: the service's users work in its pages.
        let message = bounded((error as? WorkflowError)?.serviceMessage ?? (error as? any ClassifiedError)?.userMessage ?? "")
        switch kind {
        case .input: return (.badRequest, message)
        case .notFound: return (.notFound, message)
        case .conflict: return (.conflict, message)
        case .unavailable: return (.serviceUnavailable, unavailableMessage)
        case .internal: return (.internalServerError, internalMessage)
        }
    }

    /// The most characters of an error's words a client is given.
    static let messageLimit = 1_000

    /// An error's words, cut at ``messageLimit`` characters with what was cut said.
    static func bounded(_ message: String) -> String {
        guard message.count > messageLimit else { return message }
        return message.prefix(messageLimit) + "… (cut; the message had \(message.count) characters)"
    }

    /// The JSON answer to an error: `{"error": words}` with the status of
    /// ``describe(_:)``, and `Retry-After` on a 503.
    static func jsonAnswer(to error: any Error) -> Response {
        let (status, message) = describe(error)
        var response = JSONResponse.make(.object(["error": .string(message)]), status: status)
        retryLater(&response, error)
        return response
    }

    /// Adds `Retry-After` to the answer to an error that will pass: a 503, or a refusal that
    /// says when (too many sign-ins), so a client knows when to try again.
    static func retryLater(_ response: inout Response, _ error: any Error) {
        if let seconds = (error as? ServerError)?.retryAfter {
            response.headers[.retryAfter] = String(seconds)
        } else if describe(error).0 == .serviceUnavailable {
            response.headers[.retryAfter] = retryAfterSeconds
        }
    }

    /// Writes to the log what a client is not told: a fault's or a busy database's full
    /// diagnostic (which may hold SQL). Errors the user can correct are not logged.
    static func log(_ error: any Error, _ request: Request, _ context: AppRequestContext, _ what: Logger.Message) {
        let kind = ErrorKind(of: error)
        guard kind == .internal || kind == .unavailable else { return }
        let detail = (error as? any ClassifiedError)?.diagnostic ?? "\(error)"
        let metadata: Logger.Metadata = ["path": .string(request.uri.path), "kind": .string(kind.rawValue), "error": .string(detail)]
        if kind == .internal {
            context.logger.error(what, metadata: metadata)
        } else {
            context.logger.warning(what, metadata: metadata)
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

    /// A typed record's JSON (``JSONValue/init(encoding:)``), written as every other
    /// answer is: compact, keys sorted.
    static func make(encoding value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        make(try JSONValue(encoding: value), status: status)
    }
}
