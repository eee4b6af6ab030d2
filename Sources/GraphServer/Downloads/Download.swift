import Foundation
import GraphCore
import HTTPTypes
import Hummingbird

/// A file the service hands over as a download: a map, a network, a list as CSV. Every
/// download is a disclosure (DPA 2018 s.62: to whom the data went), so each writes a
/// `disclosure` audit row naming its records and its recipient before its bytes leave, as
/// the command line's exports do.
///
/// The recipient is the signed-in account, or whom `recipient` names (as `GET /api/export`
/// takes it): a plain link needs no form, and the account that took the file answers for
/// it.
struct Download: Sendable {
    /// What the file is (`timeline`, `cases`, `map`...), for the audit row and its name.
    let what: String
    let data: Data
    let contentType: String
    /// The file's name, without its folder: `timeline-CH1.csv`.
    let filename: String

    /// A CSV download (``CSVText``).
    static func csv(_ what: String, _ text: String, name: String) -> Download {
        Download(what: what, data: Data(text.utf8), contentType: "text/csv; charset=utf-8", filename: fileName(name, "csv"))
    }

    /// A safe file name from `name`: ASCII letters, digits, `-`, `_` and `.` kept (anything
    /// else becomes `-`, so no quote or path can reach the header), at most 100 characters,
    /// then `.ext`.
    static func fileName(_ name: String, _ ext: String) -> String {
        let kept = String(name.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || "-_.".unicodeScalars.contains(scalar) ? Character(scalar) : "-"
        }.prefix(100))
        return (kept.isEmpty ? "download" : kept) + "." + ext
    }

    /// The recipient a request names (`recipient`, at most 200 characters), else the
    /// signed-in account.
    static func recipient(_ request: Request, account: Account) -> String {
        let named = request.query("recipient")?.trimmingWhitespace() ?? ""
        return named.isEmpty ? account.username : String(named.prefix(200))
    }

    /// Writes the disclosure's audit row (before anything is sent: if it cannot be written,
    /// nothing leaves) and answers the file as an attachment.
    ///
    /// - Parameters:
    ///   - details: what was asked (the filters, the root, the audience), for the audit row.
    ///   - recordIds: the records the file holds.
    func response(details: [String: JSONValue] = [:], recordIds: [String], request: Request, context: AppRequestContext,
                  services: Services) throws -> Response {
        let account = try context.requireSignedIn()
        var records = details
        records["download"] = .string(what)
        records["file"] = .string(filename)
        try services.store.auditDisclosure(records, recordIds: recordIds, recipients: [Download.recipient(request, account: account)],
                                           by: services.viewer(context, purpose: "download of \(what)"))
        return Response(status: .ok, headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(filename)\""],
                        body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}

extension Download {
    /// The address of a list's CSV: the API's `path` with the page's parameters (those
    /// given) and `format=csv`, so the file holds what the page shows.
    static func csvHref(_ path: String, _ parameters: [(String, String?)]) -> String {
        let given = parameters.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : "\(name)=\(PageRenderer.queryValue($0))" } }
        return path + "?" + (given + ["format=csv"]).joined(separator: "&")
    }
}
