/// How the service runs. The executable fills it from flags, then the environment, then
/// these defaults; the library never reads the environment.
public struct ServerConfiguration: Sendable {
    /// The address to bind (loopback by default).
    public var host = "127.0.0.1"
    /// The port to bind.
    public var port = 8080
    /// A session ends after this long without a request.
    public var idleTimeout: Double = 30 * 60
    /// A session ends this long after sign-in, whatever happens.
    public var absoluteTimeout: Double = 8 * 60 * 60
    /// Failed sign-ins allowed for one account from one client address (or from one
    /// browser that has signed in to it before) within ``signInWindow``; then that address
    /// may not try that account again until its failures age out (``SignInLimiter``).
    public var signInAttempts = 5
    /// Failed sign-ins allowed for one account from all addresses together within
    /// ``signInWindow``, from browsers that have not signed in to it before.
    public var accountSignInAttempts = 20
    /// Failed sign-ins allowed from one address across all accounts within
    /// ``signInWindow``, from browsers that have not signed in to the account before.
    public var addressSignInAttempts = 50
    /// The window for counting failed sign-ins.
    public var signInWindow: Double = 15 * 60
    /// The wait before an account's second attempt from one address, in seconds; each
    /// further failure doubles it, up to ``signInMaxDelay`` (0: no waiting).
    public var signInDelay: Double = 0.25
    /// The longest wait before an attempt.
    public var signInMaxDelay: Double = 8
    /// The proxies whose `X-Forwarded-For`, `X-Forwarded-Proto` and `X-Forwarded-Host` are
    /// believed, by IP address (`cegraph serve --trusted-proxy`). With none, those headers
    /// are ignored and the connected peer is the client.
    public var trustedProxies: [String] = []
    /// Whether cookies carry `Secure` (true in service; a test over plain HTTP may turn it off).
    public var secureCookies = true
    /// The largest request body accepted.
    public var maxBodyBytes = 1 << 20
    /// Threads for request handling: enough that requests waiting on SQLite or Graphviz do
    /// not queue behind each other (see ``WorkerExecutor``); 0 runs requests on Swift's
    /// cooperative pool.
    public var workerThreads = 16
    /// The largest file `POST /api/import` accepts (bigger ones go through `cegraph import`).
    public var maxImportBytes = 64 << 20
    /// The most memory rendered maps may hold for reuse (0 keeps none).
    public var mapCacheBytes = 64 << 20
    /// The most memory association answers may hold for reuse (0 keeps none).
    public var answerCacheBytes = 64 << 20
    /// Whether a full read of the graph, when a delta cannot bring the query snapshot up to
    /// date, runs beside the snapshot in use (`cegraph serve`) or before the next answer
    /// (tests, which expect each write's answer at once) (issue 22).
    public var snapshotReadsInBackground = false
    /// How long an API token's account is trusted without looking it up again: a token
    /// revoked from the command line stops working within this many seconds (0: at once).
    public var tokenCacheSeconds: Double = 2
    /// The bcrypt cost for new passwords.
    public var bcryptCost: UInt8 = 12

    public init() {}
}
