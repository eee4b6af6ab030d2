import GraphCore

/// How a file is imported.
public struct ImportOptions: Sendable {
    /// The file's format.
    public enum Format: Sendable, Equatable {
        /// JSON Lines (FORMAT.md §1).
        case jsonLines
        /// CSV of one record type or entity kind (FORMAT.md §2): `vehicle`, `intel`, `link`, ...
        case csv(kind: String)
    }

    public var format: Format
    /// The name the file goes by in errors and the audit log, when not its path: the
    /// source a converted file was made from, say.
    public var name: String?
    /// Who is importing and why; written to the audit log.
    public var viewer: Viewer
    /// Called now and then with bytes read and the file's size.
    public var progress: (@Sendable (Int64, Int64) -> Void)?

    public init(format: Format = .jsonLines, name: String? = nil, viewer: Viewer,
                progress: (@Sendable (Int64, Int64) -> Void)? = nil) {
        self.format = format
        self.name = name
        self.viewer = viewer
        self.progress = progress
    }
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    /// Lines (JSON Lines) or rows (CSV, header included) read.
    public var lines = 0
    /// Records read.
    public var records = 0
    public var areas = 0
    public var entitiesAdded = 0
    public var entitiesUpdated = 0
    /// Ids that became aliases of an existing entity with the same key.
    public var idsMerged = 0
    public var intelAdded = 0
    public var intelUpdated = 0
    public var linksAdded = 0
    /// Link records that merged into a link already present.
    public var linksMerged = 0
    /// The SHA-256 of the file, as recorded in the audit log.
    public var sha256 = ""
    /// Where the time went.
    public var seconds = Phases()

    /// Wall-clock seconds spent in each phase of an import.
    public struct Phases: Sendable, Equatable {
        /// Reading, checking and writing the records.
        public var records: Double = 0
        /// Resolving references left for the end of the file, building the full-text index
        /// and (after a bulk load) the secondary indexes, and checking references.
        public var indexes: Double = 0
        /// Writing the audit row and committing.
        public var commit: Double = 0
    }

    public init() {}
}
