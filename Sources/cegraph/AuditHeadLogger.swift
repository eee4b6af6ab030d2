import Foundation
import GraphStore

/// Writes the audit log's head to the service's log (standard error) when the service
/// starts and then once a minute while it changes: a second copy of the head outside the
/// database, beside the head file, for whoever keeps the service's logs. The head file
/// itself is written at every commit.
final class AuditHeadLogger: @unchecked Sendable {
    private let store: Store
    private let timer: DispatchSourceTimer
    // Touched on the timer's queue only.
    private var last: AuditHead?

    init(store: Store, every interval: TimeInterval = 60) {
        self.store = store
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "cegraph.audit-head-logger"))
        timer.schedule(deadline: .now(), repeating: interval)
        timer.setEventHandler { [weak self] in self?.log() }
        timer.resume()
    }

    deinit { timer.cancel() }

    private func log() {
        guard let head = try? store.auditHead(), head != last else { return }
        last = head
        Printer.error("\(Date().utcStamp) audit: \(head)")
    }
}
