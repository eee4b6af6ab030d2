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
    ///   - arrangement: what the viewer hid, pinned and collapsed, applied to the map as its
    ///     audience sees it (after redaction, so its ids are the audience's own).
    ///   - communities: a map's communities, for collapsing by community.
    public func render(_ map: MapGraph, audience: Audience, format: MapFormat, engine: LayoutEngine? = nil,
                       date: String, newSince: String? = nil, arrangement: MapArrangement = MapArrangement(),
                       communities: (MapGraph) -> [String: MapGraph.Group] = { _ in [:] }) async throws
        -> (data: Data, disclosedIds: [String]) {
        let (redacted, disclosed) = MapRenderer.shown(map, to: audience, arrangement: arrangement, communities: communities)
        let dot = DotWriter(style: style).dot(redacted, audience: audience, date: date, newSince: newSince)
        let data = try await GraphvizRenderer.shared.render(
            dot: dot, format: format, engine: engine ?? LayoutEngine.forSize(redacted.nodes.count))
        return (data, disclosed)
    }

    /// The map as `audience` sees it (``Redactor``), then arranged as the viewer asked (its
    /// ids are then the audience's own): what a drawing or an export of it shows; and the
    /// real ids the query disclosed, for the audit log, which keeps every entity disclosed,
    /// hidden or collapsed on the drawing or not: the safe side of the record.
    public static func shown(_ map: MapGraph, to audience: Audience, arrangement: MapArrangement,
                             communities: (MapGraph) -> [String: MapGraph.Group]) -> (map: MapGraph, disclosedIds: [String]) {
        let (redacted, disclosed) = Redactor.redact(map, for: audience)
        guard !arrangement.isEmpty else { return (redacted, disclosed) }
        return (redacted.arranged(arrangement, communities: { communities(redacted) }), disclosed)
    }
}
