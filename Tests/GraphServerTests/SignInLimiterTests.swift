import Foundation
import GraphServer
import Testing

/// The limiter alone, on a clock the test controls: per account from one address, per
/// account and per address as ceilings, the growing wait, device tokens, the sweep.
struct SignInLimiterTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    static func limits(pair: Int = 3, account: Int = 5, address: Int = 8) -> ServerConfiguration {
        var limits = ServerConfiguration()
        limits.signInAttempts = pair
        limits.accountSignInAttempts = account
        limits.addressSignInAttempts = address
        limits.signInWindow = 60
        limits.signInDelay = 0.25
        limits.signInMaxDelay = 1
        return limits
    }

    /// Fails `count` attempts (reserving and never succeeding), each a second after the last.
    static func fail(_ limiter: SignInLimiter, _ account: String, from address: String, count: Int, at time: inout Date) async {
        for _ in 0..<count {
            _ = await limiter.reserve(.init(account: account, address: address), now: time)
            time.addTimeInterval(1)
        }
    }

    static func proceeds(_ decision: SignInLimiter.Decision) -> Bool {
        if case .proceed = decision { return true }
        return false
    }

    static func reservation(_ decision: SignInLimiter.Decision) throws -> SignInLimiter.Reservation {
        guard case .proceed(let reservation) = decision else { throw LimiterTestError.refused }
        return reservation
    }

    enum LimiterTestError: Error { case refused }

    @Test func anAccountIsLimitedPerAddressAndAcrossAddressesTogether() async throws {
        let limiter = SignInLimiter(configuration: Self.limits())
        var now = Self.start
        await Self.fail(limiter, "alice", from: "10.0.0.1", count: 3, at: &now)
        #expect(!Self.proceeds(await limiter.reserve(.init(account: "alice", address: "10.0.0.1"), now: now)), "the pair is locked")
        #expect(!Self.proceeds(await limiter.reserve(.init(account: "ALICE", address: "10.0.0.1"), now: now)), "the same account in capitals")
        // Another address may still try alice, until the account's ceiling (5) is reached.
        await Self.fail(limiter, "alice", from: "10.0.0.2", count: 2, at: &now)
        #expect(!Self.proceeds(await limiter.reserve(.init(account: "alice", address: "10.0.0.3"), now: now)), "the account's ceiling")
        #expect(Self.proceeds(await limiter.reserve(.init(account: "bob", address: "10.0.0.3"), now: now)), "another account")
    }

    @Test func aLockedAccountDoesNotBlockAnotherAccountFromTheSameAddress() async throws {
        let limiter = SignInLimiter(configuration: Self.limits())
        var now = Self.start
        await Self.fail(limiter, "alice", from: "10.0.0.1", count: 3, at: &now)
        #expect(!Self.proceeds(await limiter.reserve(.init(account: "alice", address: "10.0.0.1"), now: now)))
        let bob = try Self.reservation(await limiter.reserve(.init(account: "bob", address: "10.0.0.1"), now: now))
        #expect(bob.delay == 0, "bob has failed nothing: no wait")
    }

    @Test func anAddressGuessingAcrossAccountsMeetsItsCeiling() async throws {
        let limiter = SignInLimiter(configuration: Self.limits())
        var now = Self.start
        for index in 0..<8 { await Self.fail(limiter, "user\(index)", from: "10.0.0.9", count: 1, at: &now) }
        #expect(!Self.proceeds(await limiter.reserve(.init(account: "user9", address: "10.0.0.9"), now: now)))
        #expect(Self.proceeds(await limiter.reserve(.init(account: "user9", address: "10.0.0.10"), now: now)), "another address")
    }

    @Test func eachFailureWaitsLongerBeforeTheLock() async throws {
        let limiter = SignInLimiter(configuration: Self.limits(pair: 6, account: 20, address: 20))
        var delays: [Double] = []
        for second in 0..<6 {
            let reservation = try Self.reservation(await limiter.reserve(.init(account: "alice", address: "10.0.0.1"),
                                                                         now: Self.start.addingTimeInterval(Double(second))))
            delays.append(reservation.delay)
        }
        #expect(delays == [0, 0.25, 0.5, 1, 1, 1], "doubling from the second attempt, at most the longest wait")
        #expect(!Self.proceeds(await limiter.reserve(.init(account: "alice", address: "10.0.0.1"), now: Self.start.addingTimeInterval(6))))
    }

    @Test func aRefusalSaysWhenToTryAgainAndTheLockPasses() async throws {
        let limiter = SignInLimiter(configuration: Self.limits())
        var now = Self.start
        await Self.fail(limiter, "alice", from: "10.0.0.1", count: 3, at: &now)
        // Failures at 0, 1 and 2 s in a 60 s window: the first ages out at 60 s.
        guard case .refused(let retryAfter) = await limiter.reserve(.init(account: "alice", address: "10.0.0.1"), now: now) else {
            Issue.record("not refused")
            return
        }
        #expect(retryAfter == 57)
        #expect(Self.proceeds(await limiter.reserve(.init(account: "alice", address: "10.0.0.1"), now: Self.start.addingTimeInterval(60))))
    }

    @Test func aSuccessEndsThePairsRunAndGivesADeviceTokenThatPassesTheCeilings() async throws {
        let limiter = SignInLimiter(configuration: Self.limits())
        var now = Self.start
        let signedIn = try Self.reservation(await limiter.reserve(.init(account: "alice", address: "10.0.0.1"), now: now))
        let device = await limiter.succeed(signedIn, now: now)
        // A guesser locks alice from the shared address and uses up the account's ceiling.
        await Self.fail(limiter, "alice", from: "10.0.0.1", count: 3, at: &now)
        await Self.fail(limiter, "alice", from: "10.0.0.2", count: 2, at: &now)
        #expect(!Self.proceeds(await limiter.reserve(.init(account: "alice", address: "10.0.0.1"), now: now)))
        // alice's own browser, with its token, still signs in, and keeps its token.
        let own = try Self.reservation(await limiter.reserve(.init(account: "alice", address: "10.0.0.1", device: device), now: now))
        #expect(await limiter.succeed(own, now: now) == device)
        // The token is alice's alone: with bob's name it is no token at all.
        await Self.fail(limiter, "bob", from: "10.0.0.1", count: 3, at: &now)
        #expect(!Self.proceeds(await limiter.reserve(.init(account: "bob", address: "10.0.0.1", device: device), now: now)))
        // And the token has its own limit: three failures with it, then it is locked too.
        for _ in 0..<3 { _ = await limiter.reserve(.init(account: "alice", address: "10.0.0.7", device: device), now: now) }
        #expect(!Self.proceeds(await limiter.reserve(.init(account: "alice", address: "10.0.0.7", device: device), now: now)))
    }

    @Test func aSuccessIsNotChargedToTheAddress() async throws {
        let limiter = SignInLimiter(configuration: Self.limits(pair: 5, account: 5, address: 2))
        let now = Self.start
        let first = try Self.reservation(await limiter.reserve(.init(account: "a", address: "x"), now: now))
        _ = await limiter.succeed(first, now: now)
        _ = await limiter.reserve(.init(account: "b", address: "x"), now: now.addingTimeInterval(1))
        #expect(Self.proceeds(await limiter.reserve(.init(account: "c", address: "x"), now: now.addingTimeInterval(2))), "the success was charged")
        #expect(!Self.proceeds(await limiter.reserve(.init(account: "d", address: "x"), now: now.addingTimeInterval(3))))
    }

    @Test func theLimiterForgetsKeysWithNoRecentAttempt() async throws {
        let limiter = SignInLimiter(configuration: Self.limits(address: 1_000))
        for index in 0..<255 { _ = await limiter.reserve(.init(account: "u\(index)", address: "10.0.0.1"), now: Self.start) }
        // A pair and an account key for each name, and the one address.
        #expect(await limiter.keyCount == 255 * 2 + 1)
        // The 256th reservation, two minutes on, sweeps the expired keys out.
        #expect(Self.proceeds(await limiter.reserve(.init(account: "late", address: "10.0.0.2"), now: Self.start.addingTimeInterval(120))))
        #expect(await limiter.keyCount == 3)
    }
}
