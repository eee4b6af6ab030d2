import Foundation
import GraphCore

/// Limits password guessing without letting a guesser lock other people out.
///
/// Failed sign-ins are counted in a sliding window (``ServerConfiguration/signInWindow``)
/// under several keys:
///
/// - **the account from one address** (``ServerConfiguration/signInAttempts``, 5): the lock
///   a guesser meets. Past it, that address may not try that account until its failures age
///   out; every other account, and the same account from anywhere else, is untouched. Before
///   it, each failure makes the next attempt wait longer (``ServerConfiguration/signInDelay``,
///   doubling).
/// - **the account from every address** (``ServerConfiguration/accountSignInAttempts``, 20)
///   and **the address across every account** (``ServerConfiguration/addressSignInAttempts``,
///   50): ceilings against guessing one account from many addresses, and one password across
///   many accounts.
///
/// The ceilings bind only **browsers that have not signed in to the account before**. A
/// successful sign-in gives the browser a device token (the `cegraph_device` cookie, the
/// "device cookie" of OWASP's advice on lockout), which names the account. An attempt on
/// that account with the token is counted under the token alone, with the per-address
/// limit and delays: so a guesser who has locked an account, or used up an address's
/// ceiling (everyone behind one proxy shares an address), does not lock out the people who
/// use that account and have signed in before. The tokens live in memory, as the counts do.
///
/// An attempt is reserved before its password is checked, in one step with the check of
/// the limits, so that attempts made in parallel cannot all pass them (and each waits
/// longer than the one before); a successful sign-in then gives its reservation back.
public actor SignInLimiter {
    /// A sign-in attempt: whom it is for and where it comes from.
    public struct Attempt: Sendable {
        /// The username, as typed (compared in lower case).
        public let account: String
        /// The client's address (``RemoteClient/address``); nil counts as one unknown address.
        public let address: String?
        /// The device token the browser sent, if any.
        public let device: String?

        /// An attempt on `account` from `address`, with the device token the browser sent.
        public init(account: String, address: String?, device: String? = nil) {
            self.account = account.lowercased()
            self.address = address
            self.device = device
        }
    }

    /// An attempt let through: it counts as a failure until ``succeed(_:now:)`` gives it back.
    public struct Reservation: Sendable {
        let keys: [String]
        let at: Date
        let account: String
        /// The device token the attempt carried, when it is one for its account.
        let device: String?
        /// How long to wait before checking the password, in seconds.
        public let delay: Double
    }

    /// Whether an attempt may go on.
    public enum Decision: Sendable {
        /// Check the password (after ``Reservation/delay``).
        case proceed(Reservation)
        /// Too many failures: try again in this many seconds.
        case refused(retryAfter: Int)
    }

    private struct Device {
        let account: String
        var until: Date
    }

    /// How long a device token is good for after its last sign-in: 30 days.
    public static let deviceLifetime: Double = 30 * 24 * 60 * 60

    private let limits: ServerConfiguration
    private var attempts: [String: [Date]] = [:]
    private var devices: [String: Device] = [:]
    private var reservationsSinceSweep = 0

    /// A limiter with nothing counted yet, with the limits of `configuration`.
    public init(configuration: ServerConfiguration) {
        limits = configuration
    }

    /// Reserves an attempt against each of its keys when every one has room for it now.
    public func reserve(_ attempt: Attempt, now: Date = Date()) -> Decision {
        sweepNowAndThen(now: now)
        let device = attempt.device.flatMap { token in
            devices[token].flatMap { $0.account == attempt.account && $0.until > now ? token : nil }
        }
        let address = "address:" + (attempt.address ?? "unknown")
        // A limit below one would refuse every sign-in, and leave no failure to wait out.
        let pair = max(1, limits.signInAttempts)
        let keys: [(key: String, limit: Int)] = if let device {
            [("device:" + device, pair)]
        } else {
            [("pair:" + address + " " + attempt.account, pair), ("account:" + attempt.account, max(1, limits.accountSignInAttempts)),
             (address, max(1, limits.addressSignInAttempts))]
        }
        let counted = keys.map { recent($0.key, now: now) }
        let full = zip(keys, counted).filter { $0.1.count >= $0.0.limit }
        guard full.isEmpty else {
            // Free again once the oldest failure of each full key has aged out.
            let free = full.map { $0.1.sorted()[$0.1.count - $0.0.limit].addingTimeInterval(limits.signInWindow) }.max() ?? now
            return .refused(retryAfter: max(1, Int(free.timeIntervalSince(now).rounded(.up))))
        }
        for (key, dates) in zip(keys, counted) { attempts[key.key] = dates + [now] }
        return .proceed(Reservation(keys: keys.map(\.key), at: now, account: attempt.account, device: device,
                                    delay: delay(afterFailures: counted[0].count)))
    }

    /// The wait before an attempt that follows `failures` failures of its pair: none at first,
    /// then ``ServerConfiguration/signInDelay``, doubling each time, at most
    /// ``ServerConfiguration/signInMaxDelay``.
    public func delay(afterFailures failures: Int) -> Double {
        guard failures > 0, limits.signInDelay > 0 else { return 0 }
        return min(limits.signInMaxDelay, limits.signInDelay * pow(2, Double(min(failures - 1, 30))))
    }

    /// Gives a reservation back after a successful sign-in, ends the run of failures of its
    /// pair (or device token), and returns the device token the browser keeps for the
    /// account: the one it sent, or a new one.
    public func succeed(_ reservation: Reservation, now: Date = Date()) -> String {
        giveBack(reservation)
        attempts[reservation.keys[0]] = nil
        let token = reservation.device ?? AccountStore.randomToken()
        devices[token] = Device(account: reservation.account, until: now.addingTimeInterval(SignInLimiter.deviceLifetime))
        return token
    }

    /// Gives a reservation back without a verdict on the password (the check failed for
    /// another reason, such as a busy database).
    public func giveBack(_ reservation: Reservation) {
        for key in reservation.keys {
            guard var dates = attempts[key], let index = dates.lastIndex(of: reservation.at) else { continue }
            dates.remove(at: index)
            attempts[key] = dates.isEmpty ? nil : dates
        }
    }

    /// How many keys and device tokens are held: for tests of the sweep.
    public var keyCount: Int { attempts.count + devices.count }

    private func recent(_ key: String, now: Date) -> [Date] {
        (attempts[key] ?? []).filter { now.timeIntervalSince($0) < limits.signInWindow }
    }

    /// Drops keys with no attempt in the window, and device tokens past their time, every
    /// 256 reservations, so that the tables do not grow with every name and address tried.
    private func sweepNowAndThen(now: Date) {
        reservationsSinceSweep += 1
        guard reservationsSinceSweep >= 256 else { return }
        reservationsSinceSweep = 0
        attempts = attempts.compactMapValues { dates in
            let kept = dates.filter { now.timeIntervalSince($0) < limits.signInWindow }
            return kept.isEmpty ? nil : kept
        }
        devices = devices.filter { $0.value.until > now }
    }
}
