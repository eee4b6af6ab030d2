import Foundation
import GraphCore

/// Prints a ``PrintDocument`` as PDF, in process: pages drawn with cairo and Pango, and each
/// map laid out by Graphviz and drawn by Graphviz's own cairo renderer straight onto the
/// page, so maps stay vector (zoomable, searchable text) as the web page's SVG does.
///
/// Graphviz, and the Pango it lays text out with, are used one call at a time for the whole
/// process (``GraphvizRenderer``), so a document is printed on the renderer's queue.
public struct PDFWriter: Sendable {
    public let style: MapStyle

    public init(style: MapStyle) {
        self.style = style
    }

    /// The document's PDF bytes.
    ///
    /// - Throws: ``RenderError`` when a map cannot be laid out or cairo cannot write the file.
    public func write(_ document: PrintDocument) async throws -> Data {
        try await GraphvizRenderer.shared.pdf(document, style: style)
    }
}
