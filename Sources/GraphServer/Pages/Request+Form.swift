import GraphCore
import Foundation
import Hummingbird

extension Request {
    /// The largest HTML form accepted. The longest is an assessment: up to five free-text
    /// answers and a summary, percent-encoded (three bytes for each byte not ASCII).
    static let formLimit = 64 * 1024

    /// Whether the body is an HTML form (`application/x-www-form-urlencoded`).
    var isForm: Bool {
        headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
    }

    /// The body as HTML form fields, at most ``formLimit`` bytes. The body is kept, so that
    /// the CSRF check and the route can both read it.
    mutating func formFields() async throws -> [String: String] {
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(upTo: Request.formLimit)
        } catch {
            throw ServerError(.contentTooLarge, "the form is larger than \(Request.formLimit) bytes")
        }
        return Request.parseForm(String(buffer: buffer))
    }

    /// Decodes `a=1&b=two+words`: `+` is a space, then percent escapes. The first of a
    /// repeated field wins, so that a field added after a real one cannot replace it.
    static func parseForm(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return fields
    }
}
