import GraphCore
import Foundation

/// Counts sign-in attempts per username and per address in a sliding window, so that a
/// password cannot be guessed at speed. In memory: a restart forgets, which is acceptable
/// for one process on one machine.
///
/// An attempt is reserved before the password is checked, in one step with the check of
/// the limit, so that attempts made in parallel cannot all pass it; a successful sign-in
/// then gives its reservation back.
public actor SignInLimiter {
    /// A reserved attempt, to give back after a successful sign-in.
    public struct Reservation: Sendable {
        let keys: [String]
        let at: Date
    }

    private var attempts: [String: [Date]] = [:]
    private var reservationsSinceSweep = 0
    private let limit: Int
    private let window: TimeInterval

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Reserves an attempt against each key, when every key has room for one now; nil
    /// when any key has had `limit` attempts in the window. The reservation counts as a
    /// failure until ``succeed(_:)`` gives it back.
    public func reserve(_ keys: [String], now: Date = Date()) -> Reservation? {
        sweepNowAndThen(now: now)
        let counted = keys.map { recent($0, now: now) }
        guard counted.allSatisfy({ $0.count < limit }) else { return nil }
        for (key, dates) in zip(keys, counted) { attempts[key] = dates + [now] }
        return Reservation(keys: keys, at: now)
    }

    /// Gives a reservation back after a successful sign-in, and clears `cleared` (the
    /// username's key: a right password ends its run of failures).
    public func succeed(_ reservation: Reservation, clearing cleared: String) {
        for key in reservation.keys {
            guard var dates = attempts[key], let index = dates.lastIndex(of: reservation.at) else { continue }
            dates.remove(at: index)
            attempts[key] = dates.isEmpty ? nil : dates
        }
        attempts[cleared] = nil
    }

    /// How many keys are held: for tests of the sweep.
    public var keyCount: Int { attempts.count }

    private func recent(_ key: String, now: Date) -> [Date] {
        (attempts[key] ?? []).filter { now.timeIntervalSince($0) < window }
    }

    /// Drops keys with no attempt in the window, every 256 reservations, so that the
    /// table does not grow with every username and address ever tried.
    private func sweepNowAndThen(now: Date) {
        reservationsSinceSweep += 1
        guard reservationsSinceSweep >= 256 else { return }
        reservationsSinceSweep = 0
        attempts = attempts.compactMapValues { dates in
            let kept = dates.filter { now.timeIntervalSince($0) < window }
            return kept.isEmpty ? nil : kept
        }
    }
}
