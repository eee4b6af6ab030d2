/// Members by group in compressed rows, as read, with the groups a later write changed
/// kept apart: the reports supporting each link, the reports about each entity.
///
/// Rewriting the rows for one changed group would copy them all; a delta (issue 22)
/// replaces the group in ``changed`` instead, and a full read folds them back in.
struct Groups: Sendable {
    /// Group `g`'s members as read are `members[offsets[g]..<offsets[g+1]]`.
    private let offsets: [Int32]
    private let members: [Int32]
    /// Groups replaced since the read, and groups beyond it.
    private var changed: [Int32: [Int32]] = [:]
    /// Which of the groups as read were replaced: one bit test keeps the common case free of
    /// a dictionary lookup.
    private var replaced: Bitset

    /// Groups as read: offsets (one more than the groups) and members.
    init(offsets: [Int32] = [0], members: [Int32] = []) {
        self.offsets = offsets
        self.members = members
        replaced = Bitset(count: max(offsets.count - 1, 0), filled: false)
    }

    /// The members of group `group` (empty for a group nobody wrote).
    @inline(__always)
    subscript(group: Int32) -> ArraySlice<Int32> {
        let index = Int(group)
        if index < replaced.count {
            if !replaced.contains(index) { return members[Int(offsets[index])..<Int(offsets[index + 1])] }
        }
        return changed[group].map { $0[...] } ?? []
    }

    /// Replaces group `group`'s members.
    mutating func set(_ group: Int32, _ list: [Int32]) {
        if Int(group) < replaced.count { replaced.insert(Int(group)) }
        changed[group] = list
    }

    /// How many groups were replaced or added since the read.
    var changedCount: Int { changed.count }
}
