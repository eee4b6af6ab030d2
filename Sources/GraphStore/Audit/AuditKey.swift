import Crypto
import Foundation

/// One key the audit log's rows are sealed with: 32 random bytes, named by an id derived
/// from them, so a row says which key sealed it without the key being in the database.
public struct AuditKey: @unchecked Sendable {
    /// 16 hex digits: the first 8 bytes of SHA-256 over a label and the key.
    public let id: String
    /// When the key was made, ISO 8601 UTC.
    public let created: String
    /// The key (`@unchecked Sendable`: `SymmetricKey` is an immutable value that swift-crypto
    /// does not mark `Sendable`). Kept, not rebuilt from bytes for every row.
    let secret: SymmetricKey

    init(secret: SymmetricKey, created: String) {
        self.secret = secret
        self.created = created
        id = AuditKey.id(of: secret)
    }

    /// A new random key.
    static func generate(at created: String = Date().utcStamp) -> AuditKey {
        AuditKey(secret: SymmetricKey(size: .bits256), created: created)
    }

    static func id(of secret: SymmetricKey) -> String {
        let digest = secret.withUnsafeBytes { bytes in
            SHA256.hash(data: Data("cegraph audit key id\n".utf8) + Data(bytes))
        }
        return Store.hex(Data(digest).prefix(8))
    }

    /// The key's bytes as hex, for the key file only.
    var hex: String { secret.withUnsafeBytes { Store.hex(Data($0)) } }

    /// The HMAC-SHA-256 of `data` under this key.
    func mac(_ data: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: data, using: secret))
    }

    /// The keyed digest of a search's text: searches are audited by this, never in clear,
    /// so a name typed into search is not kept forever in the append-only log, while an
    /// investigator who knows the text can still find the rows (`cegraph audit searched`).
    /// The text is trimmed and case-folded first, so "Smith " and "smith" match.
    public func searchDigest(_ text: String) -> String {
        let subkey = SymmetricKey(data: mac(Data("cegraph search digest".utf8)))
        let folded = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return Store.hex(Data(HMAC<SHA256>.authenticationCode(for: Data(folded.utf8), using: subkey)))
    }
}
