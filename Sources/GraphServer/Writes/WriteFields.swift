import Foundation
import GraphCore

/// The fields of a write, from a JSON body or an HTML form alike, with checks that answer
/// 400 naming the field. A form gives every value as text: a list is one item a line, a
/// yes-or-no is `true`/`yes`/`on` or `false`/`no`, so the API and the pages share one
/// reading of each write.
struct WriteFields: Sendable {
    let values: [String: JSONValue]

    init(_ values: [String: JSONValue]) { self.values = values }

    /// An HTML form's fields (the CSRF token left out).
    init(form: [String: String]) {
        values = form.filter { $0.key != SessionMiddleware.csrfField }.mapValues { .string($0) }
    }

    /// A field as text, nil when absent or blank.
    func optional(_ field: String) -> String? {
        guard let text = values[field]?.stringValue, !text.trimmingWhitespace().isEmpty else { return nil }
        return text
    }

    /// A field that must be given.
    ///
    /// - Throws: ``ServerError`` 400 "give `field`", with what it is when `what` says.
    func text(_ field: String, _ what: String? = nil) throws -> String {
        guard let text = optional(field) else { throw ServerError(.badRequest, "give \(field)" + (what.map { ": \($0)" } ?? ""), field: field) }
        return text
    }

    /// A date field (`YYYY-MM-DD`), nil when absent.
    func date(_ field: String) throws -> CalendarDate? {
        guard let text = optional(field) else { return nil }
        guard let date = CalendarDate(text.trimmingWhitespace()) else {
            throw ServerError(.badRequest, "\(field) \(Excerpt.bare(text)) is not a date (YYYY-MM-DD)", field: field)
        }
        return date
    }

    /// A date field that must be given.
    func requiredDate(_ field: String) throws -> CalendarDate {
        guard let date = try date(field) else { throw ServerError(.badRequest, "give \(field) (YYYY-MM-DD)", field: field) }
        return date
    }

    /// A yes-or-no field, nil when absent.
    func bool(_ field: String) throws -> Bool? {
        switch values[field] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case .string(let text)?:
            switch text.lowercased() {
            case "": return nil
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        default: break
        }
        throw ServerError(.badRequest, "\(field) is true or false", field: field)
    }

    /// A whole number, nil when absent.
    func integer(_ field: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = values[field], value != .null else { return nil }
        guard let number = value.stringValue.flatMap({ Int($0.trimmingWhitespace()) }) ?? value.doubleValue.flatMap({ Int(exactly: $0) }),
              range.contains(number) else {
            throw ServerError(.badRequest, "\(field) is a whole number from \(range.lowerBound) to \(range.upperBound)", field: field)
        }
        return number
    }

    /// Whole numbers from `range`: a JSON array of numbers (or of their text), or text with
    /// the numbers separated by commas, spaces or lines (a form's ticked boxes).
    func integers(_ field: String, in range: ClosedRange<Int>) throws -> [Int] {
        let items: [String]
        switch values[field] {
        case nil, .null?: return []
        case .string(let text)?: items = text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        case .array(let list)?: items = try list.map { item in
            guard let text = item.stringValue ?? item.doubleValue.flatMap({ Int(exactly: $0) }).map(String.init) else {
                throw ServerError(.badRequest, "each of \(field) is a whole number", field: field)
            }
            return text
        }
        case .number(let text)?: items = [text]
        default: throw ServerError(.badRequest, "\(field) is a list of whole numbers", field: field)
        }
        return try items.map { item in
            guard let number = Int(item.trimmingWhitespace()), range.contains(number) else {
                throw ServerError(.badRequest, "each of \(field) is a whole number from \(range.lowerBound) to \(range.upperBound)", field: field)
            }
            return number
        }
    }

    /// A list of text: a JSON array of strings, or text with one item a line (blank lines
    /// dropped).
    func list(_ field: String) throws -> [String] {
        switch values[field] {
        case nil, .null?: return []
        case .string(let text)?:
            return text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        case .array(let items)?:
            return try items.map { item in
                guard let text = item.stringValue else { throw ServerError(.badRequest, "each of \(field) is text", field: field) }
                return text
            }
        default: throw ServerError(.badRequest, "\(field) is a list of text", field: field)
        }
    }

    /// One of a closed set of values.
    ///
    /// - Throws: ``ServerError`` 400 naming the field and the allowed values.
    func choice<Value: RawRepresentable & CaseIterable>(_ field: String, _: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = try optionalChoice(field, Value.self) else {
            throw ServerError(.badRequest, "give \(field): " + WriteFields.allowed(Value.self), field: field)
        }
        return value
    }

    /// One of a closed set of values, nil when absent.
    func optionalChoice<Value: RawRepresentable & CaseIterable>(_ field: String, _: Value.Type) throws -> Value? where Value.RawValue == String {
        guard let text = optional(field) else { return nil }
        guard let value = Value(rawValue: text.trimmingWhitespace()) else {
            throw ServerError(.badRequest, "\(field) \(Excerpt.bare(text)) is not one of " + WriteFields.allowed(Value.self), field: field)
        }
        return value
    }

    static func allowed<Value: RawRepresentable & CaseIterable>(_: Value.Type) -> String where Value.RawValue == String {
        Value.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
