import GraphCore
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The HTML pages' templates and static files, loaded once from the package's resources
/// (`Templates/*.mustache`, `Static/*`). No CDN and no build step: what is in the folders is
/// what the browser gets.
///
/// Every value reaches a page through `{{ }}`, which HTML-escapes it; the templates never
/// use triple braces, so a hostile label cannot become markup.
struct PageRenderer: Sendable {
    /// A file served under `/static/`.
    struct StaticFile: Sendable {
        let contentType: String
        let body: ByteBuffer
    }

    let library: MustacheLibrary
    let files: [String: StaticFile]

    /// Content types by extension, for the only kinds of file `Static/` holds.
    static let contentTypes = ["js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"]

    /// Loads the templates and static files from the module's bundle.
    ///
    /// - Throws: ``ServerError`` when a folder is missing from the build or a template does
    ///   not parse (a fault in the build, found at start rather than on a user's request).
    init() throws {
        var library = MustacheLibrary()
        for (name, text) in try PageRenderer.files(in: "Templates") where name.hasSuffix(".mustache") {
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw ServerError(.internalServerError, "the template \(name) does not parse: \(error)")
            }
        }
        self.library = library
        var files: [String: StaticFile] = [:]
        for (name, text) in try PageRenderer.files(in: "Static") {
            guard let type = PageRenderer.contentTypes[URL(fileURLWithPath: name).pathExtension] else { continue }
            files[name] = StaticFile(contentType: type, body: ByteBuffer(string: text))
        }
        self.files = files
    }

    private static func files(in folder: String) throws -> [(String, String)] {
        guard let url = Bundle.module.url(forResource: folder, withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw ServerError(.internalServerError, "the folder \(folder) is missing from the build")
        }
        return try names.sorted().map { name in
            (name, try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// A page: `template` rendered with `fields` and the layout's fields for `context`.
    ///
    /// - Parameters:
    ///   - fields: the page's values. Leave out a value rather than give nil: a nil kept
    ///     in a dictionary of `Any` would count as present in a section.
    func page(_ template: String, _ fields: [String: Any], context: AppRequestContext,
              status: HTTPResponse.Status = .ok) -> Response {
        var all = PageRenderer.layoutFields(context)
        all.merge(fields) { _, page in page }
        let html = library.render(all, withTemplate: template) ?? "template \(template) is missing"
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The answer to an error on a page: signed out goes to the sign-in form; anything else
    /// is the error page, with the API's status and words (``ErrorMiddleware/describe(_:)``).
    /// A record the viewer may not see and a missing one get the same page, because both
    /// come here as ``ServerError/notFound`` with nothing else to tell them apart.
    func error(for error: any Error, context: AppRequestContext) -> Response {
        let (status, message) = ErrorMiddleware.describe(error)
        if status == .unauthorized { return .redirect(to: "/sign-in", type: .normal) }
        // Said in full on a page, but still one message for every record not shown.
        let text = status == .notFound ? "There is no record here that you may see. Check the address, or search again." : message
        var response = page("error", ["status": String(status.code), "reason": status.reasonPhrase, "message": text], context: context, status: status)
        ErrorMiddleware.retryLater(&response, error)
        return response
    }

    /// Whether a path is a page's rather than the API's (whose errors stay JSON).
    static func isPage(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/api" || path == "/openapi.json" || path == "/healthz")
    }

    /// What the layout shows: who is signed in, and the sign-out form's CSRF token.
    static func layoutFields(_ context: AppRequestContext) -> [String: Any] {
        guard let account = context.account else { return [:] }
        var fields: [String: Any] = ["account": ["name": account.displayName, "username": account.username, "role": account.role.title,
                                                 "nav": Navigation.links(for: account.role)]]
        if let session = context.session { fields["csrfToken"] = session.csrfToken }
        if let saved = context.savedNotice { fields["saved"] = saved.fields }
        return fields
    }

    /// A `/static/` file by name; nil for any other name (nothing is read from disk per request).
    func file(_ name: String) -> Response? {
        guard let file = files[name] else { return nil }
        return Response(status: .ok, headers: [.contentType: file.contentType], body: .init(byteBuffer: file.body))
    }

    /// A value for a URL query: everything but unreserved characters escaped.
    static func queryValue(_ text: String) -> String { pathSegment(text) }

    /// The address of `path` with the request's query, `changes` set (a nil value removes
    /// the parameter): the next page of the same question.
    static func href(_ path: String, _ request: Request, setting changes: [String: String?]) -> String {
        var parts: [(String, String)] = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
            .filter { changes[$0.0] == nil }
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) {
            if let value { parts.append((name, value)) }
        }
        return path + (parts.isEmpty ? "" : "?" + parts.map { "\(queryValue($0.0))=\(queryValue($0.1))" }.joined(separator: "&"))
    }

    /// Where a form may send the browser back to: a path on this service only (never
    /// `//host` or a full URL), else `otherwise` (the search page unless told: a role's
    /// first page, ``Role/firstPage``, for a form every role sees).
    static func localPath(_ next: String?, otherwise: String = "/search") -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              !next.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else { return otherwise }
        return next
    }

    /// An id as one URL path segment: anything but unreserved characters is escaped, so an
    /// id with `/`, `?` or `#` in it cannot change where a link goes.
    static func pathSegment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? id
    }
}
