import GraphCore

extension QueryFilter {
    /// The filter narrowed to what `access` may see: no handling-code-C report counts as
    /// support for a viewer who may not read it, so a link that rests only on such reports
    /// is not walked (never computed whole and redacted after).
    public func seen(by access: Access) -> QueryFilter {
        var filter = self
        filter.includeHandlingCodeC = includeHandlingCodeC && access.readsHandlingCodeC
        return filter
    }
}

extension Snapshot {
    /// Which entities a walk may reach for `access` (``Access/admits(kind:ref:area:force:)``),
    /// or nil when it may reach every one (the whole picture: no check on the hot path).
    public func admits(_ access: Access) -> ((Int32) -> Bool)? {
        guard access.children != nil || access.scope.areas != nil || !access.may(.readPicture) else { return nil }
        return { entity in
            let area = self.area(of: entity)
            return access.admits(kind: self.kind(entity), ref: self.ref(entity), area: area?.code,
                                 force: area.map { self.areas[$0.force].code })
        }
    }
}
