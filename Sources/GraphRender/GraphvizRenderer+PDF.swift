import Foundation

extension GraphvizRenderer {
    /// Prints `document` on the renderer's queue: its maps go through Graphviz, which is used
    /// one call at a time process-wide, and its text through the Pango Graphviz also uses.
    func pdf(_ document: PrintDocument, style: MapStyle) throws -> Data {
        try PDFComposer(context: context, style: style).pdf(document)
    }
}
