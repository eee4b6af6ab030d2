import GraphCore
import GraphStore

extension GraphReads {
    /// The report `id` as the viewer may see it, as JSON: its fields, the entities it is
    /// about, the links it supports and its earlier versions. The read is audited.
    ///
    /// Police roles see every report. Any other reader sees a report only if it is not
    /// handling code C and, for a panel member, only if it rests on a child on one of their
    /// agendas (it is about the child, or supports a link of theirs); they see no earlier
    /// version that was code C, and a panel member no other child and no earlier version
    /// (only how many there are: an old version may name a child off their agendas).
    ///
    /// - Throws: ``ServerError/notFound`` for a missing report and for one the viewer may
    ///   not see, alike.
    func intel(_ id: String, for context: AppRequestContext) throws -> JSONValue {
        let account = try context.requireSensitive(.readPicture)
        let children = try services.visibility.panelChildren(for: account)
        let viewer = try services.viewer(context, purpose: "viewing an intelligence report")
        return try services.store.transaction { tx -> JSONValue in
            guard let report = try tx.intelReport(id), GraphReads.maySee(report, police: account.role.isPolice, children: children) else {
                throw ServerError.notFound
            }
            try tx.audit(.consultation, by: viewer, records: .object([
                "intel": .string(report.id), "versions": .number(String(report.history.count)),
            ]))
            return GraphReads.redacted(report, police: account.role.isPolice, children: children)
        }
    }

    /// Whether a viewer may see the report at all.
    ///
    /// - Parameters:
    ///   - children: a panel member's agenda children, nil for other roles.
    static func maySee(_ report: IntelReport, police: Bool, children: [String: Int64]?) -> Bool {
        if police { return true }
        guard report.grading.handling != .c else { return false }
        guard let children else { return true }
        return report.about.contains { children[$0.id] != nil }
            || report.links.contains { children[$0.from.id] != nil || children[$0.to.id] != nil }
    }

    /// The report's JSON without what a non-police viewer may not see: earlier code-C
    /// versions, and, for a panel member, children off their agendas, links to them and
    /// every earlier version (`history` is empty and `history_withheld` counts them).
    static func redacted(_ report: IntelReport, police: Bool, children: [String: Int64]?) -> JSONValue {
        guard !police, case .object(var object) = report.json else { return report.json }
        func shown(_ entity: JSONValue?) -> Bool {
            guard let children, entity?.objectValue?["kind"]?.stringValue == EntityKind.child.rawValue else { return true }
            return children[entity?.objectValue?["id"]?.stringValue ?? ""] != nil
        }
        object["about"] = .array((object["about"]?.arrayValue ?? []).filter { shown($0) })
        object["links"] = .array((object["links"]?.arrayValue ?? []).filter { shown($0.objectValue?["from"]) && shown($0.objectValue?["to"]) })
        let history = (object["history"]?.arrayValue ?? []).filter {
            $0.objectValue?["fields"]?.objectValue?["handling_code"]?.stringValue != Grading.HandlingCode.c.rawValue
        }
        if children != nil {
            // An earlier version's `about` and text may name a child who is not on the
            // member's agendas, and neither can be redacted reliably, so none is shown.
            object["history"] = .array([])
            object["history_withheld"] = .number(String(history.count))
        } else {
            object["history"] = .array(history)
        }
        return .object(object)
    }
}
