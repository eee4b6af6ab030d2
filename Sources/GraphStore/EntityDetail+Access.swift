import GraphCore

extension EntityDetail {
    /// The detail as `access` may see it, or nil when they may not open the entity at all
    /// (``Access/mayOpen(kind:ref:area:force:)``), which the caller answers as missing.
    ///
    /// - No report the viewer may not see (``Access/maySee(handling:)``), in `about` or on a
    ///   link; a link whose every report is hidden goes with them.
    /// - No link to an entity the viewer may not see (``Access/admits(kind:ref:area:force:)``).
    /// - For a viewer who may not read handling-code-C material (not police), no free text:
    ///   report text, handling conditions, who submitted it, link notes. Text written by the
    ///   police may name anyone; until the partnership chooses to share it, with names
    ///   outside the viewer's need-to-know replaced, it stays with the police.
    public func seen(by access: Access) -> EntityDetail? {
        guard access.mayOpen(kind: kind, ref: id, area: area?.code, force: force) else { return nil }
        var detail = self
        let police = access.readsHandlingCodeC
        func shown(_ intel: [Intelligence]) -> [Intelligence] {
            intel.filter { access.maySee(handling: $0.handling) }.map { police ? $0 : $0.withoutFreeText }
        }
        detail.about = shown(about)
        detail.links = links.compactMap { link in
            guard access.admits(kind: link.other.kind, ref: link.other.id, area: link.other.area, force: link.other.force) else { return nil }
            var kept = link
            kept.intel = shown(link.intel)
            if !link.intel.isEmpty, kept.intel.isEmpty { return nil }
            if !police { kept.note = nil }
            return kept
        }
        return detail
    }
}

extension EntityDetail.Intelligence {
    /// The report without its free text and who wrote it.
    var withoutFreeText: EntityDetail.Intelligence {
        EntityDetail.Intelligence(id: id, date: date, grading: grading, handlingConditions: nil, agency: agency, submittedBy: nil,
                                  text: nil, legacyGrading: legacyGrading, handling: handling)
    }
}
