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

    public init(store: Store, configuration: ServerConfiguration = ServerConfiguration()) throws {
        self.store = store
        self.configuration = configuration
        engine = QueryEngine(store: store)
        workflow = try Workflow(store: store)
        accounts = AccountStore(store: store, configuration: configuration)
        renderer = MapRenderer(style: try MapStyle.shipped())
        limiter = SignInLimiter(limit: configuration.signInAttempts, window: configuration.signInWindow)
        visibility = Visibility(store: store)
        pages = try PageRenderer()
    }

    /// The viewer the audit log records for a request: the account and why.
    func viewer(_ account: Account, purpose: String) -> Viewer {
        Viewer(name: account.username, purpose: purpose)
    }
}
