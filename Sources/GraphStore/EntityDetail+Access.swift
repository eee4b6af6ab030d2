import GraphCore

extension EntityDetail {
    /// The detail as `access` may see it, or nil when they may not open the entity at all
    /// (``Access/mayOpen(kind:ref:area:force:)``), which the caller answers as missing.
    ///
    /// - No report the viewer may not see (``Access/maySee(handling:)``), in `about` or on a
    ///   link; a link whose every report is hidden goes with them.
    /// - No link to an entity the viewer may not see (``Access/admits(kind:ref:area:force:)``).
    /// - Free text (report text, handling conditions, link notes) and who submitted a
    ///   report as ``Access/freeText`` says: whole for police roles; for partners withheld,
    ///   or with the children outside their need-to-know pseudonymised (`names`).
    ///
    /// - Parameter names: the pseudonymiser for the viewer, when their free text is
    ///   pseudonymised.
    public func seen(by access: Access, names: Pseudonymiser? = nil) -> EntityDetail? {
        guard access.mayOpen(kind: kind, ref: id, area: area?.code, force: force) else { return nil }
        var detail = self
        var text = FreeTextFilter(access.freeText, names: names)
        func shown(_ intel: [Intelligence]) -> [Intelligence] {
            intel.filter { access.maySee(handling: $0.handling) }.map { report in
                var report = report
                report.textWithheld = report.text != nil && text.policy == .withheld
                report.text = text.apply(report.text)
                report.handlingConditions = text.apply(report.handlingConditions)
                if text.policy != .whole { report.submittedBy = nil }
                return report
            }
        }
        detail.about = shown(about)
        detail.links = links.compactMap { link in
            guard access.admits(kind: link.other.kind, ref: link.other.id, area: link.other.area, force: link.other.force) else { return nil }
            var kept = link
            kept.intel = shown(link.intel)
            if !link.intel.isEmpty, kept.intel.isEmpty { return nil }
            kept.note = text.apply(link.note)
            return kept
        }
        return detail
    }
}

/// Free text of one record as a viewer gets it (``Access/freeText``).
struct FreeTextFilter {
    let policy: Access.FreeText
    let names: Pseudonymiser?
    /// The record's pseudonyms so far.
    private var numbers: [String: Int] = [:]

    init(_ policy: Access.FreeText, names: Pseudonymiser?) {
        // Pseudonymised without the names to replace would show them: withheld instead.
        self.policy = policy == .pseudonymised && names == nil ? .withheld : policy
        self.names = names
    }

    mutating func apply(_ text: String?) -> String? {
        guard let text else { return nil }
        switch policy {
        case .whole: return text
        case .withheld: return nil
        case .pseudonymised: return names?.apply(text, numbers: &numbers)
        }
    }
}
