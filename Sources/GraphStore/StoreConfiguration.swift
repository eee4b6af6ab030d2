/// How a store on a database file is opened.
public struct StoreConfiguration: Sendable {
    /// Whether the store may only read (no migrations, no writes).
    public var readOnly = false
    /// SQLite's page cache per connection, in KiB. Imports raise it for their transaction.
    public var cacheKiB = 65_536
    /// How long a writer waits for another to finish, in seconds.
    public var busyTimeout: Double = 10
    /// How old, in seconds, the kept data version may be before it is read again: how
    /// soon a write by another process (an import while the service runs) is seen. Writes
    /// through this store are seen at once.
    public var versionRecheck: Double = 0.5
    /// The audit key file; nil for the default, beside the database (`FILE.audit-key`).
    /// The head file is kept beside the key (``AuditFiles``).
    public var auditKeyPath: String?

    public init(readOnly: Bool = false, cacheKiB: Int = 65_536, busyTimeout: Double = 10, versionRecheck: Double = 0.5,
                auditKeyPath: String? = nil) {
        self.auditKeyPath = auditKeyPath
        self.readOnly = readOnly
        self.cacheKiB = cacheKiB
        self.busyTimeout = busyTimeout
        self.versionRecheck = versionRecheck
    }
}
