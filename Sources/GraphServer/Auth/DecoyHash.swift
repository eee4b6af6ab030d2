import GraphCore
import HummingbirdBcrypt

/// The bcrypt hash a sign-in with an unknown username is checked against, so that it takes
/// as long as a wrong password (the answer must not tell that a name does not exist).
///
/// Made once per process, at the cost new passwords are hashed with. The service makes it at
/// start (``AccountStore/prepareDecoy()``): made at the first unknown username instead, that
/// sign-in would take twice as long as any other, which tells.
final class DecoyHash: Sendable {
    let cost: UInt8
    private let made = Locked<String?>(nil)

    init(cost: UInt8) {
        self.cost = cost
    }

    /// The hash, made now if it has not been.
    var hash: String {
        made.withLock { made in
            if let made { return made }
            let hash = Bcrypt.hash("cegraph decoy password", cost: cost)
            made = hash
            return hash
        }
    }

    /// Whether the hash has been made.
    var isMade: Bool { made.withLock { $0 != nil } }
}
