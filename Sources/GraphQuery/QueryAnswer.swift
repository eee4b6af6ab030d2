import GraphCore

/// A query's answer in the two forms users read: JSON (FORMAT.md §3) for scripts and the
/// server, and lines of text for the terminal; plus the ids it names, for the audit log.
public struct QueryAnswer: Sendable {
    /// The JSON as the verb made it: a tree, or (a large answer the service sends as it is)
    /// bytes written straight by ``JSONWriter``.
    private enum Body: Sendable {
        case tree(JSONValue)
        case bytes([UInt8])
    }

    private let body: Body
    private let lines: @Sendable () -> [String]
    /// The answer for a person at a terminal.
    public var text: [String] { lines() }
    /// The ids of the entities and reports the answer discloses.
    public let recordIds: [String]

    public init(json: JSONValue, text: [String], recordIds: [String]) {
        body = .tree(json)
        lines = { text }
        self.recordIds = recordIds
    }

    /// An answer written as bytes: compact JSON with each object's keys sorted, as
    /// ``JSONValue/jsonBytes`` writes it; its lines of text made only when read.
    public init(jsonBytes: [UInt8], text: @escaping @Sendable () -> [String], recordIds: [String]) {
        body = .bytes(jsonBytes)
        lines = text
        self.recordIds = recordIds
    }

    /// The JSON object, as FORMAT.md §3 gives it (extra fields welcome). An answer written
    /// as bytes is read back: the command line and the tests ask for it, the service does not.
    public var json: JSONValue {
        switch body {
        case .tree(let value): return value
        case .bytes(let bytes):
            do {
                return try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) }
            } catch {
                preconditionFailure("the query engine wrote JSON it cannot read back: \(error)")
            }
        }
    }

    /// The compact, key-sorted JSON as UTF-8: what the service sends.
    public var jsonBytes: [UInt8] {
        switch body {
        case .tree(let value): return value.jsonBytes
        case .bytes(let bytes): return bytes
        }
    }
}
