import Foundation

/// Writing CSV (RFC 4180) that a spreadsheet opens safely.
public enum CSVText {
    /// A CSV field, quoted when needed; a leading `= + - @` is escaped so a spreadsheet
    /// never runs a label as a formula.
    public static func field(_ raw: String) -> String {
        let text = raw.first.map { "=+-@".contains($0) } == true ? "'" + raw : raw
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
