import GraphCore
import GraphStore

/// A referral as a coordinator records it.
public struct ReferralInput: Sendable {
    public var child: String
    /// The local authority whose front door received it (default: where the child lives on
    /// the day received: their placement's authority, else their home area).
    public var area: String?
    public var receivedOn: CalendarDate
    public var referrer: String
    public var agency: String
    public var concern: Concern
    public var outcome: ScreeningOutcome?
    public var screenedOn: CalendarDate?
    /// Immediate risk never waits for a panel: it is shown on every list until screened.
    public var immediateRisk: Bool
    public var note: String?

    public init(child: String, area: String? = nil, receivedOn: CalendarDate, referrer: String, agency: String,
                concern: Concern, outcome: ScreeningOutcome? = nil, screenedOn: CalendarDate? = nil,
                immediateRisk: Bool = false, note: String? = nil) {
        self.child = child
        self.area = area
        self.receivedOn = receivedOn
        self.referrer = referrer
        self.agency = agency
        self.concern = concern
        self.outcome = outcome
        self.screenedOn = screenedOn
        self.immediateRisk = immediateRisk
        self.note = note
    }
}

/// A referral as recorded, with what the workflow worked out about it.
public struct ReferralRecord: Sendable {
    public let ref: String
    public let child: String
    public let area: String
    public let receivedOn: CalendarDate
    /// The MACCSE case the child left within the repeat window, when this is a repeat referral.
    public let repeatOf: String?
    /// Child-first language warnings about the note.
    public let warnings: [LanguageWarning]

    /// Whether this is a repeat referral (seed 003: within 12 months of leaving MACCSE).
    public var isRepeat: Bool { repeatOf != nil }
}

extension Workflow {
    /// Records a referral and marks it as a repeat when the child left MACCSE within the
    /// partnership's repeat window (12 months by default) before it was received.
    ///
    /// - Throws: ``WorkflowError`` for an unknown child, area or agency, or a screening
    ///   date before the referral.
    @discardableResult
    public func recordReferral(_ input: ReferralInput, by viewer: Viewer) throws -> ReferralRecord {
        try transaction(by: viewer) { tx in
            let child = try requireEntity(input.child, kinds: [.child], field: "child", operation: "referral", by: viewer, in: tx)
            guard let area = try input.area ?? residingArea(child: child, on: input.receivedOn, in: tx) else {
                throw WorkflowError("referral", "the child has no home area or placement recorded, so say which front door received it",
                                    field: "area")
            }
            // The front door where the child lives, when it is not the viewer's: say so, rather
            // than answer as an unknown area they never typed.
            if input.area == nil, area != child.text("area"), try !covers(area, by: viewer, in: tx) {
                let name = try tx.row("common.area", ["code": .text(area)])?.text("name") ?? area
                throw WorkflowError("referral", "\(input.child) lives in \(name) (\(area)) on \(input.receivedOn), under a placement: the "
                                    + "referral goes to that front door", field: "area",
                                    hint: "ask \(name)'s front door to record it, or give the area that received it")
            }
            try requireArea(area, localAuthority: true, operation: "referral", by: viewer, in: tx)
            try requireAgency(input.agency, field: "agency", operation: "referral", in: tx)
            guard !input.referrer.trimmingWhitespace().isEmpty else {
                throw WorkflowError("referral", "say who made the referral", field: "referrer")
            }
            if (input.outcome == nil) != (input.screenedOn == nil) {
                throw WorkflowError("referral", "a screening outcome needs its date, and a date its outcome",
                                    field: input.outcome == nil ? "outcome" : "screened_on")
            }
            if let screened = input.screenedOn, screened < input.receivedOn {
                throw WorkflowError("referral", "screened on \(screened), before it was received on \(input.receivedOn)",
                                    field: "screened_on")
            }
            let settings = try settings(for: area, in: tx)
            var repeatOf: StoredRow?
            if let last = try tx.row("referral.last_closed_case", ["child": child["id"], "received": StoredValue(input.receivedOn)]),
               let closed = last.date("closed_on"), input.receivedOn <= closed.adding(months: settings.repeatReferralMonths) {
                repeatOf = last
            }
            let ref = try nextRef("REF", table: "referral", in: tx)
            try tx.execute("referral.insert", [
                "ref": .text(ref), "child": child["id"], "area": .text(area), "received": StoredValue(input.receivedOn),
                "referrer": .text(input.referrer), "agency": .text(input.agency), "concern": .text(input.concern.rawValue),
                "outcome": StoredValue(input.outcome?.rawValue), "screened": StoredValue(input.screenedOn),
                "immediate": StoredValue(input.immediateRisk), "repeat_of": repeatOf?["id"] ?? .null,
                "note": StoredValue(input.note),
            ])
            try tx.audit(.collection, by: viewer, records: .object([
                "workflow": "referral", "referral": .string(ref), "child": .string(child.string("ref")),
                "repeat_of": repeatOf.map { .string($0.string("ref")) } ?? .null,
            ]))
            return ReferralRecord(ref: ref, child: child.string("ref"), area: area, receivedOn: input.receivedOn,
                                  repeatOf: repeatOf?.text("ref"), warnings: languageWarnings(input.note))
        }
    }

    /// Records the front door's screening outcome for a referral.
    ///
    /// - Throws: ``WorkflowError`` for an unknown referral or a date before it was received.
    public func screenReferral(_ ref: String, outcome: ScreeningOutcome, on date: CalendarDate, by viewer: Viewer) throws {
        try transaction(by: viewer) { tx in
            let referral = try requireReferral(ref, by: viewer, in: tx)
            if let received = referral.date("received_on"), date < received {
                throw WorkflowError("screen", "screened on \(date), before it was received on \(received)", field: "on")
            }
            try tx.execute("referral.screen", ["id": referral["id"], "outcome": .text(outcome.rawValue), "screened": StoredValue(date)])
            try tx.audit(.alteration, by: viewer, records: .object([
                "workflow": "screen", "referral": .string(ref), "outcome": .string(outcome.rawValue),
            ]))
        }
    }

    func requireReferral(_ ref: String, by viewer: Viewer, in tx: StoreTransaction) throws -> StoredRow {
        let missing = WorkflowError("referral", "no referral \(ref)", field: "referral", hint: "list them with `cegraph case referrals`",
                                    kind: .notFound)
        let row = try tx.row("referral.by_ref", ["ref": .text(ref)])
        try requireCovered(row, "referral", ref, by: viewer, in: tx, else: missing)
        guard let row else { throw missing }
        return row
    }
}

extension Workflow {
    /// Referrals received in a period, in an area (or all). Audited as a consultation.
    public func listReferrals(area: String?, from: CalendarDate, to: CalendarDate, by viewer: Viewer) throws -> [JSONValue] {
        try transaction(by: viewer) { tx in
            try consult("referral.list", ["area": StoredValue(area), "from": StoredValue(from), "to": StoredValue(to)],
                        workflow: "referrals", key: "referrals", idColumn: "ref", by: viewer, in: tx)
                .map(WorkflowJSON.record)
        }
    }
}
