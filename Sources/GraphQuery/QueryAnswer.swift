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
