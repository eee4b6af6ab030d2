import Foundation

/// Counts failed sign-ins per username and per address in a sliding window, so that a
/// password cannot be guessed at speed. In memory: a restart forgets, which is acceptable
/// for one process on one machine.
public actor SignInLimiter {
    private var failures: [String: [Date]] = [:]
    private let limit: Int
    private let window: TimeInterval

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Whether another attempt is allowed for these keys now.
    public func allows(_ keys: [String], now: Date = Date()) -> Bool {
        keys.allSatisfy { key in recent(key, now: now).count < limit }
    }

    /// Records a failure against each key.
    public func fail(_ keys: [String], now: Date = Date()) {
        for key in keys { failures[key] = recent(key, now: now) + [now] }
    }

    /// Clears a key after a successful sign-in.
    public func succeed(_ key: String) {
        failures[key] = nil
    }

    private func recent(_ key: String, now: Date) -> [Date] {
        (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
    }
}
