import Foundation
import GraphCore
import GraphStore

/// The case workflow over one store: every operation a coordinator, chair or panel member
/// performs, each one transaction with its audit row.
///
/// Dates are passed in (`on:`) rather than read from the clock, so that the rules can be
/// tested across weekends and bank holidays; the command line passes today.
public final class Workflow: Sendable {
    /// The store the workflow reads and writes.
    public let store: Store
    /// The risk frameworks partnerships choose from.
    public let frameworks: RiskFrameworkCatalog
    /// The child-first language checker applied to free text.
    public let language: LanguageChecker

    /// - Parameters:
    ///   - store: the store to work on.
    ///   - frameworks: the risk frameworks (default: the three shipped ones).
    ///   - language: the language checker (default: seed 003 Appendix B).
    public init(store: Store, frameworks: RiskFrameworkCatalog? = nil, language: LanguageChecker? = nil) throws {
        self.store = store
        self.frameworks = try frameworks ?? RiskFrameworkCatalog.standard()
        self.language = try language ?? LanguageChecker.standard()
    }

    // MARK: - Settings

    /// The settings in force for a local authority: its own, over the partnership default,
    /// over the protocols' defaults.
    public func settings(for area: String?) throws -> PartnershipSettings {
        try store.reading { try settings(for: area, in: $0) }
    }

    func settings(for area: String?, in tx: StoreTransaction) throws -> PartnershipSettings {
        var merged: [String: JSONValue] = [:]
        for row in try tx.rows("common.settings", ["scope": StoredValue(area ?? "default")]) {
            guard case .object(let fields)? = row.json("settings") else { continue }
            merged = Workflow.merge(merged, fields)
        }
        do {
            return try JSONDecoder().decode(PartnershipSettings.self, from: Data(JSONValue.object(merged).jsonText.utf8))
        } catch {
            throw WorkflowError("settings", "the stored settings for \(area ?? "default") cannot be read: \(error)",
                                hint: "correct them with `cegraph case settings --set`")
        }
    }

    /// Replaces the settings for a local authority (or `nil` for the partnership default)
    /// with those given, after checking them.
    ///
    /// - Parameters:
    ///   - changes: the fields to set, as JSON; fields left out keep their current value.
    ///   - area: a local authority code, or nil for the default.
    /// - Returns: the settings now in force for `area`.
    /// - Throws: ``WorkflowError`` when a field is unknown or a value is not allowed.
    @discardableResult
    public func updateSettings(_ changes: [String: JSONValue], for area: String?, by viewer: Viewer) throws -> PartnershipSettings {
        let known = Set(["framework", "agendaDaysBefore", "reviewWeeks", "longestReviewMonths", "policeFlagRetentionMonths",
                         "repeatReferralMonths", "quorum", "strategyMeetingWorkingDays", "assessmentWorkingDays",
                         "assessmentNeedsPolice", "minutesWorkingDays", "noticeReminderDays", "riskColours", "initialStrategyMeetingWorkingDays",
                         "repeatMissingDays", "returnInterviewHours", "notificationWorkingDays", "notificationHops",
                         "placementNotifiesResidingMash",
                         "dueSoonDays", "transitionsMonthsBefore18", "panelStartsAt", "caseSlotMinutes",
                         "longExploitationMonths", "extraClosures", "firstQuarterMonth", "partnerFreeText", "marthr"])
        if let unknown = changes.keys.sorted().first(where: { !known.contains($0) }) {
            throw WorkflowError("settings", "no setting named \(unknown)", field: unknown,
                                hint: "settings: " + known.sorted().joined(separator: ", "))
        }
        if area != nil, changes["partnerFreeText"] != nil {
            throw WorkflowError("settings", "what partners read of free text is chosen for the whole partnership: change the default settings",
                                field: "partnerFreeText")
        }
        if area != nil, changes["marthr"] != nil {
            throw WorkflowError("settings", "MARTHR's thresholds are the same for the whole partnership: change the default settings",
                                field: "marthr")
        }
        if area == nil, viewer.access.scope.areas != nil {
            throw WorkflowError("settings", "only an account covering the whole partnership changes its default settings; name your area",
                                field: "area")
        }
        return try transaction(by: viewer) { tx in
            if let area { _ = try requireArea(area, localAuthority: true, by: viewer, in: tx) }
            let scope = area ?? "default"
            var stored: [String: JSONValue] = [:]
            if let row = try tx.rows("common.settings", ["scope": .text(scope)]).first(where: { $0.string("scope") == scope }),
               case .object(let fields)? = row.json("settings") {
                stored = fields
            }
            stored = Workflow.merge(stored, changes)
            try tx.execute("common.save_settings", ["scope": .text(scope), "settings": StoredValue(json: .object(stored))])
            let result = try settings(for: area, in: tx)
            try result.validate()
            // MARTHR's answers depend on its thresholds: kept answers must not outlive them.
            if changes["marthr"] != nil { try tx.bumpDataVersion() }
            let partners = Set(try tx.rows("common.agencies").filter { $0.bool("partner") == true }.map { $0.string("code") })
            if let unknown = result.quorum.requiredAgencies.first(where: { !partners.contains($0) }) {
                throw WorkflowError("settings", "\(unknown) is not a partner agency", field: "quorum.requiredAgencies",
                                    hint: "one of " + partners.sorted().joined(separator: ", "))
            }
            try tx.audit(.alteration, by: viewer, records: .object([
                "workflow": "settings", "scope": .string(scope), "changed": .array(changes.keys.sorted().map { .string($0) }),
            ]))
            return result
        }
    }

    /// `over` laid on `base`, nested objects merged key by key (an area that sets only
    /// `quorum.minimumAgencies` keeps the partnership's `quorum.requiredAgencies`).
    static func merge(_ base: [String: JSONValue], _ over: [String: JSONValue]) -> [String: JSONValue] {
        var merged = base
        for (key, value) in over {
            if case .object(let inner)? = merged[key], case .object(let overInner) = value {
                merged[key] = .object(merge(inner, overInner))
            } else {
                merged[key] = value
            }
        }
        return merged
    }

    // MARK: - Shared lookups

    /// The calendar for an area's settings: bank holidays plus the partnership's closures.
    func calendar(_ settings: PartnershipSettings) throws -> WorkingCalendar {
        try WorkingCalendar.standard(extraClosures: Set(settings.extraClosures.compactMap { CalendarDate($0) }))
    }

    /// The entity `ref` names, which must be of one of `kinds` and one the viewer may see
    /// (``Access/admits(kind:ref:area:force:)``): one they may not answers as a missing one.
    func requireEntity(_ ref: String, kinds: Set<EntityKind>, field: String, operation: String,
                       by viewer: Viewer, in tx: StoreTransaction) throws -> StoredRow {
        let missing = WorkflowError(operation, "no record with id \(ref)", field: field,
                                    hint: "check the id with `cegraph search` or `cegraph show`", kind: .notFound)
        guard let id = try tx.entityRowid(for: ref), let row = try tx.row("common.entity", ["id": .integer(id)]) else {
            throw Unseen(what: "entity", ref: ref, found: false, error: missing)
        }
        let force = try force(of: row.text("area"), in: tx)
        guard viewer.access.admits(kind: EntityKind(rawValue: row.string("kind")), ref: row.string("ref"), area: row.text("area"), force: force) else {
            throw Unseen(what: "entity", ref: ref, found: true, error: missing)
        }
        guard let kind = EntityKind(rawValue: row.string("kind")), kinds.contains(kind) else {
            throw WorkflowError(operation, "\(ref) is a \(row.string("kind")), not a "
                                + kinds.map(\.rawValue).sorted().joined(separator: " or "), field: field)
        }
        return row
    }

    /// A location a write about a child names (where they were found, where they are
    /// placed): any location, inside the viewer's scope or not, since the child in their
    /// need-to-know was there. A record of another kind answers as ``requireEntity`` does:
    /// "not a location" to a viewer who may see it, missing to one who may not.
    func requirePlace(_ ref: String, field: String, operation: String, by viewer: Viewer, in tx: StoreTransaction) throws -> StoredRow {
        if let id = try tx.entityRowid(for: ref), let row = try tx.row("common.entity", ["id": .integer(id)]),
           row.string("kind") == EntityKind.location.rawValue {
            return row
        }
        return try requireEntity(ref, kinds: [.location], field: field, operation: operation, by: viewer, in: tx)
    }

    /// The area `code` names; with `localAuthority`, it must be a local authority.
    @discardableResult
    ///
    /// - Parameter viewer: who is asking, when the area decides what they may see or do: an
    ///   area outside their scope answers as an unknown one (``Unseen``).
    func requireArea(_ code: String, localAuthority: Bool, field: String = "area", operation: String = "settings",
                     by viewer: Viewer? = nil, in tx: StoreTransaction) throws -> StoredRow {
        let missing = WorkflowError(operation, "no area with code \(code)", field: field,
                                    hint: "areas are listed by `cegraph stats`; add one with an area record")
        let found = try tx.row("common.area", ["code": .text(code)])
        if let viewer {
            // The row's own code is the area; a local authority's scope check needs its force.
            try requireCovered(found.map { _ in StoredRow(["area": .text(code)]) }, "area", code, by: viewer, in: tx, else: missing)
        }
        guard let row = found else { throw missing }
        if localAuthority, row.string("area_type") != "local_authority" {
            throw WorkflowError(operation, "\(code) is a police force; MACCSE work belongs to a local authority", field: field)
        }
        return row
    }

    /// Checks an agency code against the agency list.
    func requireAgency(_ code: String, field: String, operation: String, in tx: StoreTransaction) throws {
        guard try tx.row("common.agency", ["code": .text(code)]) != nil else {
            let known = try tx.rows("common.agencies").map { $0.string("code") }
            throw WorkflowError(operation, "unknown agency \(code)", field: field, hint: "one of " + known.joined(separator: ", "))
        }
    }

    /// The next generated reference for `table`, e.g. `REF-000012`.
    func nextRef(_ prefix: String, table: String, in tx: StoreTransaction) throws -> String {
        let next = try tx.row("common.next_\(table)")?.integer("next") ?? 1
        let digits = String(next)
        return prefix + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Reads a list with a named statement and audits it as a consultation naming every
    /// record it shows: the shape every workflow list shares.
    ///
    /// - Parameters:
    ///   - workflow: the audit row's `workflow` value; `key` names its list of ids.
    ///   - idColumn: the column that identifies each record.
    ///   - extra: more audit fields (the area asked about, say).
    /// - Returns: the rows shown, for the caller to make its records of.
    func consult(_ statement: String, _ arguments: [String: StoredValue], workflow: String, key: String, idColumn: String,
                 extra: [String: JSONValue] = [:], by viewer: Viewer, in tx: StoreTransaction) throws -> [StoredRow] {
        // A viewer limited to some areas sees the rows of those areas only; a row without an
        // area is hidden from them (the rule is ``Access/coversWorkflow(area:force:)``).
        let rows = try covered(try tx.rows(statement, arguments), by: viewer, in: tx)
        var records = extra
        records["workflow"] = .string(workflow)
        records[key] = .array(rows.map { .string($0.string(idColumn)) })
        try tx.audit(.consultation, by: viewer, records: .object(records))
        return rows
    }

    /// Language warnings for free text, as short lines for the caller to show.
    func languageWarnings(_ text: String?) -> [LanguageWarning] {
        guard let text, !text.isEmpty else { return [] }
        return language.check(text)
    }
}
