/// How a store on a database file is opened.
public struct StoreConfiguration: Sendable {
    /// Whether the store may only read (no migrations, no writes).
    public var readOnly = false
    /// SQLite's page cache per connection, in KiB. Imports raise it for their transaction.
    public var cacheKiB = 65_536
    /// How long a writer waits for another to finish, in seconds.
    public var busyTimeout: Double = 10

    public init(readOnly: Bool = false, cacheKiB: Int = 65_536, busyTimeout: Double = 10) {
        self.readOnly = readOnly
        self.cacheKiB = cacheKiB
        self.busyTimeout = busyTimeout
    }
}
