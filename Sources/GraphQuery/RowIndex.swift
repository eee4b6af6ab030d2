/// Finds the dense id of a link or report by its database id: a binary search over the
/// rows as read (in id order), and a table of the rows appended since (issue 22).
struct RowIndex: Sendable {
    /// How many rows the full read gave (in database id order).
    let readCount: Int
    /// Rows appended since, by database id (a changed link is appended again here).
    private(set) var appended: [Int64: Int32] = [:]

    init(readCount: Int) {
        self.readCount = readCount
    }

    /// The dense id of the row with database id `rowid`, if the snapshot holds it.
    func dense(_ rowid: Int64, in rowids: Column<Int64>) -> Int32? {
        if !appended.isEmpty, let dense = appended[rowid] { return dense }
        var low = 0, high = readCount
        while low < high {
            let middle = (low + high) / 2
            if rowids[middle] < rowid { low = middle + 1 } else { high = middle }
        }
        return low < readCount && rowids[low] == rowid ? Int32(low) : nil
    }

    /// Records that the row with database id `rowid` now has dense id `dense` (or none).
    mutating func set(_ rowid: Int64, _ dense: Int32?) {
        appended[rowid] = dense
    }
}
