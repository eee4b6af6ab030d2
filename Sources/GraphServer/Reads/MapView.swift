import GraphCore
import Hummingbird

/// Which map of an entity the map API and page draw (`view=`): its associations (anyone who
/// may see the map), or for the police roles who may analyse, its cross-border links, the
/// shortest paths to another entity, or the evidence behind its MARTHR thresholds.
enum MapView: Sendable, Hashable {
    case associations
    case crossBorder
    case path(to: String)
    case marthr

    /// The view a request names.
    ///
    /// - Throws: ``ServerError`` 400 for an unknown view, or a path without `to`.
    init(_ request: Request) throws {
        switch request.query("view") ?? "associations" {
        case "", "associations": self = .associations
        case "cross_border": self = .crossBorder
        case "marthr": self = .marthr
        case "path":
            guard let to = request.query("to")?.trimmingCharacters(in: .whitespaces), !to.isEmpty else {
                throw ServerError(.badRequest, "to: a map of paths needs the id of the other end")
            }
            self = .path(to: to)
        case let other:
            throw ServerError(.badRequest, "view \(Excerpt.bare(other)) is not associations, cross_border, path or marthr")
        }
    }

    /// `&view=…` (and `&to=…`) to carry on in links; empty for associations.
    var query: String {
        switch self {
        case .associations: ""
        case .crossBorder: "&view=cross_border"
        case .marthr: "&view=marthr"
        case .path(let to): "&view=path&to=" + (to.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
    }

    /// What the audit log calls the map.
    var auditName: String {
        switch self {
        case .associations: "association map"
        case .crossBorder: "cross-border map"
        case .path: "path map"
        case .marthr: "MARTHR evidence map"
        }
    }

    /// The page's heading for the map of `id`.
    func heading(_ id: String) -> String {
        switch self {
        case .associations: "Associations of \(id)"
        case .crossBorder: "Cross-border links of \(id)"
        case .path(let to): "Shortest paths between \(id) and \(to)"
        case .marthr: "MARTHR evidence for \(id)"
        }
    }

    /// Whether the view takes a number of links out.
    var takesHops: Bool { self == .associations || self == .crossBorder }
}
