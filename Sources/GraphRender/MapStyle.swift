import Foundation

/// The visual choices for maps, read from `render/styles.json` (a package resource), so a
/// partnership can change them without touching Swift.
public struct MapStyle: Decodable, Sendable {
    public struct Entity: Decodable, Sendable {
        public let shape: String
        public let color: String
        public let fillcolor: String
        /// A short tag shown above the label.
        public let icon: String
    }

    public struct Link: Decodable, Sendable {
        public let color: String
        public let arrowhead: String?
    }

    public struct New: Decodable, Sendable {
        public let color: String
        public let penwidth: String
    }

    /// How a diff map draws a link that ended in its period.
    public struct Ended: Decodable, Sendable {
        public let color: String
        public let style: String
    }

    public struct Clusters: Decodable, Sendable {
        public let force: String
        public let authority: String
    }

    /// The protective marking on every map.
    public let marking: String
    public let font: String
    /// Graph attributes, written as given.
    public let graph: [String: String]
    public let entities: [String: Entity]
    /// Fill colour of a child by risk level (`none` when no level is recorded).
    public let risk: [String: String]
    public let links: [String: Link]
    /// Line style by the grading of a link's best report: `A-B`, `C-D`, `ungraded`, `inferred`.
    public let grading: [String: String]
    public let new: New
    /// Ended links on a diff map; a styles file without it gets grey dashes.
    public let ended: Ended?
    public let clusters: Clusters

    /// The ended-link style in force.
    var endedStyle: Ended { ended ?? Ended(color: "#9ca3af", style: "dashed") }

    /// The styles shipped in `render/styles.json`.
    ///
    /// - Throws: ``RenderError`` when the file is missing or malformed.
    public static func shipped() throws -> MapStyle {
        try load(RenderResource.stylesURL())
    }

    /// The styles in a JSON file.
    public static func load(_ url: URL) throws -> MapStyle {
        do {
            return try JSONDecoder().decode(MapStyle.self, from: Data(contentsOf: url))
        } catch {
            throw RenderError("the map styles in \(url.lastPathComponent) could not be read: \(error)")
        }
    }
}

extension MapStyle {
    /// The outline of a subject with a notice or order in force (the protective marking's
    /// dark red, so it reads as a warning in colour and, bold, in grey).
    static let noticeColour = "#7f1d1d"
}
