import Foundation
import GraphCore

/// Redacts a map for its audience, writes its DOT and renders it: the one entry point the
/// CLI and the server use for maps.
public struct MapRenderer: Sendable {
    public let style: MapStyle

    public init(style: MapStyle) {
        self.style = style
    }

    /// The map for `audience` as `format`.
    ///
    /// - Parameters:
    ///   - engine: the layout engine; by default `dot` for small maps and `sfdp` for large.
    ///   - date: the date printed in the header.
    ///   - newSince: the date new entities and links are highlighted from, for the header.
    public func render(_ map: MapGraph, audience: Audience, format: MapFormat, engine: LayoutEngine? = nil,
                       date: String, newSince: String? = nil) async throws -> (data: Data, disclosedIds: [String]) {
        let (redacted, disclosed) = Redactor.redact(map, for: audience)
        let dot = DotWriter(style: style).dot(redacted, audience: audience, date: date, newSince: newSince)
        let data = try await GraphvizRenderer.shared.render(
            dot: dot, format: format, engine: engine ?? LayoutEngine.forSize(redacted.nodes.count))
        return (data, disclosed)
    }
}
