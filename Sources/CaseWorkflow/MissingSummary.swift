import GraphCore
import GraphStore

/// A child's missing episodes in counts, for the assessment questions that ask about them
/// (``AssessmentForm/missing``): how many, how many in the last 12 months, the last, where
/// the child was found, and return home interviews not done.
public struct MissingSummary: Sendable, Equatable {
    public let total: Int
    public let inLastYear: Int
    public let lastReportedOn: String?
    public let stillMissing: Bool
    /// Places found at, "label (area)", most recent first, each once.
    public let foundAt: [String]
    public let interviewsNotDone: Int

    /// Rows of `missing.summary_for_child`, newest first; the year is the 12 months to `on`.
    /// `named` says whether the reader may see a place by name (else it is "a place in …").
    init(_ rows: [StoredRow], on date: CalendarDate, named: (StoredRow) throws -> Bool) rethrows {
        let since = date.adding(months: -12)
        total = rows.count
        inLastYear = rows.filter { ($0.date("reported_on") ?? since) > since }.count
        lastReportedOn = rows.first?.text("reported_on")
        stillMissing = rows.contains { $0.text("found_on") == nil }
        var places: [String] = []
        for row in rows {
            guard let label = row.text("found_at_label") else { continue }
            let area = row.text("found_at_area_name")
            let place = try named(row) ? label + (area.map { label.contains($0) ? "" : " (\($0))" } ?? "")
                : "a place in " + (area ?? "another area")
            if !places.contains(place) { places.append(place) }
        }
        foundAt = places
        interviewsNotDone = rows.filter { $0.text("found_on") != nil && ($0.text("interview") == nil || $0.text("interview") == "offered") }.count
    }

    /// The summary in a sentence: "Reported missing 2 times (2 in the last 12 months; the
    /// last on 2026-11-17); found at Party house 0 (Wirral); 1 return home interview not done."
    public var words: String {
        guard total > 0 else { return "No missing episode recorded." }
        var text = "Reported missing \(total) time\(total == 1 ? "" : "s") (\(inLastYear) in the last 12 months; the last on \(lastReportedOn ?? "?"))"
        if stillMissing { text += "; missing now" }
        if !foundAt.isEmpty { text += "; found at " + foundAt.joined(separator: ", ") }
        if interviewsNotDone > 0 { text += "; \(interviewsNotDone) return home interview\(interviewsNotDone == 1 ? "" : "s") not done" }
        return text + "."
    }
}
