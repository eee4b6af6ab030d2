import GraphCore
import GraphStore

extension Workflow {
    /// Builds the quarterly performance report for a local authority. Audited as a
    /// consultation (it reads every case of the quarter, though it shows only counts).
    ///
    /// - Parameters:
    ///   - quarter: `YYYYQn`; quarter 1 starts in the partnership's `firstQuarterMonth`.
    /// - Throws: ``WorkflowError`` for an unknown area or a malformed quarter.
    public func quarterlyReport(area: String, quarter text: String, by viewer: Viewer) throws -> QuarterlyReport {
        try transaction(by: viewer) { tx in
            let areaRow = try requireArea(area, localAuthority: true, operation: "report", by: viewer, in: tx)
            let settings = try settings(for: area, in: tx)
            let quarter = try Quarter(text, firstMonth: settings.firstQuarterMonth)
            let scope: [String: StoredValue] = [
                "area": .text(area), "from": StoredValue(quarter.first), "to": StoredValue(quarter.last),
                "year_from": StoredValue(quarter.last.adding(days: 1).adding(months: -12)),
            ]
            typealias Count = QuarterlyReport.Count
            func counts(_ rows: [StoredRow], _ label: String, _ value: String = "n") -> [Count] {
                rows.map { Count(label: $0.text(label) ?? "not recorded", value: Int($0.integer(value) ?? 0)) }
            }
            func tally(_ labels: [String]) -> [Count] {
                var totals: [String: Int] = [:]
                for label in labels { totals[label, default: 0] += 1 }
                return totals.map { Count(label: $0.key, value: $0.value) }.sorted { ($0.value, $1.label) > ($1.value, $0.label) }
            }
            var measures: [QuarterlyReport.Measure] = []

            let assessed = counts(try tx.rows("report.assessments", scope), "concern")
            measures.append(.init(number: 1, title: "CE assessments that proceeded to MACCSE (CSE, CCE, both)",
                                  counts: assessed + [Count(label: "total", value: assessed.reduce(0) { $0 + $1.value })], note: nil))

            // One row a child, not a case: a child who left and came back within the quarter
            // is one child. Their row is their latest case with an assessment, else their latest.
            let cohortCases = try tx.rows("report.cohort", scope)
            let cohort = Dictionary(grouping: cohortCases) { $0.string("child_ref") }.values.map { cases in
                cases.last { $0.text("risk") != nil } ?? cases.last!
            }.sorted { ($0.integer("id") ?? 0) < ($1.integer("id") ?? 0) }
            let riskLevels = cohort.map { $0.text("risk").flatMap(RiskLevel.init) }
            let being = riskLevels.filter { $0?.isAtRisk == true }.count
            measures.append(.init(number: 2, title: "Children in MACCSE (may be or being exploited)", counts: [
                Count(label: "children in MACCSE in the quarter", value: cohort.count),
                Count(label: "assessed as still at risk", value: being),
                Count(label: "not yet assessed", value: riskLevels.filter { $0 == nil }.count),
            ] + tally(cohort.map { "concern: " + $0.string("concern") }), note: nil))

            measures.append(.init(number: 3, title: "Emerging themes (answers in the quarter's assessments)",
                                  counts: Array(try themes(tx.rows("report.themes", scope)).prefix(12)),
                                  note: "The contexts and indicators most often recorded; read with the minutes."))

            var demographics: [String] = []
            for child in cohort {
                if let born = child.date("dob") {
                    let age = born.wholeYears(until: quarter.last)
                    demographics.append("age " + (age < 10 ? "under 10" : age < 13 ? "10-12" : age < 16 ? "13-15" : age < 18 ? "16-17" : "18 or over by quarter end"))
                } else {
                    demographics.append("age not recorded")
                }
                demographics.append("gender " + (child.text("gender") ?? "not recorded"))
                demographics.append("ethnicity " + (child.text("ethnicity") ?? "not recorded"))
                // JSON true and false come back from SQLite as 1 and 0.
                let sen: String = switch child["sen"] {
                case .integer(let flag): flag != 0 ? "yes" : "no"
                case .text(let text): text == "true" || text == "yes" ? "yes" : "no"
                default: "not recorded"
                }
                demographics.append("SEN " + sen)
            }
            measures.append(.init(number: 4, title: "MACCSE cohort demographics (age at quarter end, gender, ethnicity, SEN)",
                                  counts: tally(demographics).sorted { $0.label < $1.label }, note: nil))

            let closures = try tx.rows("report.closures", scope)
            func closed(_ reasons: Set<String>, withRisk: Bool) -> [Count] {
                let rows = closures.filter { reasons.contains($0.string("closure")) }
                let total = rows.reduce(0) { $0 + Int($1.integer("n") ?? 0) }
                guard withRisk else { return [Count(label: "closed", value: total)] }
                return [Count(label: "closed", value: total)]
                    + rows.map { Count(label: "risk at closure: " + ($0.text("closing_risk") ?? "not recorded"), value: Int($0.integer("n") ?? 0)) }
            }
            measures.append(.init(number: 5, title: "Closed as risk reduced", counts: closed(["risk_reduced"], withRisk: false), note: nil))
            measures.append(.init(number: 6, title: "Closed on reaching 18, with risk level", counts: closed(["reached_18"], withRisk: true), note: nil))
            measures.append(.init(number: 7, title: "Closed as agencies could not engage, or no consent",
                                  counts: closed(["unable_to_engage"], withRisk: false).map { Count(label: "agencies could not engage", value: $0.value) }
                                      + closed(["no_consent"], withRisk: false).map { Count(label: "no consent", value: $0.value) }, note: nil))
            let repeatRow = try tx.row("report.repeats", scope)
            let repeats = repeatRow?.integer("n") ?? 0, elsewhere = repeatRow?.integer("elsewhere") ?? 0
            measures.append(.init(number: 8, title: "Re-referrals back into MACCSE within \(settings.repeatReferralMonths) months of leaving it",
                                  counts: [Count(label: "re-referrals", value: Int(repeats))],
                                  note: elsewhere == 0 ? nil
                                      : "not counted: \(elsewhere) repeat referral(s) that did not come back into MACCSE (screened out at the front door, or not yet screened)"))
            let longCutoff = quarter.last.adding(months: -settings.longExploitationMonths)
            let long = cohort.filter { row in
                guard let opened = row.date("opened_on"), opened <= longCutoff else { return false }
                let stillOpen = row.date("closed_on").map { $0 > quarter.last } ?? true
                // Only children assessed as at risk: a case never assessed is not counted.
                return stillOpen && (row.text("risk").flatMap(RiskLevel.init)?.isAtRisk ?? false)
            }
            measures.append(.init(number: 9, title: "Children assessed as exploited for over \(settings.longExploitationMonths) months",
                                  counts: [Count(label: "children", value: long.count)],
                                  note: long.isEmpty ? nil : "Cases: " + long.map { $0.string("ref") }.joined(separator: ", ")))
            let nrm = try tx.row("report.nrm", scope)
            measures.append(.init(number: 10, title: "NRMs submitted, and completed in a multi-agency forum", counts: [
                Count(label: "submitted", value: Int(nrm?.integer("submitted") ?? 0)),
                Count(label: "decided in a multi-agency forum", value: Int(nrm?.integer("multi_agency") ?? 0)),
            ], note: nil))

            let byAgency = counts(try tx.rows("report.referrals_by_agency", scope), "agency")
            measures.append(.init(number: 0, title: "Referrals by agency", counts: byAgency, note: nil))
            var byMonth: [Count] = []
            let monthly = Dictionary(uniqueKeysWithValues: try tx.rows("report.referrals_by_month", scope)
                .map { ($0.string("month"), Int($0.integer("n") ?? 0)) })
            var month = quarter.last.adding(days: 1).adding(months: -12)
            for _ in 0..<12 {
                let key = String(month.description.prefix(7))
                byMonth.append(Count(label: key, value: monthly[key] ?? 0))
                month = month.adding(months: 1)
            }
            measures.append(.init(number: 0, title: "Seasons: referrals by month, year to quarter end", counts: byMonth, note: nil))
            measures.append(.init(number: 0, title: "Places of concern: locations linked to children on MACCSE",
                                  counts: try tx.rows("report.places", scope).map {
                                      Count(label: "\($0.string("label")) (\($0.string("ref")), \($0.text("location_type") ?? "location"))",
                                            value: Int($0.integer("children") ?? 0))
                                  }, note: "Counted by children linked through frequents, found at or taken to."))
            // Seeds 002/003: missing is a first-order risk; the partnership reports it.
            let missing = try tx.rows("report.missing", scope)
            let inCohort = Set(cohort.map { $0.string("child_ref") })
            let perChild = Dictionary(grouping: missing) { $0.string("child_ref") }
            let found = missing.filter { $0.text("found_on") != nil }
            measures.append(.init(number: 0, title: "Missing episodes reported in the quarter", counts: [
                Count(label: "episodes", value: missing.count),
                Count(label: "children reported missing", value: perChild.count),
                Count(label: "of them children in MACCSE", value: perChild.keys.filter(inCohort.contains).count),
                Count(label: "children missing more than once", value: perChild.values.filter { $0.count > 1 }.count),
                Count(label: "found in another authority or force", value: found.filter {
                    $0.text("found_area").map { $0 != area } ?? false
                }.count),
                Count(label: "found outside the force", value: found.filter {
                    $0.text("found_force") != nil && $0.text("found_force") != $0.text("home_force")
                }.count),
                Count(label: "return home interviews done", value: found.filter { $0.text("interview") == "done" }.count),
                Count(label: "return home interviews declined", value: found.filter { $0.text("interview") == "declined" }.count),
                Count(label: "return home interviews not done", value: found.filter { $0.text("interview") == nil || $0.text("interview") == "offered" }.count),
            ], note: "Children of the authority, by the day they were reported missing."))
            try tx.audit(.consultation, by: viewer, records: .object([
                "workflow": "quarterly_report", "area": .string(area), "quarter": .string(quarter.description),
                "cases": .number(String(cohortCases.count)),
            ]))
            return QuarterlyReport(area: area, areaName: areaRow.string("name"), quarter: quarter, measures: measures,
                                   referralsByAgency: byAgency, referralsByMonth: byMonth)
        }
    }

    /// Counts of every checklist and choice answer across assessments, labelled from their
    /// frameworks, most frequent first.
    func themes(_ rows: [StoredRow]) throws -> [QuarterlyReport.Count] {
        var totals: [String: Int] = [:]
        for row in rows {
            guard case .object(let answers)? = row.json("answers"),
                  let framework = try? frameworks.framework(code: row.string("framework")) else { continue }
            for (code, answer) in answers {
                guard let field = framework.field(code), field.type == .checklist || field.type == .choice || field.type == .regions else { continue }
                let chosen: [String] = answer.arrayValue?.compactMap(\.stringValue) ?? answer.stringValue.map { [$0] } ?? []
                for option in chosen {
                    totals["\(field.label): \(field.option(option)?.label ?? option)", default: 0] += 1
                }
            }
        }
        return totals.map { QuarterlyReport.Count(label: $0.key, value: $0.value) }.sorted { ($0.value, $1.label) > ($1.value, $0.label) }
    }
}
