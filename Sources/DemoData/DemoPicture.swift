import Foundation
import GraphCore
import GraphStore
import SyntheticData

/// The demo's whole picture: a generated synthetic picture (``Generator``, small scale)
/// imported into a store, and the scripted case workflow recorded on it
/// (``DemoWorkflow``). `cegraph demo` builds it; tests that want a realistic picture with
/// several authorities, cases, panels and MARTHR build it too.
public enum DemoPicture {
    /// The justification of the demo's first audit row: how `cegraph demo` knows a database
    /// it built itself (and may replace).
    public static let purpose = "loading synthetic demo data"

    /// What the build put in the store.
    public struct Built: Sendable {
        /// What the import added.
        public let imported: ImportSummary
        /// The generator's records.
        public let generated: Generator.Counts
        /// The case workflow recorded.
        public let workflow: DemoWorkflow.Summary
    }

    /// Builds the demo picture into `store`, which should be new.
    ///
    /// - Parameters:
    ///   - seed: the generator's seed.
    ///   - viewer: who builds it, for the audit log (its purpose should be ``purpose``).
    ///   - today: the day the case work is recorded up to (``DemoCalendar``); the same
    ///     seed and day give the same picture and workflow.
    /// - Throws: an import or workflow error (a bug in the demo), or ``DemoError``.
    public static func build(into store: Store, seed: UInt64, viewer: Viewer, today: CalendarDate) throws -> Built {
        let data = (NSTemporaryDirectory() as NSString).appendingPathComponent("cegraph-demo-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let sink = try TextOutput(path: data)
        // The picture's dates move with the case work's, by whole weeks (DemoCalendar).
        let counts = try Generator(seed: seed, scale: .small, dayShift: DemoCalendar(today: today).shift).write(to: sink)
        try sink.close()
        let imported = try store.importFile(at: data, options: ImportOptions(viewer: viewer))
        let workflow = try DemoWorkflow.record(store: store, viewer: viewer, today: today)
        return Built(imported: imported, generated: counts, workflow: workflow)
    }
}
