import GraphCore
import GraphStore

/// The flags cegraph records (seed 003: CE flags on children, perpetrators and locations).
public enum FlagKind: String, Sendable, CaseIterable, Codable {
    case cse, cce, ce
    case locationOfConcern = "location_of_concern"
    case adultOfConcern = "adult_of_concern"
    case vehicleOfConcern = "vehicle_of_concern"
}

extension Workflow {
    /// Sets a flag outside a panel (a CCSET coordinator flagging an adult, a location or a
    /// vehicle). Children's flags are set through panel decisions.
    ///
    /// - Throws: ``WorkflowError`` for a child (use a panel decision), an unknown flag or
    ///   agency, or a flag of the same kind and owner already present.
    @discardableResult
    public func setFlag(on ref: String, _ change: FlagChange, on date: CalendarDate, review: CalendarDate?,
                        by viewer: Viewer) throws -> String {
        try transaction(by: viewer) { tx in
            let entity = try requireEntity(ref, kinds: [.adult, .location, .vehicle], field: "entity", operation: "flag", by: viewer, in: tx)
            let settings = try settings(for: entity.text("area"), in: tx)
            let effect = try setFlag(entity: entity["id"], change, on: date, decision: nil,
                                     review: review ?? date.adding(weeks: settings.reviewWeeks), in: tx)
            try tx.audit(.alteration, by: viewer, records: .object([
                "workflow": "set_flag", "entity": .string(ref), "flag": .string(change.flag), "owner": .string(change.owner),
            ]))
            return effect
        }
    }

    /// Removes the flags on an adult, location or vehicle, or on a child with no open MACCSE
    /// case (a child's flags on an open case are removed through panel decisions; after a
    /// case closes because agencies could not engage, the flags' owners decide). A police
    /// flag stays for the retention period after removal.
    @discardableResult
    public func removeFlags(on ref: String, on date: CalendarDate, by viewer: Viewer) throws -> [String] {
        try transaction(by: viewer) { tx in
            let entity = try requireEntity(ref, kinds: [.adult, .location, .vehicle, .child], field: "entity", operation: "unflag", by: viewer, in: tx)
            if entity.string("kind") == "child", let open = try tx.row("case.open_for_child", ["child": entity["id"]]) {
                throw WorkflowError("unflag", "\(ref) is on MACCSE (case \(open.string("ref"))): the panel removes the child's flags",
                                    field: "entity", hint: "record a panel decision with `cegraph panel decide`", kind: .conflict)
            }
            let settings = try settings(for: entity.text("area"), in: tx)
            let effects = try removeFlags(entity: entity["id"], on: date, decision: nil, keepPoliceUntil: nil,
                                          settings: settings, in: tx)
            try tx.audit(.alteration, by: viewer, records: .object(["workflow": "remove_flags", "entity": .string(ref)]))
            return effects
        }
    }

    /// The flags on a record, each with whether it is present on `date`.
    public func flags(on ref: String, asOf date: CalendarDate, by viewer: Viewer) throws -> [JSONValue] {
        try transaction(by: viewer) { tx in
            let entity = try requireEntity(ref, kinds: [.child, .adult, .location, .vehicle], field: "entity", operation: "flags", by: viewer, in: tx)
            let rows = try tx.rows("flag.for_entity", ["entity": entity["id"], "on": StoredValue(date)])
            try tx.audit(.consultation, by: viewer, records: .object(["workflow": "flags", "entity": .string(ref)]))
            return rows.map { .object(WorkflowJSON.object($0, dropping: ["id"])) }
        }
    }

    func setFlag(entity: StoredValue, _ change: FlagChange, on date: CalendarDate, decision: Int64?, review: CalendarDate,
                 in tx: StoreTransaction) throws -> String {
        let kind = try FlagKind.parse(change.flag, field: "flag", operation: "flag")
        let entityKind = try tx.row("common.entity", ["id": entity])?.text("kind") ?? ""
        let allowed: Set<FlagKind> = switch entityKind {
        case "location": [.locationOfConcern]
        case "vehicle": [.vehicleOfConcern]
        case "adult": [.cse, .cce, .ce, .adultOfConcern]
        default: [.cse, .cce, .ce]
        }
        guard allowed.contains(kind) else {
            throw WorkflowError("flag", "a \(entityKind) cannot carry a \(kind.rawValue) flag", field: "flag",
                                hint: "one of " + allowed.map(\.rawValue).sorted().joined(separator: ", "))
        }
        try requireAgency(change.owner, field: "owner", operation: "flag", in: tx)
        if try tx.rows("flag.active_for_entity", ["entity": entity])
            .contains(where: { $0.string("flag") == kind.rawValue && $0.string("owner_agency") == change.owner }) {
            throw WorkflowError("flag", "a \(kind.rawValue) flag owned by \(change.owner) is already set", field: "flag", kind: .conflict)
        }
        try tx.execute("flag.insert", ["entity": entity, "flag": .text(kind.rawValue), "owner": .text(change.owner),
                                       "set_on": StoredValue(date), "decision": StoredValue(decision), "review": StoredValue(review)])
        // Flags mark adults and places of concern for MARTHR (the query snapshot reads them).
        try tx.bumpDataVersion()
        return "\(kind.rawValue) flag set (\(change.owner)), review \(review)"
    }

    /// Removes every active flag on an entity. Police flags stay on police systems until
    /// `keepPoliceUntil` or the retention period after removal, whichever is later.
    func removeFlags(entity: StoredValue, on date: CalendarDate, decision: Int64?, keepPoliceUntil: CalendarDate?,
                     settings: PartnershipSettings, in tx: StoreTransaction) throws -> [String] {
        var effects: [String] = []
        for flag in try tx.rows("flag.active_for_entity", ["entity": entity]) {
            let owner = flag.string("owner_agency")
            var expires: CalendarDate?
            if owner == "police" {
                let retained = date.adding(months: settings.policeFlagRetentionMonths)
                expires = max(retained, keepPoliceUntil ?? retained)
            }
            try tx.execute("flag.remove", ["id": flag["id"], "removed": StoredValue(date), "decision": StoredValue(decision),
                                           "expires": StoredValue(expires)])
            try tx.bumpDataVersion()
            effects.append("\(flag.string("flag")) flag (\(owner)) removed" + (expires.map { ", kept on police systems until \($0)" } ?? ""))
        }
        return effects
    }
}
