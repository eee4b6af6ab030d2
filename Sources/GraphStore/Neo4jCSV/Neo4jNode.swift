import GraphCore

/// A node read from a Neo4j CSV file, kept so that relationships can be resolved.
struct Neo4jNode {
    /// The node's POLE label (the first one the model knows, when it has several).
    let label: String
    /// The cegraph id it was written under, when it became an entity.
    let ref: String?
    let kind: EntityKind?
    /// Where it was read, for errors about a repeated `:ID`.
    let location: SourceLocation
}
