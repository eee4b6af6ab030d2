import GraphCore

/// A query's answer in the two forms users read: JSON (FORMAT.md §3) for scripts and the
/// server, and lines of text for the terminal; plus the ids it names, for the audit log.
public struct QueryAnswer: Sendable {
    /// The JSON object, as FORMAT.md §3 gives it (extra fields welcome).
    public let json: JSONValue
    /// The answer for a person at a terminal.
    public let text: [String]
    /// The ids of the entities and reports the answer discloses.
    public let recordIds: [String]

    public init(json: JSONValue, text: [String], recordIds: [String]) {
        self.json = json
        self.text = text
        self.recordIds = recordIds
    }
}

/// A query that cannot be answered as asked: an unknown id, an entity the filters leave
/// out, a bad parameter. The message says what to change.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension JSONValue {
    /// A JSON integer.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A JSON number rounded to `places` decimals.
    static func decimal(_ value: Double, places: Int = 6) -> JSONValue {
        let scale = pow10(places)
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return .number(String(Int(rounded))) }
        return .number(String(rounded))
    }

    private static func pow10(_ places: Int) -> Double {
        var result = 1.0
        for _ in 0..<places { result *= 10 }
        return result
    }
}
