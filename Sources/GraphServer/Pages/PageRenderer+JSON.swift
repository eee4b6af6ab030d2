import Foundation
import GraphCore

extension PageRenderer {
    /// A JSON object's fields as a page's values: each as text (``PageRoutes/text(_:)``), a
    /// null or empty value as `NSNull`, which renders as nothing and is false for
    /// `{{#field}}`, and which, unlike a value left out, stops Mustache from looking for
    /// the name in the enclosing sections (a decision's missing risk must not show the
    /// child's). Codes are put in words (``CodeWords``).
    static func fields(_ object: [String: JSONValue]?) -> [String: Any] {
        var fields: [String: Any] = [:]
        for (key, value) in object ?? [:] {
            switch value {
            case .null: fields[key] = NSNull()
            case .string(let text) where text.isEmpty: fields[key] = NSNull()
            case .array(let items) where items.isEmpty: fields[key] = NSNull()
            default: fields[key] = CodeWords.words(field: key, PageRoutes.text(value))
            }
        }
        return fields
    }

    /// A typed record's fields as a page's values (``fields(_:)`` of its JSON form).
    static func fields(encoding record: some Encodable) throws -> [String: Any] {
        fields(try JSONValue(encoding: record).objectValue)
    }

    /// Typed records as a page's rows (``fields(encoding:)`` each).
    static func rows(encoding records: [some Encodable]) throws -> [[String: Any]] {
        try records.map { try fields(encoding: $0) }
    }

    /// A JSON array of objects as a page's rows (``fields(_:)`` each).
    static func rows(_ array: JSONValue?) -> [[String: Any]] {
        (array?.arrayValue ?? []).map { fields($0.objectValue) }
    }

    /// Whether a stored flag column (1 or 0, true or false) is set.
    static func isSet(_ value: JSONValue?) -> Bool {
        switch value {
        case .bool(let flag)?: flag
        case .number(let text)?: text != "0"
        default: false
        }
    }
}
