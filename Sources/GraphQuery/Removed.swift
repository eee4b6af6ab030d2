/// The entities and links a snapshot still holds but that writes since its full read
/// removed (or replaced with a new copy): no filter admits them (issue 22).
struct Removed: Sendable {
    private(set) var entities: Bitset
    private(set) var links: Bitset
    /// Whether anything was removed (the common case after a full read).
    private(set) var isEmpty = true

    /// Nothing removed among `entities` entities and `links` links.
    init(entities: Int, links: Int) {
        self.entities = Bitset(count: entities, filled: false)
        self.links = Bitset(count: links, filled: false)
    }

    /// Makes room for entities and links appended since.
    mutating func grow(entities: Int, links: Int) {
        self.entities.grow(to: entities)
        self.links.grow(to: links)
    }

    mutating func remove(entity: Int32) {
        entities.insert(Int(entity))
        isEmpty = false
    }

    mutating func remove(link: Int32) {
        links.insert(Int(link))
        isEmpty = false
    }

    /// How many links were removed.
    var removedLinks: Int { isEmpty ? 0 : links.population }
}
