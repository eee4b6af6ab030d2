import GraphCore
import Foundation
import GraphStore
import Hummingbird
import Logging

/// Builds the service: the router with its middleware and routes. The executable calls it
/// and runs the result; tests call it and drive it in process or live.
public func buildApplication(services: Services) -> some ApplicationProtocol {
    var logger = Logger(label: "cegraph")
    logger.logLevel = .info
    return Application(
        router: buildRouter(services: services),
        configuration: .init(address: .hostname(services.configuration.host, port: services.configuration.port),
                             serverName: "cegraph"),
        logger: logger
    )
}

/// The router: the client behind any trusted proxy, the security headers on every answer,
/// errors as JSON (HTML on the pages), who is asking, then the routes.
/// A route that does not exist answers like a record that does not exist.
public func buildRouter(services: Services) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    if let workers = services.workers { router.add(middleware: WorkerMiddleware(executor: workers)) }
    router.add(middleware: ClientMiddleware(trustedProxies: services.configuration.trustedProxies))
    router.add(middleware: SecurityHeaders())
    router.add(middleware: ErrorMiddleware(pages: services.pages))
    router.add(middleware: SessionMiddleware(accounts: services.accounts))
    router.add(middleware: SavedNoticeMiddleware(secureCookies: services.configuration.secureCookies))
    SessionRoutes(services: services).add(to: router)
    GraphRoutes(services: services).add(to: router)
    QueryRoutes(services: services).add(to: router)
    WorkflowRoutes(services: services).add(to: router)
    WorkflowWriteRoutes(services: services).add(to: router)
    StoreRoutes(services: services).add(to: router)
    TimelineRoutes(services: services).add(to: router)
    IntelRoutes(services: services).add(to: router)
    AdminRoutes(services: services).add(to: router)
    AccountRoutes(services: services).add(to: router)
    QueryPageRoutes(services: services).add(to: router)
    IntelPageRoutes(services: services).add(to: router)
    WorkflowPageRoutes(services: services).add(to: router)
    AccountPageRoutes(services: services).add(to: router)
    PageRoutes(services: services).add(to: router)
    return router
}

/// Runs the service until the process is told to stop (SIGINT, SIGTERM).
public func runServer(services: Services) async throws {
    let checkpoints = try services.store.checkpointInBackground()
    defer { checkpoints?.stop() }
    try await buildApplication(services: services).runService()
}
