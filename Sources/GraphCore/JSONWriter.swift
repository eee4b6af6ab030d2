/// Writes compact JSON straight to UTF-8 bytes, for answers too large to build as a
/// ``JSONValue`` tree first: the 2-hop association answer spent four fifths of its time
/// building dictionaries, sorting their keys and writing them out.
///
/// Its output is the same as ``JSONValue/jsonBytes`` for the same value when the caller
/// writes each object's keys in sorted order, as that writer sorts them; a debug build checks
/// the order. Written by hand: Foundation's `JSONEncoder` goes through `Encodable` and
/// escapes differently (`/`, U+2028), and no package here writes to bytes as we stream.
public struct JSONWriter {
    /// What has been written.
    public private(set) var bytes: [UInt8] = []
    /// For each open container: whether it has an element yet, and (objects) the last key.
    private var open: [(hasElement: Bool, lastKey: String?)] = []

    public init(reserving capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Starts an object (as a value: at the top, in an array, or after ``key(_:)``).
    public mutating func beginObject() { begin(UInt8(ascii: "{")) }

    public mutating func endObject() { end(UInt8(ascii: "}")) }

    /// Starts an array (as a value).
    public mutating func beginArray() { begin(UInt8(ascii: "[")) }

    public mutating func endArray() { end(UInt8(ascii: "]")) }

    private mutating func begin(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        open.append((false, nil))
    }

    private mutating func end(_ bracket: UInt8) {
        open.removeLast()
        bytes.append(bracket)
    }

    /// Writes an object's key; the next call writes its value. Keys must come in sorted
    /// order for the output to match ``JSONValue``'s.
    public mutating func key(_ name: String) {
        assert(open.last?.lastKey.map { $0 < name } ?? true, "JSONWriter: key \(name) out of order")
        if open.last?.hasElement == true { bytes.append(UInt8(ascii: ",")) }
        open[open.count - 1] = (true, name)
        JSONValue.writeString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public mutating func string(_ text: String) {
        separate()
        JSONValue.writeString(text, to: &bytes)
    }

    public mutating func int(_ number: Int) {
        separate()
        bytes.append(contentsOf: String(number).utf8)
    }

    public mutating func bool(_ flag: Bool) {
        separate()
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    /// A value already built as a tree.
    public mutating func value(_ value: JSONValue) {
        separate()
        value.write(to: &bytes)
    }

    /// Whether a key has just been written, so that its value needs no comma.
    private var afterKey = false

    /// The comma before a value in an array (a value after a key has had its comma).
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = open.last else { return }
        if last.hasElement { bytes.append(UInt8(ascii: ",")) }
        open[open.count - 1].hasElement = true
    }
}
