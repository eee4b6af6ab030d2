import Foundation
import GRDB
import GraphStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The service answers an error with the status of its kind, and never with SQL: a
/// constraint SQLite enforces is 400 in words, a busy database 503 with `Retry-After`, a
/// fault 500 with the detail kept for the log.
struct ErrorKindRouteTests {
    /// Words that would mean SQL, a statement's name or SQLite's own message reached a client.
    static let leaks = ["CHECK", "UPDATE", "INSERT", "SELECT", "BEGIN", "SQLite", "SQLITE", "constraint failed", "removed_on",
                        "set_on", "flag.remove", "no such table", "statement"]

    static func leaked(_ text: String) -> [String] { leaks.filter { text.contains($0) } }

    static let busyMessage = "the database is busy; try again in a moment"

    /// Runs `body` while another process holds the database's write lock, as an import from
    /// the command line would, then lets it go.
    static func withWriteLockHeld<T>(on fixture: ServerFixture, _ body: () async throws -> T) async throws -> T {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: fixture.databasePath, configuration: configuration)
        try await other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let result: T
        do {
            result = try await body()
        } catch {
            try await other.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
            throw error
        }
        try await other.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        return result
    }

    @Test func aCheckNoSwiftRuleGuardsAnswers400InWords() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let flagged = try await coordinator.send(.post, "/api/flags", json: #"{"entity": "AD1", "flag": "adult_of_concern", "owner": "police"}"#)
            #expect(flagged.status == .created, "\(flagged.text)")
            // A flag set "in the future" (as another tool might have written it): removing it
            // today breaks the flag table's CHECK (removed on or after set), which the workflow
            // does not test first, so SQLite's refusal is what reaches the service.
            try await fixture.store.writer.write { try $0.execute(sql: "UPDATE flag SET set_on = '2099-01-01'") }
            let refused = try await coordinator.send(.delete, "/api/flags/AD1")
            #expect(refused.status == .badRequest, "\(refused.status) \(refused.text)")
            #expect(Self.leaked(refused.text).isEmpty, "\(refused.text)")
            #expect((refused.json["error"] as? String)?.contains("a value is not one the store allows") == true, "\(refused.text)")
        }
    }

    @Test func aBusyDatabaseAnswers503WithRetryAfter() async throws {
        let fixture = try ServerFixture(storeConfiguration: StoreConfiguration(busyTimeout: 0.1))
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let flag = #"{"entity": "AD1", "flag": "adult_of_concern", "owner": "police"}"#
            let busy = try await Self.withWriteLockHeld(on: fixture) { try await coordinator.send(.post, "/api/flags", json: flag) }
            #expect(busy.status == .serviceUnavailable, "\(busy.status) \(busy.text)")
            #expect(busy.headers[.retryAfter] == "1")
            #expect(busy.json["error"] as? String == ErrorKindRouteTests.busyMessage, "\(busy.text)")
            #expect(Self.leaked(busy.text).isEmpty, "\(busy.text)")
            let later = try await coordinator.send(.post, "/api/flags", json: flag)
            #expect(later.status == .created, "once the lock is gone the same request works: \(later.text)")
        }
    }

    /// A read writes its audit row before it answers, so another process holding the write
    /// lock past the busy timeout (an import from the command line) blocks it too: it says
    /// the database is busy (503, `Retry-After`), on the API and the pages alike, never 500.
    @Test func aReadBlockedByAHeldWriteLockAnswers503WithRetryAfter() async throws {
        let fixture = try ServerFixture(storeConfiguration: StoreConfiguration(busyTimeout: 0.1))
        try await fixture.application.test(.router) { client in
            let analyst = try #require(try await SignedIn.signIn(client, as: "analyst"))
            let answers = try await Self.withWriteLockHeld(on: fixture) {
                var answers: [(String, TestResponse)] = []
                for uri in ["/api/entities/CH1", "/api/cases/CASE-000001", "/api/query/path?from=CH1&to=AD1", "/entities/CH1"] {
                    answers.append((uri, try await analyst.get(uri)))
                }
                return answers + [("/api/search", try await analyst.send(.post, "/api/search", json: #"{"q": "visible"}"#))]
            }
            for (uri, busy) in answers {
                #expect(busy.status == .serviceUnavailable, "\(uri): \(busy.status) \(busy.text)")
                #expect(busy.headers[.retryAfter] == "1", "\(uri)")
                #expect(busy.text.contains(Self.busyMessage), "\(uri): \(busy.text)")
                #expect(Self.leaked(busy.text).isEmpty, "\(uri): \(busy.text)")
            }
            #expect(try await analyst.get("/api/entities/CH1").status == .ok, "once the lock is gone the read works")
        }
    }

    @Test func aFaultAnswers500WithTheDetailOnlyInTheLog() async throws {
        let fixture = try ServerFixture()
        // A damaged database: the register's table is gone.
        try await fixture.store.writer.write { try $0.execute(sql: "ALTER TABLE disruption RENAME TO disruption_gone") }
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let failed = try await coordinator.get("/api/disruptions")
            #expect(failed.status == .internalServerError, "\(failed.status) \(failed.text)")
            #expect(failed.json["error"] as? String == "internal error; the details are in the server's log", "\(failed.text)")
            #expect(Self.leaked(failed.text).isEmpty, "\(failed.text)")
        }
    }

    @Test func aChangeAlreadyMadeIs409AndARecordThatIsNotThere404() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let coordinator = try #require(try await SignedIn.signIn(client, as: "ccset_coordinator"))
            let flag = #"{"entity": "AD1", "flag": "adult_of_concern", "owner": "police"}"#
            #expect(try await coordinator.send(.post, "/api/flags", json: flag).status == .created)
            let again = try await coordinator.send(.post, "/api/flags", json: flag)
            #expect(again.status == .conflict && again.text.contains("already set"), "\(again.status) \(again.text)")
            let missing = try await coordinator.send(.post, "/api/cases/CASE-404404/strategy-meeting", json: "{}")
            #expect(missing.status == .notFound && missing.text.contains("CASE-404404"), "\(missing.status) \(missing.text)")
        }
    }
}
