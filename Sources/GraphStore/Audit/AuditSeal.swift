import Crypto
import Foundation

/// How a row is sealed: the exact bytes its MAC is computed over, and the rule rows written
/// before the key (plain SHA-256) were chained with.
enum AuditSeal {
    /// The fields of a row as stored, in the order they are sealed. Bytes, not strings: the
    /// MAC covers what is on disk, so a character swapped for an invalid byte that would
    /// read back as the same `String` (U+FFFD) still breaks it.
    struct Fields {
        var seq: Int64
        var at: Data
        var operation: Data
        var actor: Data
        var justification: Data
        var records: Data
        var recipients: Data
        var prevHash: Data
        var keyId: Data
    }

    static let domain = Data("cegraph audit row v2\n".utf8)

    /// The canonical encoding: a label, then each field as its length (8 bytes, big
    /// endian) and its bytes. Every boundary is explicit, so no text can move from one
    /// field to the next and keep the MAC (a newline in an actor's name is just a byte).
    static func encoding(_ fields: Fields) -> Data {
        var data = domain
        for part in [Data(String(fields.seq).utf8), fields.at, fields.operation, fields.actor, fields.justification,
                     fields.records, fields.recipients, fields.prevHash, fields.keyId] {
            withUnsafeBytes(of: UInt64(part.count).bigEndian) { data.append(contentsOf: $0) }
            data.append(part)
        }
        return data
    }

    /// The row's MAC under `key`, as 64 hex digits.
    static func mac(_ fields: Fields, key: AuditKey) -> String {
        Store.hex(key.mac(encoding(fields)))
    }

    /// The rule rows written before the key were chained with: SHA-256 over the fields
    /// joined with newlines. Ambiguous and unkeyed, hence replaced; kept to check the old
    /// rows up to the seal.
    static func legacyHash(_ fields: Fields) -> String {
        var data = Data()
        for (index, part) in [fields.prevHash, Data(String(fields.seq).utf8), fields.at, fields.operation, fields.actor,
                              fields.justification, fields.records, fields.recipients].enumerated() {
            if index > 0 { data.append(0x0A) }
            data.append(part)
        }
        return Store.hex(SHA256.hash(data: data))
    }
}
