import Foundation

/// A bar chart as a standalone SVG document, for the quarterly performance report:
/// referrals by agency, children by month, assessments by type.
///
/// Graphviz lays out graphs; it is not a charting tool, and a chart needs nothing but
/// rectangles and text placed by arithmetic, so the SVG is written here by hand.
///
/// One series draws one bar per label. Several series draw their bars side by side within
/// each label, with a legend, so that each bar starts from zero and reads against the axis
/// (stacked bars hide all but the bottom segment's size). Each bar carries its value above
/// it and a `<title>` that a screen reader or a hover shows; the document's `<title>` and
/// `<desc>` give the whole chart in words. The protective marking is printed at the top and
/// bottom, as on the maps. Every label is escaped, so any text is safe to chart.
public struct BarChart: Sendable, Hashable {
    /// One bar: what it counts and how many.
    public struct Bar: Sendable, Hashable {
        /// The label under the bar (an agency, a month).
        public var label: String
        /// The bar's value. A negative value is drawn with no height; a non-finite one is
        /// drawn with no height and labelled "n/a".
        public var value: Double

        /// Makes a bar.
        ///
        /// - Parameters:
        ///   - label: what the bar counts.
        ///   - value: how many.
        public init(_ label: String, _ value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// A named set of bars, drawn in one colour (CSE, say, beside CCE).
    public struct Series: Sendable, Hashable {
        /// The name in the legend; unused when the chart has one series.
        public var name: String
        /// The bars, in the order to draw them.
        public var bars: [Bar]

        /// Makes a series.
        ///
        /// - Parameters:
        ///   - name: the legend entry.
        ///   - bars: the bars.
        public init(name: String, bars: [Bar]) {
            self.name = name
            self.bars = bars
        }
    }

    /// The heading over the chart.
    public var title: String
    /// A second line: the period, the borough, the source.
    public var subtitle: String?
    /// The series; labels are grouped across series in the order they first appear.
    public var series: [Series]
    /// Colours, font and the protective marking.
    public var style: ChartStyle

    /// A chart of one or more series.
    ///
    /// - Parameters:
    ///   - title: the heading.
    ///   - subtitle: a second line, if any.
    ///   - series: the series, drawn side by side within each label.
    ///   - style: colours, font and marking (``ChartStyle/shipped()`` for the house style).
    public init(title: String, subtitle: String? = nil, series: [Series], style: ChartStyle) {
        self.title = title
        self.subtitle = subtitle
        self.series = series
        self.style = style
    }

    /// A chart of a single series.
    ///
    /// - Parameters:
    ///   - title: the heading.
    ///   - subtitle: a second line, if any.
    ///   - bars: the bars.
    ///   - style: colours, font and marking.
    public init(title: String, subtitle: String? = nil, bars: [Bar], style: ChartStyle) {
        self.init(title: title, subtitle: subtitle, series: [Series(name: title, bars: bars)], style: style)
    }

    // MARK: - Layout

    private static let plotHeight = 260.0
    private static let left = 72.0
    private static let right = 24.0
    private static let groupGap = 18.0
    private static let barGap = 2.0
    private static let characterWidth = 6.2
    private static let longestLabel = 32

    /// The labels in first-seen order, and each series' value for each (nil when absent).
    private var table: (labels: [String], values: [[Double?]]) {
        var labels: [String] = []
        var seen = Set<String>()
        for bar in series.flatMap(\.bars) where seen.insert(bar.label).inserted { labels.append(bar.label) }
        let values = series.map { series in
            let byLabel = Dictionary(series.bars.map { ($0.label, $0.value) }, uniquingKeysWith: { first, _ in first })
            return labels.map { byLabel[$0] }
        }
        return (labels, values)
    }

    /// The SVG document.
    ///
    /// - Returns: a standalone SVG 1.1 document, UTF-8, with an XML declaration.
    public func svg() -> String {
        let (labels, values) = table
        let shownSeries = series.count
        let barWidth = shownSeries <= 1 ? 36.0 : max(10, 22 - 2 * Double(shownSeries - 2))
        let groupWidth = Double(max(shownSeries, 1)) * barWidth + Double(max(shownSeries - 1, 0)) * Self.barGap
        let width = max(480, Self.left + Double(labels.count) * (groupWidth + Self.groupGap) + Self.right)
        // Each label gets an equal share of the plot, its bars centred in it.
        let slot = (width - Self.left - Self.right) / Double(max(labels.count, 1))
        let shortLabels = labels.map(Self.shortened)
        let widest = Double(shortLabels.map(\.count).max() ?? 0) * Self.characterWidth
        let rotate = widest > slot - 4
        let labelBlock = (rotate ? min(150, widest * 0.55 + 14) : 24).rounded(.up)
        let legend = shownSeries > 1
        var top = subtitle == nil ? 58.0 : 78.0
        let legendY = top + 6
        if legend { top += 28 }
        let plotTop = top + 16
        let plotBottom = plotTop + Self.plotHeight
        let height = plotBottom + labelBlock + 40
        let finite = values.flatMap { $0 }.compactMap { $0 }.filter(\.isFinite)
        let ticks = Self.ticks(upTo: finite.max() ?? 0)
        let scaleTop = ticks.last ?? 1
        func y(_ value: Double) -> Double {
            guard value.isFinite, value > 0 else { return plotBottom }
            return plotBottom - min(value, scaleTop) / scaleTop * Self.plotHeight
        }

        var out: [String] = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\#(n(width))" height="\#(n(height))" "#
                + #"viewBox="0 0 \#(n(width)) \#(n(height))" role="img" aria-labelledby="chart-title chart-desc" "#
                + #"font-family="\#(e(style.font))">"#,
            #"<title id="chart-title">\#(e(title))</title>"#,
            #"<desc id="chart-desc">\#(e(description(labels: labels, values: values)))</desc>"#,
            #"<rect width="\#(n(width))" height="\#(n(height))" fill="\#(e(style.background))"/>"#,
            marking(x: width / 2, y: 18),
            #"<text class="title" x="\#(n(width / 2))" y="44" text-anchor="middle" font-size="18" font-weight="bold" "#
                + #"fill="\#(e(style.ink))">\#(e(title))</text>"#,
        ]
        if let subtitle {
            out.append(#"<text class="subtitle" x="\#(n(width / 2))" y="64" text-anchor="middle" font-size="13" "#
                       + #"fill="\#(e(style.muted))">\#(e(subtitle))</text>"#)
        }
        if legend { out += legendItems(y: legendY, width: width) }

        out.append(#"<g class="axis" font-size="11" fill="\#(e(style.muted))">"#)
        for tick in ticks {
            out.append(#"<line x1="\#(n(Self.left))" x2="\#(n(width - Self.right))" y1="\#(n(y(tick)))" y2="\#(n(y(tick)))" "#
                       + #"stroke="\#(e(style.grid))"/>"#)
            out.append(#"<text x="\#(n(Self.left - 8))" y="\#(n(y(tick) + 4))" text-anchor="end">\#(e(Self.format(tick)))</text>"#)
        }
        out.append(#"<line x1="\#(n(Self.left))" x2="\#(n(width - Self.right))" y1="\#(n(plotBottom))" "#
                   + #"y2="\#(n(plotBottom))" stroke="\#(e(style.muted))"/>"#)
        out.append("</g>")

        out.append(#"<g class="bars" font-size="\#(barWidth < 20 ? 9 : 11)" fill="\#(e(style.ink))" text-anchor="middle">"#)
        for (column, label) in labels.enumerated() {
            let groupLeft = Self.left + (Double(column) + 0.5) * slot - groupWidth / 2
            for row in values.indices {
                guard let value = values[row][column] else { continue }
                let x = groupLeft + Double(row) * (barWidth + Self.barGap)
                let barTop = y(value)
                let name = legend ? "\(label), \(series[row].name): " : "\(label): "
                out.append(#"<rect class="bar" x="\#(n(x))" y="\#(n(barTop))" width="\#(n(barWidth))" "#
                           + #"height="\#(n(plotBottom - barTop))" fill="\#(e(colour(row)))">"#
                           + #"<title>\#(e(name + Self.format(value)))</title></rect>"#)
                out.append(#"<text class="value" x="\#(n(x + barWidth / 2))" y="\#(n(barTop - 4))">\#(e(Self.format(value)))</text>"#)
            }
        }
        out.append("</g>")

        out.append(#"<g class="labels" font-size="11" fill="\#(e(style.ink))">"#)
        for (column, label) in shortLabels.enumerated() {
            let x = Self.left + (Double(column) + 0.5) * slot
            let y = plotBottom + 16
            out.append(rotate
                ? #"<text x="\#(n(x))" y="\#(n(y))" text-anchor="end" transform="rotate(-40 \#(n(x)) \#(n(y)))">\#(e(label))</text>"#
                : #"<text x="\#(n(x))" y="\#(n(y))" text-anchor="middle">\#(e(label))</text>"#)
        }
        out.append("</g>")
        if labels.isEmpty {
            out.append(#"<text class="empty" x="\#(n(width / 2))" y="\#(n(plotTop + Self.plotHeight / 2))" "#
                       + #"text-anchor="middle" font-size="14" fill="\#(e(style.muted))">No data to chart</text>"#)
        }
        out.append(marking(x: width / 2, y: height - 10))
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Parts

    private func marking(x: Double, y: Double) -> String {
        #"<text class="marking" x="\#(n(x))" y="\#(n(y))" text-anchor="middle" font-size="12" font-weight="bold" "#
            + #"letter-spacing="1" fill="\#(e(style.ink))">\#(e(style.marking))</text>"#
    }

    private func legendItems(y: Double, width: Double) -> [String] {
        var items = [#"<g class="legend" font-size="12" fill="\#(e(style.ink))">"#]
        let widths = series.map { 18 + Double(Self.shortened($0.name).count) * Self.characterWidth + 16 }
        var x = max(Self.left, (width - widths.reduce(0, +)) / 2)
        for (row, entry) in series.enumerated() {
            items.append(#"<rect x="\#(n(x))" y="\#(n(y))" width="12" height="12" fill="\#(e(colour(row)))"/>"#)
            items.append(#"<text x="\#(n(x + 18))" y="\#(n(y + 10))">\#(e(Self.shortened(entry.name)))</text>"#)
            x += widths[row]
        }
        items.append("</g>")
        return items
    }

    /// The chart in words, for screen readers and for anyone the picture does not reach.
    private func description(labels: [String], values: [[Double?]]) -> String {
        var parts: [String] = []
        if let subtitle { parts.append(subtitle + ".") }
        guard !labels.isEmpty else { return (parts + ["Bar chart with no data."]).joined(separator: " ") }
        parts.append("Bar chart.")
        for (column, label) in labels.enumerated() {
            let entries = series.indices.compactMap { row in
                values[row][column].map { series.count > 1 ? "\(series[row].name) \(Self.format($0))" : Self.format($0) }
            }
            parts.append("\(label): \(entries.joined(separator: ", ")).")
        }
        return parts.joined(separator: " ")
    }

    private func colour(_ row: Int) -> String {
        style.palette[row % style.palette.count]
    }

    private func e(_ text: String) -> String {
        XMLText.escape(text)
    }

    /// A coordinate with at most one decimal, so output is stable across platforms.
    private func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    private static func shortened(_ label: String) -> String {
        label.count <= longestLabel ? label : String(label.prefix(longestLabel - 1)) + "…"
    }

    // MARK: - Numbers

    /// Round tick values from zero to at least `maximum`: steps of 1, 2 or 5 times a power
    /// of ten, about five of them, so the gridlines land on numbers people read at a glance.
    static func ticks(upTo maximum: Double) -> [Double] {
        guard maximum.isFinite, maximum > 0 else { return [0, 1] }
        let rough = maximum / 5
        let power = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let count = Int((maximum / step).rounded(.up))
        return (0...max(count, 1)).map { Double($0) * step }
    }

    /// A value as people write counts: whole numbers with thousands separators, others to
    /// one decimal place.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        guard abs(value) < 1e15 else { return String(format: "%.3g", value) }
        let tenths = (value * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) != 0 { return String(format: "%.1f", tenths / 10) }
        let whole = Int(tenths / 10)
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (whole < 0 ? "-" : "") + digits + grouped
    }
}
