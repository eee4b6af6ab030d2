import Foundation
import GraphCore
import GraphStore
import Testing

/// The group commit of reads' audit rows: concurrent readers each get their own row, in
/// one unbroken chain, and each returns only after its row is in the log.
struct AuditBatchTests {
    @Test func concurrentReadsEachWriteTheirRowIntoOneUnbrokenChain() throws {
        let store = try Fixture.fileStore()
        let threads = 16, perThread = 25
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                let viewer = Viewer.commandLine(name: "reader-\(thread)", purpose: "automated test")
                do {
                    try store.auditQuery("associations", parameters: ["n": .number(String(index))], recordIds: ["E\(thread)-\(index)"], by: viewer)
                    // Returned: so the row is already readable by anyone.
                    let seen = try store.auditEntries(limit: threads * perThread).contains { $0.records.contains("\"E\(thread)-\(index)\"") }
                    if !seen { failures.add("E\(thread)-\(index) returned before its row was written") }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        let entries = try store.auditEntries(limit: 10_000, oldestFirst: true).filter { $0.operation == "consultation" }
        #expect(entries.count == threads * perThread)
        #expect(Set(entries.map(\.records)).count == threads * perThread, "one row each, none lost or doubled")
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func waitingReadersHoldNoThreadAndEachFindsItsRowWritten() async throws {
        let store = try Fixture.fileStore()
        let readers = 400
        // Far more readers than threads wait at once: a suspended reader holds none.
        let missing = try await withThrowingTaskGroup(of: String?.self) { group in
            for index in 0..<readers {
                group.addTask {
                    let viewer = Viewer.commandLine(name: "reader-\(index % 7)", purpose: "automated test")
                    try await store.auditQuery("associations", parameters: [:], recordIds: ["A\(index)"], by: viewer)
                    let seen = try store.auditEntries(limit: readers).contains { $0.records.contains("\"A\(index)\"") }
                    return seen ? nil : "A\(index)"
                }
            }
            var missing: [String] = []
            for try await result in group { if let result { missing.append(result) } }
            return missing
        }
        #expect(missing.isEmpty, "returned before their rows were written: \(missing.prefix(3))")
        let entries = try store.auditEntries(limit: 10_000).filter { $0.operation == "consultation" }
        #expect(Set(entries.map(\.records)).count == readers)
        #expect(try store.verifyAuditLog().isIntact)
    }

    @Test func aReadWhoseRowCannotBeWrittenFails() throws {
        let directory = try Fixture.directory()
        let path = directory.appendingPathComponent("test.sqlite").path
        _ = try Store.open(path: path)
        let readOnly = try Store.open(path: path, configuration: StoreConfiguration(readOnly: true))
        #expect(throws: StoreError.self) {
            try readOnly.auditQuery("associations", parameters: [:], recordIds: ["E1"], by: Fixture.viewer)
        }
    }

    @Test func aWaitingReadWhoseRowCannotBeWrittenFails() async throws {
        let path = try Fixture.directory().appendingPathComponent("test.sqlite").path
        _ = try Store.open(path: path)
        let readOnly = try Store.open(path: path, configuration: StoreConfiguration(readOnly: true))
        await #expect(throws: StoreError.self) {
            try await readOnly.auditQuery("associations", parameters: [:], recordIds: ["E2"], by: Fixture.viewer)
        }
    }
}

/// Failures collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ text: String) { lock.lock(); list.append(text); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
