import GraphCore

/// What a conversion of a Neo4j CSV directory wrote, and what it left out, file by file.
public struct Neo4jCSVSummary: Sendable, Equatable {
    /// One source file's rows: how many were carried into the output and how many dropped.
    public struct File: Sendable, Equatable {
        /// The file's name in the directory.
        public let name: String
        /// What the file's rows become, or why they are dropped.
        public let note: String
        /// Data rows read (the header not counted).
        public var rows = 0
        /// Rows carried into an entity or link (several rows may merge into one link).
        public var mapped = 0
        /// Rows not carried over.
        public var dropped = 0
        /// Rows dropped, counted by what they were (`INVOLVED_IN from Object to Crime`) or
        /// why they could not be carried (`a call from a phone to itself`).
        public var reasons: [String: Int] = [:]

        /// A file with no rows counted yet.
        public init(name: String, note: String) {
            self.name = name
            self.note = note
        }
    }

    /// The files read, node files first, each group in name order.
    public var files: [File] = []
    /// Entity records written, by kind.
    public var entities: [EntityKind: Int] = [:]
    /// Link records written, by kind; rows with the same ends and kind are one record.
    public var links: [LinkKind: Int] = [:]
    /// Phone numbers cegraph's rules reject, kept under the `+999` fallback (see
    /// docs/IMPORT_NEO4J.md).
    public var phoneFallbacks = 0
    /// The source row of each line written, in order: the node, the first relationship row
    /// of a link, or the first call of a `contacted` link.
    public var origins: [SourceLocation] = []

    /// An empty summary.
    public init() {}

    /// Records written.
    public var records: Int { origins.count }
}
