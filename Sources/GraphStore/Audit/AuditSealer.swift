import Foundation
import GRDB

/// Seals the store's audit rows: the key ring they are sealed with and the head file the
/// newest sealed row is written to after each commit.
final class AuditSealer: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`: the keys (rotation adds one) and the newest row sealed.
    private var ring: AuditKeyring
    private var latest: AuditHead?
    /// Whether the open transaction already has the head written after its commit: one
    /// write per transaction, however many rows it holds (the writer's transactions are
    /// one after another, so one flag serves).
    private var awaitingCommit = false
    /// The head file; nil for a store in memory.
    let headFile: AuditHeadFile?

    init(keyring: AuditKeyring, headFile: AuditHeadFile?) {
        ring = keyring
        self.headFile = headFile
    }

    /// A sealer for a store in memory: a key of its own, no files.
    static func ephemeral() -> AuditSealer {
        AuditSealer(keyring: .ephemeral(), headFile: nil)
    }

    var keyring: AuditKeyring {
        lock.lock()
        defer { lock.unlock() }
        return ring
    }

    /// Seals a row with the current key: its MAC and the key's id.
    ///
    /// - Parameter previousKey: the key id of the row before. When this ring does not hold
    ///   it, another process has added a key (`cegraph audit rotate-key` beside a running
    ///   service): the file is read again, so that no row is sealed with a key the row
    ///   before's has replaced.
    func seal(_ fields: AuditSeal.Fields, after previousKey: String?) -> (mac: String, keyId: String) {
        var ring = keyring
        if let previousKey, ring.key(previousKey) == nil, let path = ring.path, let reloaded = try? AuditKeyring.load(path: path) {
            lock.lock()
            self.ring = reloaded
            lock.unlock()
            ring = reloaded
        }
        let key = ring.current
        var fields = fields
        fields.keyId = Data(key.id.utf8)
        return (AuditSeal.mac(fields, key: key), key.id)
    }

    /// Notes a sealed row and, once its transaction commits, writes the head file.
    func sealed(_ head: AuditHead, in db: Database) {
        lock.lock()
        latest = head
        let register = headFile != nil && !awaitingCommit
        if register { awaitingCommit = true }
        lock.unlock()
        guard register, let headFile else { return }
        db.afterNextTransaction(onCommit: { [weak self] _ in
            guard let self else { return }
            self.lock.lock()
            let newest = self.latest
            self.awaitingCommit = false
            self.lock.unlock()
            // The head only lags after a failure here, which verification allows.
            if let newest { try? headFile.advance(to: newest) }
        }, onRollback: { [weak self] _ in
            guard let self else { return }
            self.lock.lock()
            self.awaitingCommit = false
            self.lock.unlock()
        })
    }

    /// The newest row sealed through this store, if any.
    var newestSealed: AuditHead? {
        lock.lock()
        defer { lock.unlock() }
        return latest
    }

    /// Adds a new key to the ring (and its file), which seals every row from now on.
    func rotate() throws -> AuditKeyring {
        lock.lock()
        defer { lock.unlock() }
        ring = try ring.rotated()
        return ring
    }
}
