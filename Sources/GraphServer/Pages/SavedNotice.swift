import Foundation
import GraphCore
import Hummingbird

/// The confirmation a page shows once after a form saved: "Assessment ASMT-000012 recorded
/// for CASE-000004", with the record named as a link to its page when it has one.
///
/// A form answers a save with a redirect (post/redirect/get), so the notice travels in a
/// short-lived cookie (`HttpOnly`, `SameSite=Strict`) set on the redirect and cleared by the
/// page that shows it (``SavedNoticeMiddleware``). A cookie rather than a query parameter:
/// a link made elsewhere cannot show a confirmation of a save that never happened, and a
/// reload or a bookmark does not show it again. The text is always escaped on the page.
struct SavedNotice: Sendable, Equatable {
    /// The words before the record's reference.
    let before: String
    /// The record saved (its reference), or empty when the words name none.
    let record: String
    /// The words after it.
    let after: String
    /// The record's page, when it has one; a local path only.
    let href: String?

    /// The cookie's name.
    static let cookieName = "cegraph_saved"
    /// The most characters a notice keeps.
    static let limit = 300

    /// The words in one line.
    var text: String { before + record + after }

    /// A notice from `words`, where `{record}` stands for the record saved, `{ref}` for the
    /// record in the address and `{case}` for the case a form field named.
    static func saying(_ words: String, record: String, href: String?, ref: String? = nil, form: [String: String] = [:]) -> SavedNotice {
        let filled = words.replacingOccurrences(of: "{case}", with: form["case"].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 } ?? "the case")
            .replacingOccurrences(of: "{ref}", with: ref ?? "")
        guard let marker = filled.range(of: "{record}") else {
            return SavedNotice(before: String(filled.prefix(limit)), record: "", after: "", href: nil)
        }
        return SavedNotice(before: String(filled[..<marker.lowerBound]), record: String(record.prefix(100)),
                           after: String(filled[marker.upperBound...].prefix(limit)), href: href)
    }

    /// The record a write's answer names, by the first key of its own that it gives (a new
    /// assessment, action, notice...), with its page when it has one; else the record in
    /// the address.
    static func savedRecord(_ result: JSONValue, ref: String?) -> (String, String?) {
        let pages: [(String, String?)] = [("assessment", "/assessments/"), ("action", nil), ("disruption", "/disruptions/"),
                                          ("referral", nil), ("episode", nil), ("placement", nil), ("alert", nil),
                                          ("notification", nil), ("marthr", "/marthr/"), ("panel", "/panels/"), ("case", "/cases/")]
        for (key, base) in pages {
            if let id = result.objectValue?[key]?.stringValue, !id.isEmpty {
                return (id, base.map { $0 + PageRenderer.pathSegment(id) })
            }
        }
        return (ref ?? "", nil)
    }

    /// The page fields of the layout's confirmation.
    var fields: [String: Any] {
        var fields: [String: Any] = ["before": before, "after": after, "record": record]
        if let href { fields["href"] = href }
        return fields
    }

    // MARK: - The cookie

    /// The cookie that carries the notice to the next page.
    func cookie(secure: Bool) -> Cookie {
        let value = [href ?? "", before, record, after].map(PageRenderer.pathSegment).joined(separator: ".")
        return Cookie(name: SavedNotice.cookieName, value: value, maxAge: 60, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The cookie that clears it once shown.
    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The notice a cookie carries; nil for one not in the form ``cookie(secure:)`` makes.
    /// A link that is not a path on this service is dropped.
    init?(cookie value: String) {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false).map { String($0).removingPercentEncoding }
        guard parts.count == 4, let href = parts[0], let before = parts[1], let record = parts[2], let after = parts[3],
              before.count + record.count + after.count <= SavedNotice.limit * 2 + 100 else { return nil }
        let local = PageRenderer.localPath(href, otherwise: "")
        self.init(before: before, record: record, after: after, href: local.isEmpty ? nil : local)
    }

    init(before: String, record: String, after: String, href: String?) {
        self.before = before
        self.record = record
        self.after = after
        self.href = href
    }
}
