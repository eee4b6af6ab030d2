import Foundation
import Testing
import GraphCore
@testable import GraphRender

/// The in-process Graphviz renderer: formats, errors, and memory over many renders.
@Suite struct RendererTests {
    static let small = "digraph g { a -> b; b -> c; c -> a; }"

    @Test(arguments: [MapFormat.svg, .png, .pdf])
    func rendersEachFormat(_ format: MapFormat) async throws {
        let data = try await GraphvizRenderer.shared.render(dot: RendererTests.small, format: format, engine: .dot)
        let magic: [MapFormat: [UInt8]] = [.svg: Array("<?xml".utf8), .png: [0x89, 0x50, 0x4E, 0x47], .pdf: Array("%PDF".utf8)]
        #expect(Array(data.prefix(magic[format]!.count)) == magic[format]!)
    }

    @Test func badDotIsAnErrorWithGraphvizsMessage() async throws {
        await #expect(throws: RenderError.self) {
            try await GraphvizRenderer.shared.render(dot: "digraph { a -> }", format: .svg, engine: .dot)
        }
        do {
            _ = try await GraphvizRenderer.shared.render(dot: "digraph { a -> }", format: .svg, engine: .dot)
        } catch let error as RenderError {
            #expect(error.message.contains("syntax error"))
            #expect(error.kind == .internal, "cegraph writes the DOT, so a bad one is its own fault")
        }
    }

    @Test func concurrentRendersAreSerialisedAndAgree() async throws {
        let reference = try await GraphvizRenderer.shared.render(dot: RendererTests.small, format: .svg, engine: .dot)
        try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<40 {
                group.addTask { try await GraphvizRenderer.shared.render(dot: RendererTests.small, format: .svg, engine: .dot) }
            }
            for try await data in group { #expect(data == reference) }
        }
    }

    /// 1,000 renders keep memory flat: the resident set grows by less than 8 MB after a warm-up
    /// (Graphviz 2.42's dot layout leaks about 0.17 MB per 1,000 cyclic graphs by itself).
    @Test func memoryStaysFlatOverAThousandRenders() async throws {
        for _ in 0..<100 { _ = try await GraphvizRenderer.shared.render(dot: RendererTests.small, format: .svg, engine: .dot) }
        let before = RendererTests.residentBytes()
        for _ in 0..<1_000 { _ = try await GraphvizRenderer.shared.render(dot: RendererTests.small, format: .svg, engine: .dot) }
        let after = RendererTests.residentBytes()
        #expect(after - before < 8 << 20, "resident memory grew by \(after - before) bytes over 1,000 renders")
    }

    /// The resident set size from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = Int(text.split(separator: " ")[1]) ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
