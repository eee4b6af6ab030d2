import GraphCore

extension IntelReport {
    /// The report as `access` may see it, or nil when they may not see it at all, which
    /// the caller answers as missing.
    ///
    /// - Not a report of a handling code they may not see (``Access/maySee(handling:)``).
    /// - For a viewer limited to part of the picture (a scope, a panel member's agendas,
    ///   or any partner), only a report about, or supporting a link of, an entity they may
    ///   open; and within it, only the entities and links they may see
    ///   (``Access/admits(kind:ref:area:force:)``).
    /// - Free text as ``Access/freeText`` says (``EntityDetail/seen(by:names:)``).
    /// - No earlier version of handling code C for a viewer who may not see one; for a
    ///   partner no earlier version at all (`history_withheld` counts them): an old
    ///   version's text and `about` may name anyone, and cannot be pseudonymised field by
    ///   field reliably.
    public func seen(by access: Access, names: Pseudonymiser? = nil) -> IntelReport? {
        guard access.may(.readPicture), access.maySee(handling: grading.handling) else { return nil }
        func opens(_ entity: Entity) -> Bool { access.mayOpen(kind: entity.kind, ref: entity.id, area: entity.area, force: entity.force) }
        func admits(_ entity: Entity) -> Bool { access.admits(kind: entity.kind, ref: entity.id, area: entity.area, force: entity.force) }
        let limited = access.children != nil || access.scope.areas != nil || access.freeText != .whole
        if limited, !about.contains(where: opens), !links.contains(where: { opens($0.from) || opens($0.to) }) { return nil }
        var report = self
        var text = FreeTextFilter(access.freeText, names: names)
        report.textWithheld = self.text != nil && text.policy == .withheld
        report.text = text.apply(self.text)
        report.handlingConditions = text.apply(handlingConditions)
        if access.freeText != .whole { report.submittedBy = nil }
        report.about = about.filter(admits)
        report.links = links.filter { admits($0.from) && admits($0.to) }.map { link in
            var link = link
            link.note = text.apply(link.note)
            return link
        }
        let history = history.filter {
            access.maySee(handling: Grading.HandlingCode(rawValue: $0.fields["handling_code"]?.stringValue ?? ""))
        }
        if access.freeText == .whole {
            report.history = history
        } else {
            report.history = []
            report.historyWithheld = history.count
        }
        return report
    }
}
