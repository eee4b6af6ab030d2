import GraphCore

extension QueryFilter {
    /// The filter narrowed to what `access` may see:
    /// - no handling-code-C report counts as support for a viewer who may not read it, so a
    ///   link that rests only on such reports is not there;
    /// - for a viewer limited to part of the picture (a scope, a panel member's agendas),
    ///   only the entities they may see are there.
    ///
    /// Every query computes on the view this gives: never on the whole picture, redacted after.
    public func seen(by access: Access) -> QueryFilter {
        var filter = self
        filter.includeHandlingCodeC = includeHandlingCodeC && access.readsHandlingCodeC
        if access.scope.areas != nil || access.children != nil || access.role == nil { filter.visibleTo = access }
        return filter
    }
}
