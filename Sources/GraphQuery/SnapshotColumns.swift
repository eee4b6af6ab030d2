/// The entity columns the snapshot keeps, filled while loading.
struct EntityColumns {
    var rowid: [Int64] = []
    var kind: [UInt8] = []
    var area: [Int32] = []
    var flags: [UInt8] = []
    var created: [Int32] = []
    var risk: [String?] = []
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
    var rowid: [Int64] = []
    /// The ends' database ids, as read; turned into ``from`` and ``to`` once entities are known.
    var rawFrom: [Int64] = []
    var rawTo: [Int64] = []
    var from: [Int32] = []
    var to: [Int32] = []
    var kind: [UInt8] = []
    var first: [Int32] = []
    var last: [Int32] = []
    var created: [Int32] = []

    mutating func reserve(_ count: Int) {
        for keyPath in [\LinkColumns.rowid, \LinkColumns.rawFrom, \LinkColumns.rawTo] { self[keyPath: keyPath].reserveCapacity(count) }
        for keyPath in [\LinkColumns.first, \LinkColumns.last, \LinkColumns.created] { self[keyPath: keyPath].reserveCapacity(count) }
        kind.reserveCapacity(count)
    }
}

/// The report columns the snapshot keeps, filled while loading.
struct IntelColumns {
    var rowid: [Int64] = []
    var refs = StringTable()
    var date: [Int32] = []
    var created: [Int32] = []
    var source: [UInt8] = []
    var assessment: [UInt8] = []
    var handling: [UInt8] = []

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
