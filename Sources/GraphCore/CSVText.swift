import Foundation

/// Writing CSV (RFC 4180) that a spreadsheet opens safely: the one writer every CSV of
/// cegraph goes through (the downloads, the reports, the audit log's), so every file quotes
/// and guards its fields alike. Lines end in CRLF.
public enum CSVText {
    /// A CSV field, quoted when needed; a leading `= + - @` is escaped so a spreadsheet
    /// never runs a label as a formula.
    public static func field(_ raw: String) -> String {
        let text = raw.first.map { "=+-@".contains($0) } == true ? "'" + raw : raw
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of fields, without its line end.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// A whole table: the header, then a line per row, each ending in CRLF.
    ///
    /// - Parameters:
    ///   - header: the column names.
    ///   - rows: the rows, each with as many fields as the header.
    public static func table(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { line($0) + "\r\n" }.joined()
    }
}
