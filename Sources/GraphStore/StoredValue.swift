import GraphCore

/// A value passed to, or read from, the store's named SQL.
///
/// The workflow and the server speak to the store in these values rather than in the
/// database library's types, so that no SQL dialect or driver leaks out of `GraphStore`.
public enum StoredValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
                         ExpressibleByNilLiteral, ExpressibleByBooleanLiteral {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }
    /// Booleans are stored as 0 and 1.
    public init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }

    /// Text, or `null` when `value` is nil.
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    /// An integer, or `null` when `value` is nil.
    public init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }
    /// An integer, or `null` when `value` is nil.
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    /// A real number, or `null` when `value` is nil.
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
    /// 0 or 1, or `null` when `value` is nil.
    public init(_ value: Bool?) { self = value.map { .integer($0 ? 1 : 0) } ?? .null }
    /// A `YYYY-MM-DD` date, or `null` when `value` is nil.
    public init(_ value: CalendarDate?) { self = value.map { .text($0.description) } ?? .null }
    /// JSON text, as stored in the JSON columns.
    public init(json value: JSONValue) { self = .text(value.jsonText) }

    /// The value as text, when it is text.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The value as an integer, when it is one (or a whole real).
    public var integer: Int64? {
        switch self {
        case .integer(let value): return value
        case .real(let value) where value.rounded() == value: return Int64(exactly: value)
        default: return nil
        }
    }

    /// The value as a real number, when it is a number.
    public var real: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        default: return nil
        }
    }

    /// Whether the value is `null`.
    public var isNull: Bool { self == .null }
}
