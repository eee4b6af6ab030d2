import GraphCore

extension StoreTransaction {
    /// The entity `ref` names as `viewer` may see it (``EntityDetail/seen(by:names:)``), or
    /// nil when it is missing or they may not open it (``Access/mayOpen(kind:ref:area:force:)``,
    /// the entity page's rule); either way the refusal is audited here (refused, or not
    /// found, for a viewer who does not see the whole picture), and the two cost the same
    /// lookup. The caller audits a record it shows, in this transaction.
    ///
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func entityDetail(_ ref: String, for viewer: Viewer) throws -> EntityDetail? {
        guard try Store.mayOpen(db, sealer, ref, asked: "entity", by: viewer) else { return nil }
        return try Store.entityDetail(db, ref: ref)?.seen(by: viewer.access, names: Store.names(db, for: viewer.access))
    }
}
