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
}

/// The link columns the snapshot keeps, filled while loading.
struct LinkColumns {
    var rowid: [Int64] = []
    var from: [Int32] = []
    var to: [Int32] = []
    var kind: [UInt8] = []
    var first: [Int32] = []
    var last: [Int32] = []
    var created: [Int32] = []
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
}
