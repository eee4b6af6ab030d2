import Foundation

/// The chain's head: the newest sealed row's sequence number, its MAC and the key that
/// sealed it. Kept outside the database (the head file, the service's log, and wherever
/// `cegraph audit anchor` prints it to), so that deleting the newest rows, emptying the
/// table or putting back an older copy of the database file shows: the log no longer
/// reaches the head.
public struct AuditHead: Sendable, Equatable, CustomStringConvertible {
    /// The row's sequence number; 0 for a log with no sealed row yet.
    public let seq: Int64
    /// The row's MAC, 64 hex digits (the genesis value for seq 0).
    public let mac: String
    /// The id of the key that sealed it (empty for seq 0).
    public let keyId: String

    public init(seq: Int64, mac: String, keyId: String) {
        self.seq = seq
        self.mac = mac
        self.keyId = keyId
    }

    /// The head of a log with no sealed row.
    static let empty = AuditHead(seq: 0, mac: AuditLog.genesis, keyId: "0000000000000000")

    /// One line, fixed in length for every head (so that writing it over the last one in
    /// place never leaves a tail): `cegraph audit head seq=… mac=… key=…`.
    public var description: String {
        let digits = String(seq)
        return "cegraph audit head seq=\(String(repeating: "0", count: max(0, 20 - digits.count)) + digits) mac=\(mac) key=\(keyId)"
    }

    /// Reads a head line (as ``description`` writes it, leading zeros optional).
    public init?(line: String) {
        let fields = line.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        guard fields.count == 6, fields[0] == "cegraph", fields[1] == "audit", fields[2] == "head",
              fields[3].hasPrefix("seq="), let seq = Int64(fields[3].dropFirst(4)), seq >= 0,
              fields[4].hasPrefix("mac="), fields[4].count == 68,
              fields[5].hasPrefix("key="), fields[5].count == 20 else { return nil }
        self.init(seq: seq, mac: String(fields[4].dropFirst(4)), keyId: String(fields[5].dropFirst(4)))
    }
}
