import CaseWorkflow
import Foundation
import GraphCore
import GraphQuery
import Hummingbird

/// The reads of the case workflow as one account may see them: cases, panels, MARTHR
/// meetings, the disruption register and the quarterly report. The JSON API and the pages
/// both call these, so that the two cannot disagree: a panel member sees only their
/// authorities' panels and the cases on their agendas, and a record they may not see
/// answers exactly as a missing one.
struct WorkflowReads: Sendable {
    let services: Services


    // MARK: - Cases

    /// The cases of an area (or all), open or closed or both. Audited as a consultation.
    func cases(area: String?, status: String?, for context: AppRequestContext) throws -> [CaseSummary] {
        _ = try context.requireSensitive(.readCases)
        if let status, status != "open", status != "closed" { throw ServerError(.badRequest, "status is open or closed") }
        return try services.workflow.listCases(area: area, status: status, by: services.viewer(context, purpose: "listing cases"))
    }

    /// A panel's cross-border and trends section, for those who run panels.
    func panelTrends(_ ref: String, for context: AppRequestContext) throws -> QueryAnswer {
        _ = try context.requireSensitive(.runPanels)
        return try services.workflow.panelTrends(panel: ref, engine: services.engine, by: services.viewer(context, purpose: "panel trends"))
    }

    /// The panel's main list of the open cases of `area` (or of every area the viewer covers).
    func mainList(area: String?, for context: AppRequestContext) throws -> [MainListEntry] {
        _ = try context.requireSensitive(.readCases)
        return try services.workflow.mainList(area: area, by: services.viewer(context, purpose: "the main list"))
    }

    /// Everything recorded on a case, as the workflow leaves it for the viewer.
    ///
    /// - Throws: ``ServerError/notFound`` for a missing case and for one outside the
    ///   viewer's need-to-know (another area's; for a panel member, a child on none of their
    ///   agendas), alike; the workflow audits which it was.
    func ceCase(_ ref: String, for context: AppRequestContext) throws -> CaseDetail {
        _ = try context.requireSensitive(.readCase)
        do {
            return try services.workflow.caseDetail(ref, asOf: .today, by: services.viewer(context, purpose: "viewing a case"))
        } catch is WorkflowError {
            throw ServerError.notFound
        }
    }

    /// What is due or overdue about one case under the timescales, most late first.
    func timescales(caseRef: String, child: String?, area: String?, for context: AppRequestContext) throws -> [TimescaleItem] {
        _ = try context.requireSensitive(.readCases)
        return try services.workflow.timescales(on: .today, area: area, includeDueSoon: true,
                                                by: services.viewer(context, purpose: "timescales of a case"))
            .filter { $0.ref == caseRef || ($0.child != nil && $0.child == child) }
    }

    // MARK: - MACCSE panels

    /// The panels a viewer may see (the workflow applies their scope and, for a panel
    /// member, their window). Holds no personal data.
    func panels(area: String?, for context: AppRequestContext) throws -> [PanelSummary] {
        _ = try context.require(.readPanels)
        return try services.workflow.listPanels(area: area, by: services.viewer(context, purpose: "listing panels"))
    }

    /// A panel's record: attendance, quoracy, agenda, decisions, minutes and actions, as the
    /// workflow leaves it for the viewer (a panel member: ``PanelView``).
    ///
    /// - Throws: ``ServerError/notFound`` for a missing panel and, for a panel member, a
    ///   panel of an authority they do not sit for, one cancelled or one held before the
    ///   window, alike; the workflow audits which it was.
    func panel(_ ref: String, for context: AppRequestContext) throws -> PanelDetail {
        _ = try context.requireSensitive(.readPanels)
        do {
            return try services.workflow.panel(ref, by: services.viewer(context, purpose: "viewing a panel"))
        } catch let error as WorkflowError where error.kind == .notFound {
            throw ServerError.notFound
        }
    }

    // MARK: - MARTHR

    /// The MARTHR meetings (no personal data).
    func marthrMeetings(for context: AppRequestContext) throws -> [JSONValue] {
        _ = try context.require(.readMarthr)
        return try services.workflow.listMarthr()
    }

    /// A MARTHR meeting: nominations with criteria, score and evidence, decisions and actions.
    ///
    /// - Throws: ``ServerError/notFound`` for a missing meeting.
    func marthr(_ ref: String, for context: AppRequestContext) throws -> JSONValue {
        _ = try context.requireSensitive(.readMarthr)
        do {
            return try services.workflow.marthrMeeting(ref, by: services.viewer(context, purpose: "viewing a MARTHR meeting"))
        } catch is WorkflowError {
            throw ServerError.notFound
        }
    }

    /// The disruption register as it stands today: the filter's page, with its counts.
    ///
    /// - Throws: ``ServerError`` 400 for an unknown `show`; the workflow's errors for a bad
    ///   page, subject, child or area (a record the viewer may not see answers as a missing one).
    func disruptions(_ request: Request, for context: AppRequestContext) throws -> DisruptionRegister {
        _ = try context.requireSensitive(.readMarthr)
        let show = request.query("show").flatMap { $0.isEmpty ? nil : $0 } ?? DisruptionFilter.Show.all.rawValue
        guard let chosen = DisruptionFilter.Show(rawValue: show) else {
            throw ServerError(.badRequest, "show is one of " + DisruptionFilter.Show.allCases.map(\.rawValue).joined(separator: ", "))
        }
        func given(_ name: String) -> String? { request.query(name).flatMap { $0.isEmpty ? nil : $0 } }
        let filter = DisruptionFilter(show: chosen, area: try request.area(services), subject: given("subject"), child: given("child"),
                                      page: try request.integer("page", default: 1, in: 1...100_000),
                                      pageSize: try request.integer("page_size", default: 50, in: 1...500))
        return try services.workflow.disruptionRegister(filter, asOf: .today, by: services.viewer(context, purpose: "the disruption register"))
    }

    /// One notice with its breaches and history.
    ///
    /// - Throws: ``ServerError/notFound`` for a missing notice and one the viewer may not
    ///   see, alike; the workflow audits which it was.
    func disruption(_ ref: String, for context: AppRequestContext) throws -> Disruption {
        _ = try context.requireSensitive(.readMarthr)
        do {
            return try services.workflow.disruption(ref, asOf: .today, by: services.viewer(context, purpose: "viewing a notice"))
        } catch let error as WorkflowError where error.kind == .notFound {
            throw ServerError.notFound
        }
    }

    /// The notices in force against an entity or protecting a child, for those who read the
    /// register (none for anyone else).
    func noticesInForce(about entity: String, for context: AppRequestContext) throws -> [Disruption] {
        guard let account = context.account, account.role.may(.readMarthr) else { return [] }
        return try services.workflow.noticesInForce(about: entity, asOf: .today,
                                                    by: services.viewer(context, purpose: "notices on an entity"))
    }

    // MARK: - The quarterly report

    /// The quarterly report of an authority (counts only). Audited as a consultation.
    ///
    /// - Throws: ``ServerError`` 400 when the area or quarter is missing.
    func quarterly(area: String?, quarter: String?, for context: AppRequestContext) throws -> QuarterlyReport {
        _ = try context.require(.readQuarterly)
        guard let area, !area.isEmpty, let quarter, !quarter.isEmpty else {
            throw ServerError(.badRequest, "give area (a local authority code) and quarter (YYYYQn)")
        }
        return try services.workflow.quarterlyReport(area: area, quarter: quarter, by: services.viewer(context, purpose: "quarterly report"))
    }

    /// One of the quarterly report's charts as SVG, by name (`referrals_by_agency`,
    /// `referrals_by_month`).
    ///
    /// - Throws: ``ServerError/notFound`` for another name.
    func chart(_ name: String, area: String?, quarter: String?, for context: AppRequestContext) throws -> String {
        _ = try context.require(.readQuarterly)
        guard WorkflowReads.charts.contains(where: { $0.name == name }) else { throw ServerError.notFound }
        let report = try quarterly(area: area, quarter: quarter, for: context)
        guard let svg = try report.charts().first(where: { $0.0 == name })?.1 else { throw ServerError.notFound }
        return svg
    }

    /// The charts the quarterly report draws (``QuarterlyReport/charts()``), by name, with
    /// their titles.
    static let charts: [(name: String, title: String)] = [
        ("referrals_by_agency", "Referrals by agency"), ("referrals_by_month", "Referrals by month, the year to the quarter's end"),
    ]
}
