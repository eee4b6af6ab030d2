import GraphCore

/// A document to print as PDF (``PDFWriter``): a run of headings, paragraphs, facts,
/// tables and maps, laid out on A4 pages under a protective marking, with who it was
/// produced for and page numbers on every page.
///
/// It holds only what is to be printed: the caller has already chosen and redacted it
/// (a map is drawn as given, for its audience, never redacted again).
public struct PrintDocument: Sendable {
    /// One thing on a page, in reading order.
    public enum Block: Sendable {
        /// The document's title, large (a cover's).
        case title(String)
        /// A section heading; `newPage` starts it at the top of a page.
        case heading(String, newPage: Bool)
        /// A heading within a section.
        case subheading(String)
        /// A paragraph.
        case text(String)
        /// A paragraph in small grey type: how to read what follows, where nothing is.
        case note(String)
        /// Labels and values, two columns.
        case facts([Fact])
        /// A table; its header row is repeated on each page it runs onto.
        case table(Table)
        /// A map on a page of its own (landscape when it is wide), under its caption, laid out
        /// and drawn on the page itself (vector, not a picture of one).
        case map(Map)
    }

    /// A label and its value.
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A table: column headings, each column's share of the width, and the rows.
    public struct Table: Sendable, Equatable {
        /// A row; an emphasised row is printed bold in red (what is overdue), and says so in
        /// its words as well, for a reader in grey.
        public struct Row: Sendable, Equatable {
            public var cells: [String]
            public var emphasised: Bool

            public init(_ cells: [String], emphasised: Bool = false) {
                self.cells = cells
                self.emphasised = emphasised
            }
        }

        public var columns: [String]
        /// Each column's share of the width (any positive numbers; they are scaled to fit).
        public var widths: [Double]
        public var rows: [Row]

        public init(columns: [String], widths: [Double], rows: [Row]) {
            self.columns = columns
            self.widths = widths
            self.rows = rows
        }
    }

    /// A map to draw: already redacted for `audience` (``Redactor``).
    public struct Map: Sendable, Equatable {
        public var graph: MapGraph
        public var audience: Audience
        /// The date in the map's header.
        public var date: String
        /// For a diff map: the day changes are counted from (``DotWriter``'s `changesSince`).
        public var changesSince: String?
        /// The heading on the map's page.
        public var caption: String

        public init(graph: MapGraph, audience: Audience, date: String, changesSince: String? = nil, caption: String) {
            self.graph = graph
            self.audience = audience
            self.date = date
            self.changesSince = changesSince
            self.caption = caption
        }
    }

    /// The title in the file's metadata.
    public var title: String
    /// The protective marking, at the top and foot of every page.
    public var marking: String
    /// At the foot of every page, beside the page number: whom it was produced for, and when.
    public var footer: String
    public var blocks: [Block]

    public init(title: String, marking: String, footer: String, blocks: [Block]) {
        self.title = title
        self.marking = marking
        self.footer = footer
        self.blocks = blocks
    }
}
