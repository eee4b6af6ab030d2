/// Normalisation of the keys that identify an entity, so that the same thing entered twice
/// is one entity (FORMAT.md §1, "Normalisation").
///
/// Each function returns `nil` when the text cannot be a value of that kind; callers turn
/// that into an error naming the field.
public enum Normalise {
    /// A vehicle registration mark: upper case, no spaces or hyphens (`ab12 cde` → `AB12CDE`).
    public static func vrm(_ text: String) -> String? {
        let kept = text.uppercased().filter { $0 != " " && $0 != "-" }
        guard (2...10).contains(kept.count), kept.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        return kept
    }

    /// A phone number in E.164 (`07700 900123` → `+447700900123`).
    ///
    /// UK national numbers (a leading `0`) become `+44`; `00` becomes `+`. Spaces, hyphens,
    /// dots and brackets are ignored. The result is `+` and 8 to 15 digits.
    public static func phone(_ text: String) -> String? {
        var digits = ""
        var plus = false
        for (index, char) in text.enumerated() {
            switch char {
            case " ", "-", ".", "(", ")", "\t": continue
            case "+" where index == 0 || (digits.isEmpty && !plus): plus = true
            case "0"..."9": digits.append(char)
            default: return nil
            }
        }
        var e164: String
        if plus {
            e164 = digits
        } else if digits.hasPrefix("00") {
            e164 = String(digits.dropFirst(2))
        } else if digits.hasPrefix("0") {
            e164 = "44" + digits.dropFirst()
        } else if digits.hasPrefix("44") && digits.count >= 11 {
            e164 = digits
        } else {
            return nil
        }
        // "+44 (0)7700 ..." is written often enough to accept.
        if e164.hasPrefix("440") { e164 = "44" + e164.dropFirst(3) }
        guard (8...15).contains(e164.count), e164.first != "0" else { return nil }
        if e164.hasPrefix("44"), !(11...12).contains(e164.count) { return nil }
        return "+" + e164
    }

    /// The ways a phone number may be typed, for the full-text index: E.164 digits and the
    /// UK national form (`+447700900123` → `447700900123 07700900123`).
    public static func phoneSearchForms(_ e164: String) -> [String] {
        let digits = String(e164.dropFirst())
        var forms = [digits]
        if digits.hasPrefix("44") { forms.append("0" + digits.dropFirst(2)) }
        return forms
    }

    /// A social media handle: lower case, trimmed, without a leading `@`.
    public static func handle(_ text: String) -> String? {
        var trimmed = Substring(text.trimmingWhitespace())
        while trimmed.first == "@" { trimmed = trimmed.dropFirst() }
        let lowered = trimmed.lowercased()
        guard !lowered.isEmpty, !lowered.contains(where: { $0.isWhitespace }) else { return nil }
        return lowered
    }

    /// A platform name: lower case and trimmed (`Snapchat ` → `snapchat`).
    public static func platform(_ text: String) -> String? {
        let lowered = text.trimmingWhitespace().lowercased()
        return lowered.isEmpty ? nil : lowered
    }

    /// A UK postcode: upper case with one space before the inward code (`l11aa` → `L1 1AA`).
    public static func postcode(_ text: String) -> String? {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        // Girobank's GIR 0AA is the one valid postcode outside the usual pattern.
        if compact == "GIR0AA" { return "GIR 0AA" }
        let inward = compact.suffix(3)
        let outward = compact.dropLast(3)
        let inwardChars = Array(inward)
        guard inwardChars[0].isNumber, inwardChars[1].isLetter, inwardChars[2].isLetter,
              let first = outward.first, first.isLetter, outward.contains(where: { $0.isNumber }) else {
            return nil
        }
        return "\(outward) \(inward)"
    }

    /// Text folded for the full-text index's key column: VRMs and compact postcodes are
    /// indexed without spaces so that partial input such as `AB12` still matches.
    public static func compact(_ text: String) -> String {
        text.uppercased().filter { !$0.isWhitespace }
    }
}

extension String {
    /// The string without leading and trailing white space (Foundation-free).
    public func trimmingWhitespace() -> String {
        // The common case, checked on bytes: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
