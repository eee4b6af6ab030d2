import Foundation

/// The visual choices for charts, read from the `chart` section of `render/styles.json`,
/// with the protective marking that every map carries too.
public struct ChartStyle: Sendable, Hashable {
    /// The protective marking printed at the top and bottom of every chart.
    public var marking: String
    /// An SVG `font-family` list.
    public var font: String
    /// Bar colours, one per series in order, repeating when there are more series.
    public var palette: [String]
    /// Colour of titles, labels and values.
    public var ink: String
    /// Colour of the subtitle, axis and tick labels.
    public var muted: String
    /// Colour of the gridlines.
    public var grid: String
    /// Colour behind the chart.
    public var background: String

    /// A style given in full, for a partnership's own colours or for tests.
    ///
    /// - Parameters:
    ///   - marking: the protective marking.
    ///   - font: an SVG `font-family` list.
    ///   - palette: bar colours, at least one.
    ///   - ink: text colour.
    ///   - muted: subtitle and axis colour.
    ///   - grid: gridline colour.
    ///   - background: background colour.
    public init(marking: String, font: String, palette: [String], ink: String, muted: String, grid: String,
                background: String) {
        self.marking = marking
        self.font = font
        self.palette = palette.isEmpty ? [ink] : palette
        self.ink = ink
        self.muted = muted
        self.grid = grid
        self.background = background
    }

    /// The style shipped in `render/styles.json`.
    ///
    /// - Returns: the style.
    /// - Throws: ``RenderError`` when the file is missing or has no valid `chart` section.
    public static func shipped() throws -> ChartStyle {
        try load(RenderResource.stylesURL())
    }

    private struct File: Decodable {
        struct Chart: Decodable {
            let font: String
            let palette: [String]
            let ink: String
            let muted: String
            let grid: String
            let background: String
        }

        let marking: String
        let chart: Chart
    }

    /// The style in a styles file laid out as `render/styles.json`.
    ///
    /// - Parameter url: the file.
    /// - Returns: the style.
    /// - Throws: ``RenderError`` naming the file when it cannot be read or lacks a key.
    public static func load(_ url: URL) throws -> ChartStyle {
        do {
            let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
            let chart = file.chart
            return ChartStyle(marking: file.marking, font: chart.font, palette: chart.palette, ink: chart.ink,
                              muted: chart.muted, grid: chart.grid, background: chart.background)
        } catch {
            throw RenderError("the chart styles in \(url.lastPathComponent) could not be read: \(error)")
        }
    }
}
