import Foundation
import TestSupport
import GRDB
import GraphCore
import Testing

/// The crash suite (issue 17): `kill -9` at random moments during imports, service writes
/// and command-line writes, and at each system call that writes the store's files, then
/// the database checked as the next user would find it: SQLite's integrity check and
/// foreign keys, every change with its audit row and no row without its change, an import
/// there whole or not at all, every acknowledged write kept, a store that opens again, and
/// `cegraph audit verify` passing (the head file may lag the log by the killed commit,
/// never lead it).
///
/// The first three tests run `CEGRAPH_CRASH_TRIALS` trials each (20 by default, in CI;
/// `Benchmarks/crash.sh` runs 100) with kill moments drawn from `CEGRAPH_CRASH_SEED` (17
/// by default); the fourth kills at every writing call of a referral and a sample of a new
/// database's. Each prints what it did so CI's log shows the counts. SIGKILL ends the process, not the machine: the
/// operating system still writes what the process handed it, so this proves the
/// transactions and the files beside the database, not the disk (`synchronous=FULL`).
@Suite(.serialized)
struct CrashTests {
    static let trials = ProcessInfo.processInfo.environment["CEGRAPH_CRASH_TRIALS"].flatMap { Int($0) } ?? 20
    static let seed = ProcessInfo.processInfo.environment["CEGRAPH_CRASH_SEED"].flatMap { UInt64($0) } ?? 17

    let cli: CLITests

    init() throws { cli = try CLITests() }

    // MARK: - Imports

    /// Trials alternate between a new database (the killed import also creates it, its key
    /// and head) and one that already holds a record and its audit row (the import then
    /// takes the path for a store with data in it).
    @Test(.timeLimit(.minutes(30)))
    func aKilledImportIsThereWholeOrNotAtAll() throws {
        var random = SeededRandom(seed: CrashTests.seed)
        try cli.run("generate", "--seed", "3", "--scale", "small", "-o", "picture.jsonl").expectSuccess("generate")
        try CrashTests.base.write(to: cli.directory.appendingPathComponent("base.jsonl"), atomically: true, encoding: .utf8)

        // A whole import into each kind of database: how long it takes, how long its
        // write-ahead log grows (on a new database the migrations write it first), and
        // what it adds.
        var whole: [Bool: KilledRun] = [:]
        var added: Counts?
        for withBase in [false, true] {
            let db = "calibrate-\(withBase).sqlite"
            let before = try prepareImport(db, withBase: withBase)
            let run = try runKilled(importArguments(db), watching: db, at: .never)
            try #require(run.status == 0 && run.headMoved != nil && run.walPeak > 0, "the import to calibrate on: \(run.stderr)")
            whole[withBase] = run
            added = try inspect(db) { try Counts($0) } - before
        }
        let full = try #require(added)
        try #require(full.entities > 0 && full.links > 0)

        var tally = Tally()
        var absent = 0, killedAfterCommit = 0
        for trial in 0..<CrashTests.trials {
            let withBase = trial % 2 == 1
            let db = "import-\(trial).sqlite"
            let before = try prepareImport(db, withBase: withBase)
            let calibration = whole[withBase]!
            // A third of the kills at any time of the run; a third while the log is being
            // written (the migrations of a new database, then the import's commit); a third
            // just after the commit (the head file moved), before the process is done.
            let moment: Moment = switch trial % 3 {
            case 0: .after(random.unit() * 1.1 * calibration.seconds)
            case 1: .walPasses(Int(Double(calibration.walPeak) * (0.05 + 0.95 * random.unit())))
            default: .afterHeadMoves(random.unit() * 0.02)
            }
            let run = try runKilled(importArguments(db), watching: db, at: moment)
            tally.count(run)
            let context = "trial \(trial) (\(withBase ? "with data" : "new database"), killed \(moment))"
            // A database that was there before the kill is checked as the kill left it; a
            // new one may have been killed while it was being made, so it is opened (and
            // made) first, as the next command would.
            if withBase {
                tally.headLagged += try expectHeadNotAhead(db, context) ? 1 : 0
                try expectVerified(db, context)
            }
            try cli.run("--db", db, "init").expectSuccess("init after the kill, \(context)")
            try expectVerified(db, context)
            let (now, imports) = try inspect(db) { db in
                (try Counts(db), try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM audit_log WHERE operation = 'collection' AND json_extract(records, '$.file') = 'picture.jsonl'
                    """) ?? -1)
            }
            let isWhole = now == before + full && imports == 1
            let isAbsent = now == before && imports == 0
            #expect(isWhole || isAbsent, "\(context): \(now) after the kill; \(before) before, \(full) in the file; \(imports) import audit rows")
            if !run.killed { #expect(run.status == 0 && isWhole, "\(context): exited \(run.status) \(run.stderr)") }
            if isWhole { tally.committed += 1 }
            if isWhole && run.killed { killedAfterCommit += 1 }
            if isAbsent { absent += 1 }
            if !run.killed { tally.acknowledged += 1 }
            if (!isWhole && !isAbsent) || (!run.killed && !isWhole) { tally.lost += 1 }
            if isWhole || isAbsent { try removeDatabase(db) }
        }
        print("crash suite: imports: \(tally.summary); \(tally.committed) there whole (\(killedAfterCommit) of them killed after "
              + "the commit), \(absent) not there at all (seed \(CrashTests.seed); an import took "
              + String(format: "%.2f s into a new database, %.2f s into one with data",
                       whole[false]!.seconds, whole[true]!.seconds) + ")")
        #expect(tally.lost == 0)
    }

    /// The import every trial kills.
    private func importArguments(_ db: String) -> [String] {
        ["--db", db, "import", "picture.jsonl", "--reason", "crash test"]
    }

    /// Makes `db` ready for a trial: nothing (a new database) or one record imported.
    private func prepareImport(_ db: String, withBase: Bool) throws -> Counts {
        try removeDatabase(db)
        guard withBase else { return Counts() }
        try cli.run("--db", db, "import", "base.jsonl", "--reason", "crash test base").expectSuccess("import base.jsonl")
        return try inspect(db) { try Counts($0) }
    }

    // MARK: - Service writes

    /// The service is started on the same database in every trial, so later trials also
    /// open a store left by a killed server; several clients record referrals at once
    /// until it is killed.
    @Test(.timeLimit(.minutes(30)))
    func aKilledServiceKeepsEveryWriteItAcknowledged() async throws {
        var random = SeededRandom(seed: CrashTests.seed &+ 1)
        let db = "service.sqlite"
        let token = try prepareReferrals(db)
        let clients = 4
        var tally = Tally()
        var acknowledged: Set<String> = []
        var statuses: [Int: Int] = [:]
        for trial in 0..<CrashTests.trials {
            let port = try freePort()
            let server = try ChildProcess(CLITests.products.appendingPathComponent("cegraph").path,
                                          ["--db", db, "serve", "--port", String(port)], directory: cli.directory,
                                          log: "serve-\(trial).log", environment: ["CEGRAPH_ACTOR": "crash-test"])
            defer { server.stop() }
            try await server.waitUntilServing(URL(string: "http://127.0.0.1:\(port)/healthz")!, what: "cegraph serve (trial \(trial))")

            let answers = Locked<[(status: Int, referral: String?)]>([])
            let stop = Locked(false)
            let finished = DispatchGroup()
            for client in 0..<clients {
                finished.enter()
                Thread.detachNewThread {
                    defer { finished.leave() }
                    var n = 0
                    while n < 5_000, !stop.withLock({ $0 }) {
                        n += 1
                        let body = CrashTests.referral(child: (client + n) % CrashTests.children + 1)
                        // No answer (the server is gone, or went mid-request): not acknowledged; stop.
                        guard let (status, data) = try? LocalHTTP.exchange(
                            "POST", host: "127.0.0.1", port: port, path: "/api/referrals", json: body,
                            headers: ["Authorization": "Bearer \(token)", "X-Justification": "crash test"], timeout: 10) else { return }
                        let referral = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["referral"] as? String
                        answers.withLock { $0.append((status, referral)) }
                    }
                }
            }
            let delay = 0.05 + random.unit() * 0.95
            try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
            server.process.send(SIGKILL)
            let ended = server.process.wait()
            stop.withLock { $0 = true }
            await withCheckedContinuation { done in finished.notify(queue: .global()) { done.resume() } }
            #expect(ended.signalled, "trial \(trial): \(server.output)")
            tally.trials += 1
            tally.kills += 1

            for answer in answers.withLock({ $0 }) {
                statuses[answer.status, default: 0] += 1
                guard (200..<300).contains(answer.status) else { continue }
                if let referral = answer.referral { acknowledged.insert(referral) } else { Issue.record("a 2xx without its referral") }
            }
            try expectReferralsWhole(db, acknowledged: acknowledged, "trial \(trial) (killed after \(Int(delay * 1_000)) ms)", &tally)
        }
        let answered = statuses.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", ")
        print("crash suite: service writes: \(tally.summary); \(tally.committed) stored but never acknowledged "
              + "(\(clients) clients; answers \(answered); seed \(CrashTests.seed))")
        #expect(tally.lost == 0)
        #expect(acknowledged.count >= CrashTests.trials, "too few writes were acknowledged to prove anything")
    }

    /// The database for the referral trials, with children to refer and, for the service,
    /// a coordinator's API token.
    private func prepareReferrals(_ db: String) throws -> String {
        try CrashTests.base.write(to: cli.directory.appendingPathComponent("children.jsonl"), atomically: true, encoding: .utf8)
        try cli.run("--db", db, "import", "children.jsonl").expectSuccess("import children.jsonl")
        try cli.run(["--db", db, "account", "add", "coordinator", "--role", "ccset_coordinator", "--password-stdin"],
                    input: "synthetic password for the crash suite\n").expectSuccess("account add")
        let token = try cli.run("--db", db, "account", "token", "coordinator", "--name", "crash suite")
        token.expectSuccess("account token")
        return token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A referral as the API takes it: synthetic, for one of the ``base`` children.
    static func referral(child: Int) -> Data {
        Data(#"{"child":"XC\#(child)","referrer":"Crash suite","agency":"education","concern":"cce","received_on":"2026-01-05"}"#.utf8)
    }

    // MARK: - Command-line writes

    /// Each trial records a few referrals with `cegraph case referral`, one process after
    /// another on the same database, and kills the last at a moment of its life.
    @Test(.timeLimit(.minutes(30)))
    func aKilledCommandKeepsEveryWriteThatExitedZero() throws {
        var random = SeededRandom(seed: CrashTests.seed &+ 2)
        let db = "cli.sqlite"
        _ = try prepareReferrals(db)
        func arguments(_ n: Int) -> [String] {
            ["--db", db, "case", "referral", "--child", "XC\(n % CrashTests.children + 1)", "--received", "2026-01-05",
             "--referrer", "Crash suite", "--agency", "education", "--concern", "cce", "--reason", "crash test"]
        }
        // "referral REF-000001 recorded for XC1"
        func recorded(_ run: KilledRun) -> String? {
            run.status == 0 && !run.killed ? run.stdout.split(separator: " ").dropFirst().first.map(String.init) : nil
        }
        let one = try runKilled(arguments(0), watching: db, at: .never)
        try #require(recorded(one) != nil, "a referral to calibrate on failed: \(one.stderr)")
        var acknowledged: Set<String> = [recorded(one)!]
        var tally = Tally()
        var n = 1
        for trial in 0..<CrashTests.trials {
            for _ in 0..<random.below(3) {
                let run = try runKilled(arguments(n), watching: db, at: .never)
                n += 1
                guard let ref = recorded(run) else { Issue.record("trial \(trial): \(run.stderr)"); continue }
                acknowledged.insert(ref)
            }
            // A third at any time of the process's life (mostly starting and opening the
            // store); a third as soon as the write-ahead log is written (the commit after a
            // kill; else the write GRDB makes when it opens a database without a log); a
            // third just after the commit, before the process has said so.
            let moment: Moment = switch trial % 3 {
            case 0: .after(random.unit() * 1.2 * one.seconds)
            case 1: .walChanges
            default: .afterHeadMoves(random.unit() * 0.003)
            }
            let run = try runKilled(arguments(n), watching: db, at: moment)
            n += 1
            tally.count(run)
            if let ref = recorded(run) { acknowledged.insert(ref) }
            try expectReferralsWhole(db, acknowledged: acknowledged, "trial \(trial) (killed \(moment))", &tally)
        }
        print("crash suite: command-line writes: \(tally.summary); \(tally.committed) stored but never acknowledged "
              + "(\(n) processes; one takes "
              + String(format: "%.2f s", one.seconds) + "; seed \(CrashTests.seed))")
        #expect(tally.lost == 0)
    }

    // MARK: - Kills at each system call

    /// Kills at exact system calls instead of moments: strace's fault injection sends
    /// SIGKILL as the process enters the Nth call of one kind (open, write, pwrite, fsync,
    /// fdatasync, ftruncate, link, rename, unlink) on the database, its log, key or head
    /// file. Windows of a few microseconds, which a random moment practically never hits
    /// (between making the key file and writing it, for one), are each hit in turn: every
    /// such call of a referral, and of a new database's first open (its hundreds of page
    /// writes sampled down to about `CEGRAPH_CRASH_TRIALS`). Between trials the database
    /// is opened and closed once, so each run starts as the counted one did.
    @Test(.enabled(if: CrashTests.strace != nil, "no strace here: the kills at exact system calls are skipped"),
          .timeLimit(.minutes(30)))
    func aKillAtAnyWriteLeavesAStoreThatOpensAndVerifies() throws {
        let strace = try #require(CrashTests.strace)
        var tally = Tally()
        var calls = 0

        // A new database's first open: its key, head, migrations and the log's checkpoint.
        let fresh = "sweep-new.sqlite"
        try removeDatabase(fresh)
        for (call, n) in CrashTests.sweep(try straceCounts(strace, ["--db", path(fresh), "init"], db: fresh), trials: CrashTests.trials) {
            try removeDatabase(fresh)
            let run = try runKilled(["--db", path(fresh), "init"], watching: fresh, at: .never,
                                    through: CrashTests.injection(strace, call, n, db: path(fresh)))
            tally.count(run)
            calls += 1
            let context = "a new database killed at its \(call) number \(n)"
            #expect(run.killed || run.status == 0, "\(context): exited \(run.status) \(run.stderr)")
            try cli.run("--db", fresh, "init").expectSuccess("init after the kill, \(context)")
            try expectVerified(fresh, context)
            _ = try inspect(fresh) { try Counts($0) }
            let left = try leftovers(fresh)
            #expect(left.allSatisfy { $0.contains(".new-") }, "\(context): \(left)")
        }

        // A referral on a database in use: every call.
        let db = "sweep.sqlite"
        _ = try prepareReferrals(db)
        let referral = ["--db", path(db), "case", "referral", "--child", "XC1", "--received", "2026-01-05",
                        "--referrer", "Crash suite", "--agency", "education", "--concern", "cce", "--reason", "crash test"]
        let counts = try straceCounts(strace, referral, db: db)
        var acknowledged = Set(try inspect(db) { try String.fetchAll($0, sql: "SELECT ref FROM referral") })
        for (call, n) in CrashTests.sweep(counts, trials: .max) {
            let run = try runKilled(referral, watching: db, at: .never, through: CrashTests.injection(strace, call, n, db: path(db)))
            tally.count(run)
            calls += 1
            let context = "a referral killed at its \(call) number \(n)"
            // A run may make fewer calls than the counted one (and so finish): then it said so.
            #expect(run.killed || run.status == 0, "\(context): exited \(run.status) \(run.stderr)")
            if !run.killed, let ref = run.stdout.split(separator: " ").dropFirst().first { acknowledged.insert(String(ref)) }
            try expectReferralsWhole(db, acknowledged: acknowledged, context, &tally)
            try cli.run("--db", db, "init").expectSuccess("init after the kill, \(context)")
        }
        print("crash suite: system-call kills: \(tally.summary); \(tally.committed) referrals stored but never acknowledged "
              + "(\(calls) calls killed at: a new database's first open, then every call of a referral: "
              + counts.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", ") + ")")
        #expect(tally.lost == 0)
    }

    /// strace, where it is installed and may trace (a container may forbid it).
    static let strace: String? = {
        guard let path = Chromium.executable(environment: "CEGRAPH_STRACE", names: ["strace"]) else { return nil }
        guard let probe = try? Spawned(path, ["-f", "-qq", "-o", "/dev/null", "true"]) else { return nil }
        return probe.wait().succeeded ? path : nil
    }()

    /// The system calls that write the database's files.
    static let writingCalls = ["openat", "write", "pwrite64", "fsync", "fdatasync", "ftruncate", "link", "rename", "unlink"]

    /// strace's arguments to kill the process at the `n`th `call` on the files of `db`
    /// (an absolute path: strace matches the paths as the process names them).
    static func injection(_ strace: String, _ call: String, _ n: Int, db: String) -> [String] {
        [strace, "-f", "-qq", "-o", "/dev/null"] + files(db).flatMap { ["-P", $0] }
            + ["-e", "trace=\(call)", "-e", "inject=\(call):signal=KILL:when=\(n)"]
    }

    static func files(_ db: String) -> [String] {
        ["", "-wal", ".audit-key", ".audit-head"].map { db + $0 }
    }

    /// How many of each writing call a whole run of `cegraph arguments` makes on the files
    /// of `db`.
    func straceCounts(_ strace: String, _ arguments: [String], db: String) throws -> [String: Int] {
        let trace = cli.directory.appendingPathComponent("strace-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: trace) }
        let run = try runKilled(arguments, watching: db, at: .never, through: [strace, "-f", "-qq", "-o", trace.path]
                                + CrashTests.files(path(db)).flatMap { ["-P", $0] } + ["-e", "trace=" + CrashTests.writingCalls.joined(separator: ",")])
        try #require(run.status == 0, "the traced run failed: \(run.stderr)")
        var counts: [String: Int] = [:]
        // "1234  pwrite64(5</path>, ...) = 4096": a call's first line names it before "(";
        // a call another thread interrupted goes on in a "<... pwrite64 resumed>" line.
        for line in try String(contentsOf: trace, encoding: .utf8).split(separator: "\n") {
            guard let call = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first?
                .split(separator: "(").first.map(String.init), CrashTests.writingCalls.contains(call) else { continue }
            counts[call, default: 0] += 1
        }
        return counts
    }

    /// Which calls to kill at: every one of each kind, or about `trials` of a kind that
    /// makes more (evenly spread, the first and last included).
    static func sweep(_ counts: [String: Int], trials: Int) -> [(String, Int)] {
        counts.sorted { $0.key < $1.key }.flatMap { call, count -> [(String, Int)] in
            let step = max(1, count / max(1, trials))
            return Set(Array(stride(from: 1, through: count, by: step)) + [count]).sorted().map { (call, $0) }
        }
    }

    /// A file in the test's directory, by its absolute path.
    func path(_ name: String) -> String {
        cli.directory.appendingPathComponent(name).path
    }

    /// Files beside `db` other than the database, its log and shared memory, key and head.
    func leftovers(_ db: String) throws -> [String] {
        let known = Set(["", "-wal", "-shm", ".audit-key", ".audit-head"].map { db + $0 })
        return try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
            .filter { $0.hasPrefix(db) && !known.contains($0) }
    }
}

// MARK: - Running and killing

extension CrashTests {
    /// When a trial sends SIGKILL.
    enum Moment: CustomStringConvertible {
        /// Seconds after the start.
        case after(Double)
        /// As soon as the database's write-ahead log is longer than this many bytes: while
        /// a transaction's pages are written to it.
        case walPasses(Int)
        /// As soon as something is written to the write-ahead log: in or just after the
        /// process's first commit.
        case walChanges
        /// Seconds after the head file moved forward: the commit is done, the process is not.
        case afterHeadMoves(Double)
        case never

        var description: String {
            switch self {
            case .after(let seconds): "after \(Int(seconds * 1_000)) ms"
            case .walPasses(let bytes): "once the log passed \(bytes) bytes"
            case .walChanges: "once the log changed"
            case .afterHeadMoves(let seconds): "\(Int(seconds * 1_000)) ms after the head moved"
            case .never: "never"
            }
        }
    }

    /// A `cegraph` process that was sent SIGKILL, or had exited by then, and what was seen
    /// of its database meanwhile.
    struct KilledRun {
        let killed: Bool
        let status: Int32
        let stdout: String
        let stderr: String
        /// From start to exit (or to the kill).
        let seconds: Double
        /// The longest the write-ahead log was seen.
        let walPeak: Int
        /// When the head file was last seen to move forward, in seconds from the start.
        let headMoved: Double?
    }

    /// Runs `cegraph arguments` and sends it SIGKILL at `moment` unless it has exited by
    /// then, watching the files of `db` every half millisecond or so.
    ///
    /// - Parameter wrapper: a command to run `cegraph` under (strace), the binary's path
    ///   and `arguments` after it.
    func runKilled(_ arguments: [String], watching db: String, at moment: Moment, through wrapper: [String] = []) throws -> KilledRun {
        let command = wrapper.first ?? CLITests.binary
        let commandArguments = wrapper.isEmpty ? arguments : Array(wrapper.dropFirst()) + [CLITests.binary] + arguments
        let name = UUID().uuidString
        let files = [cli.directory.appendingPathComponent(name + ".out"), cli.directory.appendingPathComponent(name + ".err")]
        defer { for file in files { try? FileManager.default.removeItem(at: file) } }
        let wal = cli.directory.appendingPathComponent(db + "-wal").path
        let head = cli.directory.appendingPathComponent(db + ".audit-head").path
        func walState() -> [Int] {
            var info = stat()
            guard stat(wal, &info) == 0 else { return [] }
            #if canImport(Glibc)
            let modified = info.st_mtim
            #else
            let modified = info.st_mtimespec
            #endif
            return [Int(info.st_size), Int(modified.tv_sec), Int(modified.tv_nsec)]
        }
        let walAtStart = walState()
        let headAtStart = CrashTests.headSeq(FileManager.default.contents(atPath: head)) ?? 0
        var lastHead = headAtStart
        var walPeak = 0
        var headMoved: Double?
        let started = Date()
        let process = try Spawned(command, commandArguments, environment: CLITests.environment, directory: cli.directory.path,
                                  stdout: .file(files[0].path), stderr: .file(files[1].path))
        var killed = false
        while process.isRunning {
            let elapsed = Date().timeIntervalSince(started)
            let walNow = walState()
            walPeak = max(walPeak, walNow.first ?? 0)
            // Made (seq 0 on a new database) is not moved: a commit moves it.
            let headNow = CrashTests.headSeq(FileManager.default.contents(atPath: head)) ?? lastHead
            if headNow > lastHead { headMoved = elapsed }
            lastHead = headNow
            let now: Bool = switch moment {
            case .after(let seconds): elapsed >= seconds
            case .walPasses(let bytes): walPeak > bytes
            case .walChanges: (walNow.first ?? 0) > 0 && walNow != walAtStart
            case .afterHeadMoves(let seconds): headMoved.map { elapsed >= $0 + seconds } ?? false
            case .never: false
            }
            if now, !killed {
                process.send(SIGKILL)
                killed = true
            }
            usleep(500)
        }
        // A head written just before a quick exit is seen here.
        if headMoved == nil, (CrashTests.headSeq(FileManager.default.contents(atPath: head)) ?? 0) > headAtStart {
            headMoved = Date().timeIntervalSince(started)
        }
        let ended = process.wait()
        let seconds = Date().timeIntervalSince(started)
        let text = files.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
        return KilledRun(killed: ended.signalled && ended.status == SIGKILL,
                         status: ended.status, stdout: text[0], stderr: text[1], seconds: seconds,
                         walPeak: walPeak, headMoved: headMoved)
    }

    /// Removes a database and the files beside it.
    func removeDatabase(_ db: String) throws {
        for suffix in ["", "-wal", "-shm", ".audit-key", ".audit-head"] {
            let url = cli.directory.appendingPathComponent(db + suffix)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        }
    }

    /// What the trials did, for the line each test prints.
    struct Tally {
        var trials = 0
        var kills = 0
        var acknowledged = 0
        var committed = 0
        var lost = 0
        /// Kills after which the head file was behind the log (allowed: written after the commit).
        var headLagged = 0

        mutating func count(_ run: KilledRun) {
            trials += 1
            if run.killed { kills += 1 }
        }

        var summary: String {
            "\(trials) trials, \(kills) killed mid-run, \(acknowledged) acknowledged writes checked, data lost \(lost), "
                + "the head file behind the log after \(headLagged)"
        }
    }

    /// Children in Liverpool to refer: synthetic, with ids the generator never gives.
    static let children = 4
    static let base = (1...children).map {
        #"{"record":"entity","id":"XC\#($0)","kind":"child","name":"Synthetic Crash Child \#($0)","area":"E08000012"}"#
    }.joined(separator: "\n") + "\n"
}

// MARK: - Checking

extension CrashTests {
    /// Entities, intelligence reports and links in a database.
    struct Counts: Equatable, CustomStringConvertible {
        var entities = 0
        var intel = 0
        var links = 0

        init() {}

        init(_ db: Database) throws {
            entities = try Int.fetchOne(db, sql: "SELECT count(*) FROM entity") ?? 0
            intel = try Int.fetchOne(db, sql: "SELECT count(*) FROM intel") ?? 0
            links = try Int.fetchOne(db, sql: "SELECT count(*) FROM link") ?? 0
        }

        static func + (a: Counts, b: Counts) -> Counts {
            var sum = a
            sum.entities += b.entities
            sum.intel += b.intel
            sum.links += b.links
            return sum
        }

        static func - (a: Counts, b: Counts) -> Counts {
            var difference = a
            difference.entities -= b.entities
            difference.intel -= b.intel
            difference.links -= b.links
            return difference
        }

        var description: String { "\(entities) entities, \(intel) reports, \(links) links" }
    }

    /// Opens the database with GRDB (not through cegraph), expects SQLite's integrity and
    /// foreign-key checks to pass, and reads it with `body`.
    func inspect<T>(_ db: String, _ body: (Database) throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: cli.directory.appendingPathComponent(db).path)
        return try queue.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            #expect(integrity == ["ok"], "\(integrity)")
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            #expect(orphans.isEmpty, "\(orphans.prefix(5))")
            return try body(db)
        }
    }

    /// `cegraph audit verify` passes: every row's seal, the chain, and the head reached.
    func expectVerified(_ db: String, _ context: String) throws {
        let result = try cli.run("--db", db, "audit", "verify")
        #expect(result.status == 0 && result.stdout.hasPrefix("audit log intact"), "\(context): \(result.stdout)\(result.stderr)")
    }

    /// The head file is never ahead of the log (it may lag by the killed commit).
    ///
    /// - Returns: whether it lagged.
    func expectHeadNotAhead(_ db: String, _ context: String) throws -> Bool {
        let data = FileManager.default.contents(atPath: cli.directory.appendingPathComponent(db + ".audit-head").path)
        let head = try #require(CrashTests.headSeq(data), "\(context): the head file holds \(String(decoding: data ?? Data(), as: UTF8.self))")
        let log = try inspect(db) { try Int.fetchOne($0, sql: "SELECT coalesce(max(seq), 0) FROM audit_log") ?? 0 }
        #expect(head <= log, "\(context): the head file is at row \(head), the log ends at row \(log)")
        return head < log
    }

    /// The row a head file names: "cegraph audit head seq=00000000000000000042 mac=... key=...".
    static func headSeq(_ data: Data?) -> Int? {
        data.flatMap { String(decoding: $0, as: UTF8.self).split(separator: " ").first { $0.hasPrefix("seq=") } }
            .flatMap { Int($0.dropFirst(4)) }
    }

    /// After a kill: the head is not ahead of the log and the log verifies; every referral
    /// has exactly one audit row and every referral audit row its referral; and every
    /// acknowledged referral is there (`tally.lost` counts those that are not).
    func expectReferralsWhole(_ db: String, acknowledged: Set<String>, _ context: String, _ tally: inout Tally) throws {
        tally.headLagged += try expectHeadNotAhead(db, context) ? 1 : 0
        try expectVerified(db, context)
        let (stored, audited) = try inspect(db) { db in
            (Set(try String.fetchAll(db, sql: "SELECT ref FROM referral")), try Row.fetchAll(db, sql: """
                SELECT json_extract(records, '$.referral') AS ref, count(*) AS rows FROM audit_log
                WHERE operation = 'collection' AND json_extract(records, '$.workflow') = 'referral' GROUP BY 1
                """))
        }
        let rows = Dictionary(uniqueKeysWithValues: audited.map { ($0["ref"] as String, $0["rows"] as Int) })
        let unaudited = stored.subtracting(rows.keys).sorted(), unstored = Set(rows.keys).subtracting(stored).sorted()
        #expect(unaudited.isEmpty && unstored.isEmpty,
                "\(context): referrals without their audit row: \(unaudited); audit rows without their referral: \(unstored)")
        #expect(rows.values.allSatisfy { $0 == 1 }, "\(context): \(rows.filter { $0.value != 1 })")
        let lost = acknowledged.subtracting(stored)
        #expect(lost.isEmpty, "\(context): acknowledged but not stored: \(lost.sorted())")
        tally.acknowledged = acknowledged.count
        tally.lost = lost.count
        tally.committed = stored.subtracting(acknowledged).count
    }
}

extension CLITests.Result {
    func expectSuccess(_ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(status == 0, "\(what): \(stderr)", sourceLocation: sourceLocation)
    }
}

extension SeededRandom {
    /// A number in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
