import Foundation

/// A progress bar on standard error, shown only when it is a terminal and the work has
/// taken more than a moment.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private let lock = NSLock()
    private var shown = false
    private var lastDrawn = Date.distantPast
    private let enabled = isatty(STDERR_FILENO) == 1

    init(label: String) {
        self.label = label
    }

    /// Reports `done` of `total` units (bytes).
    func update(_ done: Int64, _ total: Int64) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(started) > 0.5, now.timeIntervalSince(lastDrawn) > 0.1 || done >= total else { return }
        lastDrawn = now
        shown = true
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        let megabytes = String(format: "%.0f/%.0f MB", Double(done) / 1e6, Double(total) / 1e6)
        let phase = done >= total ? "  read; building indexes and committing" : ""
        FileHandle.standardError.write(Data(String(format: "\r%@ [%@] %3.0f%% %@%@", label, bar, fraction * 100, megabytes, phase).utf8))
    }

    /// Ends the bar's line, if it was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
