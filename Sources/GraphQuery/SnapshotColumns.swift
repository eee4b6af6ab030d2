/// The entity columns the snapshot keeps, filled while loading and extended by deltas.
struct EntityColumns {
    var rowid = Column<Int64>()
    var kind = Column<UInt8>()
    var area = Column<Int32>()
    var flags = Column<UInt8>()
    var created = Column<Int32>()
    var risk = Column<String?>()
    var refs = StringTable()
    var labels = StringTable()

    mutating func reserve(_ count: Int) {
        rowid.reserveCapacity(count)
        kind.reserveCapacity(count)
        area.reserveCapacity(count)
        flags.reserveCapacity(count)
        created.reserveCapacity(count)
        risk.reserveCapacity(count)
        refs.reserve(strings: count, bytes: count * 8)
        labels.reserve(strings: count, bytes: count * 20)
    }
}

/// The link columns the snapshot keeps, filled while loading.
struct LinkColumns {
    var rowid = Column<Int64>()
    /// The ends' database ids, as read; turned into ``from`` and ``to`` once entities are known.
    var rawFrom: [Int64] = []
    var rawTo: [Int64] = []
    var from = Column<Int32>()
    var to = Column<Int32>()
    var kind = Column<UInt8>()
    var first = Column<Int32>()
    var last = Column<Int32>()
    var created = Column<Int32>()

    mutating func reserve(_ count: Int) {
        rowid.reserveCapacity(count)
        for keyPath in [\LinkColumns.rawFrom, \LinkColumns.rawTo] { self[keyPath: keyPath].reserveCapacity(count) }
        for keyPath in [\LinkColumns.first, \LinkColumns.last, \LinkColumns.created] { self[keyPath: keyPath].reserveCapacity(count) }
        kind.reserveCapacity(count)
    }
}

/// The report columns the snapshot keeps, filled while loading.
struct IntelColumns {
    var rowid = Column<Int64>()
    var refs = StringTable()
    var date = Column<Int32>()
    var created = Column<Int32>()
    var source = Column<UInt8>()
    var assessment = Column<UInt8>()
    var handling = Column<UInt8>()

    mutating func reserve(_ count: Int) {
        rowid.reserveCapacity(count)
        refs.reserve(strings: count, bytes: count * 8)
        date.reserveCapacity(count)
        created.reserveCapacity(count)
        source.reserveCapacity(count)
        assessment.reserveCapacity(count)
        handling.reserveCapacity(count)
    }
}
