import CGraphviz
import Dispatch
import Foundation
import GraphCore

/// Lays out and renders DOT in process with Graphviz's C libraries (no `dot` subprocess).
///
/// Graphviz is not thread-safe, process-wide (RECIPES.md: two threads with separate
/// contexts crash within 500 renders), so every call goes through this one actor, whose
/// executor is a dedicated serial queue: a slow layout never blocks Swift's small
/// cooperative pool. One context lives for the process (a context per render leaks); every
/// graph, layout and render buffer is freed after each call.
public actor GraphvizRenderer {
    /// The one renderer.
    public static let shared = GraphvizRenderer()

    private let queue = DispatchQueue(label: "cegraph.graphviz")
    private let executor: QueueExecutor
    nonisolated(unsafe) let context: OpaquePointer

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private init() {
        executor = QueueExecutor(queue: queue)
        context = gvContext()
        // Keep errors for aglasterr() (the message of a refused DOT text) instead of printing
        // them on stderr.
        agseterr(AGMAX)
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    ///
    /// - Throws: ``RenderError`` with Graphviz's message when the DOT does not parse, the
    ///   engine or format is unknown, or rendering fails.
    public func render(dot: String, format: MapFormat, engine: LayoutEngine) throws -> Data {
        if format == .dot { return Data(dot.utf8) }
        return try GraphvizRenderer.render(context: context, dot: dot, format: format, engine: engine)
    }

    /// The C calls, made only from the actor (so one at a time).
    private static func render(context: OpaquePointer, dot: String, format: MapFormat, engine: LayoutEngine) throws -> Data {
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw RenderError("the map's DOT text could not be read: \(lastError())")
        }
        defer { agclose(graph) }
        guard engine.rawValue.withCString({ gvLayout(context, graph, $0) }) == 0 else {
            throw RenderError("Graphviz could not lay out the map with \(engine.rawValue): \(lastError())")
        }
        defer { gvFreeLayout(context, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length = 0
        guard format.graphvizName.withCString({ cg_render_data(context, graph, $0, &buffer, &length) }) == 0,
              let buffer else {
            throw RenderError("Graphviz could not render the map as \(format.rawValue): \(lastError())")
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: length)
    }

    static func lastError() -> String {
        guard let pointer = aglasterr() else { return "no detail given" }
        defer { free(pointer) }
        let text = String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no detail given" : text.replacingOccurrences(of: "\n", with: "; ")
    }
}

/// A serial executor that runs jobs on a dispatch queue (Linux has no
/// `DispatchSerialQueue` to use directly).
final class QueueExecutor: SerialExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(queue: DispatchQueue) {
        self.queue = queue
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}

/// Why a map could not be rendered.
///
/// The renderer's input is made by cegraph (the DOT text, the styles shipped in `render/`),
/// so a failure here is a fault, not the user's input: its kind is ``ErrorKind/internal``
/// unless the thrower says otherwise.
public struct RenderError: ClassifiedError, CustomStringConvertible {
    /// What went wrong, with Graphviz's own message when there is one.
    public let message: String
    /// What kind of failure this is.
    public let kind: ErrorKind

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - message: What went wrong.
    ///   - kind: What kind of failure it is; by default a fault.
    public init(_ message: String, kind: ErrorKind = .internal) {
        self.message = message
        self.kind = kind
    }

    /// The message.
    public var userMessage: String { message }

    /// The message.
    public var description: String { message }
}

/// The formats a map can be written in.
public enum MapFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, dot

    /// Graphviz's name for the output format.
    var graphvizName: String {
        switch self {
        case .svg: return "svg"
        case .png: return "png"
        case .pdf: return "pdf"
        case .dot: return "dot"
        }
    }
}

/// Graphviz layout engines: `dot` for small maps, `sfdp` for large ones.
public enum LayoutEngine: String, CaseIterable, Sendable {
    case dot, sfdp, neato, fdp, circo, twopi

    /// The engine for a map of `entities` (RECIPES/issue 4: `dot` slows sharply beyond a
    /// few hundred nodes; `sfdp` stays near a second at 2,000).
    public static func forSize(_ entities: Int) -> LayoutEngine {
        entities <= 300 ? .dot : .sfdp
    }
}
