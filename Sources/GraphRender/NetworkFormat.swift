import Foundation
import GraphCore

/// The formats a network leaves cegraph in for other tools: GraphML, GEXF, i2 ANX and DOT.
/// `cegraph export` and `GET /api/export` both write through ``text(_:audience:date:style:)``.
public enum NetworkFormat: String, CaseIterable, Sendable {
    case graphml, gexf, anx, dot

    /// The media type a file of this format is served as.
    public var contentType: String {
        switch self {
        case .graphml: "application/graphml+xml; charset=utf-8"
        case .gexf: "application/gexf+xml; charset=utf-8"
        case .anx: "application/xml; charset=utf-8"
        case .dot: "text/vnd.graphviz; charset=utf-8"
        }
    }

    /// The network, already redacted for `audience`, as this format's text.
    ///
    /// - Parameters:
    ///   - date: the day printed in GEXF and DOT headers.
    ///   - style: the map style DOT is drawn with.
    public func text(_ redacted: MapGraph, audience: Audience, date: String, style: MapStyle) -> String {
        switch self {
        case .graphml: GraphMLWriter().graphML(redacted)
        case .gexf: GEXFWriter().gexf(redacted, date: date)
        case .anx: ANXWriter().anx(redacted)
        case .dot: DotWriter(style: style).dot(redacted, audience: audience, date: date)
        }
    }
}
