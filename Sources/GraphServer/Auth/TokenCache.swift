import Foundation
import GraphCore

/// The accounts of API tokens seen in the last few seconds, by token digest, so that a
/// script's every request does not look its token up in SQLite (a tenth of the 2-hop
/// API's CPU). A token revoked or an account disabled, which `cegraph account` does from
/// another process, stops working within ``ttl`` seconds.
///
/// Written by hand: a dictionary with expiry times is all it needs, and the few cache
/// libraries for Swift on Linux bring far more.
final class TokenCache: Sendable {
    /// How long an entry is trusted.
    let ttl: TimeInterval
    private let entries = Locked<[String: (account: Account, until: Date)]>([:])

    init(ttl: TimeInterval) {
        self.ttl = ttl
    }

    /// The account of a token digest, if looked up less than ``ttl`` seconds ago.
    func account(_ digest: String, now: Date = Date()) -> Account? {
        entries.withLock { entries in
            guard let entry = entries[digest] else { return nil }
            guard entry.until > now else {
                entries[digest] = nil
                return nil
            }
            return entry.account
        }
    }

    /// Keeps the account of a digest; clears every entry first when there are too many
    /// (a bound, not an eviction policy: scripts hold a handful of tokens).
    func keep(_ account: Account, for digest: String, now: Date = Date()) {
        guard ttl > 0 else { return }
        entries.withLock { entries in
            if entries.count >= 10_000 { entries.removeAll(keepingCapacity: true) }
            entries[digest] = (account, now.addingTimeInterval(ttl))
        }
    }

    /// Forgets every entry: an account's role or scope changed in this process.
    func clear() {
        entries.withLock { $0.removeAll(keepingCapacity: true) }
    }
}
