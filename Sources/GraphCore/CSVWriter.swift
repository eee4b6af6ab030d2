/// Writes CSV (RFC 4180) for the lists people download: the one writer every CSV of
/// cegraph goes through, so every download quotes and guards its fields alike.
///
/// A field holding a comma, a quote or a line break is quoted, with its quotes doubled; a
/// field starting with `=`, `+`, `-` or `@` gets a leading `'`, so a spreadsheet never runs
/// a label (a name, a note) as a formula (OWASP, "CSV injection"). Lines end in CRLF.
public enum CSVWriter {
    /// One field, quoted when needed and guarded against formulas.
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
