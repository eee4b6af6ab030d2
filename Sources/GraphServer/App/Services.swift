import CaseWorkflow
import Foundation
import GraphCore
import GraphQuery
import GraphRender
import GraphStore

/// Everything a request may use, built once per process: one query engine (it keeps its
/// snapshot), one workflow, one renderer, the pages' templates.
public struct Services: Sendable {
    public let store: Store
    public let engine: QueryEngine
    public let workflow: Workflow
    public let accounts: AccountStore
    public let renderer: MapRenderer
    public let limiter: SignInLimiter
    public let configuration: ServerConfiguration
    let visibility: Visibility
    let pages: PageRenderer
    /// Rendered maps and association answers, while their data is unchanged (``ResponseCache``).
    let maps: ResponseCache<MapKey>
    let associations: ResponseCache<AssociationKey>
    /// The threads requests run on (``WorkerExecutor``).
    let workers: WorkerExecutor?

    public init(store: Store, configuration: ServerConfiguration = ServerConfiguration()) throws {
        self.store = store
        self.configuration = configuration
        engine = QueryEngine(store: store, readsInBackground: configuration.snapshotReadsInBackground)
        workflow = try Workflow(store: store)
        accounts = AccountStore(store: store, configuration: configuration)
        renderer = MapRenderer(style: try MapStyle.shipped())
        limiter = SignInLimiter(configuration: configuration)
        // The hash a sign-in with an unknown username is checked against, made now rather
        // than at the first such sign-in, which would otherwise take twice as long.
        accounts.prepareDecoy()
        visibility = Visibility(store: store, workflow: workflow)
        pages = try PageRenderer()
        maps = ResponseCache(capacityBytes: configuration.mapCacheBytes)
        associations = ResponseCache(capacityBytes: configuration.answerCacheBytes)
        workers = configuration.workerThreads > 0 ? WorkerExecutor.shared(threads: configuration.workerThreads) : nil
    }

    /// The viewer of a request: the account, what it is doing and the reason given for the
    /// session (or the API-token request), for the audit log; and what the account may see
    /// (``Access``), which every read below the HTTP layer applies. Signed out, the viewer
    /// may see nothing.
    ///
    /// - Throws: a store error reading a panel member's agenda children.
    func viewer(_ context: AppRequestContext, purpose: String) throws -> Viewer {
        let name = context.account?.username ?? "anonymous"
        let purpose = context.reason.map { "\(purpose); reason: \($0)" } ?? purpose
        return Viewer(name: name, purpose: purpose, access: try visibility.access(for: context.account))
    }

    /// The checks a reason for sensitive views must pass: said in a few words, not an essay.
    static func checkedReason(_ text: String?) throws -> String {
        // Checked on every API-token request: GraphCore's trim and the scalars' categories,
        // not Foundation's character sets, which are slow on Linux.
        let reason = (text ?? "").trimmingWhitespace()
        guard reason.count >= 5 else { throw ServerError(.badRequest, "give a reason of at least 5 characters (for example: MACCSE panel preparation)") }
        guard reason.count <= 300 else { throw ServerError(.badRequest, "keep the reason under 300 characters") }
        guard !reason.unicodeScalars.contains(where: { [.control, .format].contains($0.properties.generalCategory) }) else {
            throw ServerError(.badRequest, "the reason must be one line of text")
        }
        return reason
    }
}
