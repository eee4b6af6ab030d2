import GraphCore

/// The codes the workflow stores (`section_47`, `merseyside:4`, `reached_18`), in the words
/// a page shows them, so that a reader needs neither the CLI nor the docs to follow them.
enum CodeWords {
    /// A risk level in words with its place in its framework's order, the code after it:
    /// `Merseyside scaling 4 of 10 (1 is the most risk, 10 no longer at risk) · merseyside:4`.
    static func risk(_ code: String) -> String {
        RiskLevel(code).map { "\($0.words) · \(code)" } ?? code
    }

    /// Screening outcomes of a referral.
    static let screening: [String: String] = [
        "section_47": "section 47 enquiry (child protection)", "section_17": "section 17 (child in need)",
        "early_help": "early help", "no_further_action": "no further action", "signposting": "signposted to other services",
    ]

    /// Panel decisions.
    static let decisions: [String: String] = [
        "review": "keep on MACCSE and review", "remove": "remove from MACCSE",
        "remove_keep_police_flag": "remove from MACCSE, keeping the police flag",
        "closed_unable_to_engage": "closed: agencies could not engage", "escalate": "escalate", "signpost": "signpost to prevention services",
    ]

    /// Why a case closed.
    static let closures: [String: String] = [
        "risk_reduced": "risk reduced", "reached_18": "the child reached 18", "unable_to_engage": "agencies could not engage",
        "no_consent": "no consent", "signposted": "signposted", "moved_area": "moved to another area", "other": "other",
    ]

    /// Concerns of a referral or an assessment.
    static let concerns: [String: String] = [
        "cce": "criminal exploitation", "cse": "sexual exploitation", "both": "criminal and sexual exploitation",
    ]

    /// Where a child lives (FORMAT.md, `living`).
    static let living: [String: String] = [
        "home": "at home", "family": "with family", "foster": "in foster care", "childrens_home": "in a children's home",
        "semi_independent": "in semi-independent accommodation", "temporary": "in temporary accommodation",
    ]

    /// A child's legal status (FORMAT.md, `legal_status`).
    static let legalStatus: [String: String] = [
        "early_help": "early help", "cin": "child in need", "cp": "child protection plan", "lac": "looked after child",
    ]

    /// The partner agencies (the `agency` table of schema 0004 and 0013; a test checks the
    /// two agree), for the places an agency is named by a code without the store at hand.
    static let agencies: [String: String] = [
        "police": "Police", "childrens_services": "Children's social care", "health": "Health", "education": "Education",
        "youth_justice": "Youth justice", "probation": "Probation", "voluntary": "Voluntary sector", "housing": "Housing",
        "licensing": "Licensing", "community_safety": "Community safety", "family": "Family or carer", "other": "Other",
        "adult_services": "Adult social care",
    ]

    /// An agency in words: a known code's name, else the text as written (an
    /// intelligence report's agency is free text: "Merseyside Police").
    static func agency(_ text: String) -> String {
        // An assessment's report names every agency at it: `childrens_services, police`.
        if text.contains(",") { return text.split(separator: ",").map { agency(String($0)) }.joined(separator: ", ") }
        return agencies[text.trimmingWhitespace().lowercased()] ?? text.trimmingWhitespace()
    }

    /// A label that may be a code of any of the tables here (a report's count by outcome,
    /// concern, decision, closure or agency): its words, else the label as it is.
    static func label(_ text: String) -> String {
        for table in [screening, decisions, closures, concerns, agencies, living, legalStatus] {
            if let words = table[text] { return words }
        }
        // A count labelled by a field and its code: `concern: cce`, `ethnicity white_british`.
        for (prefix, field) in [("concern: ", "concern"), ("ethnicity ", "ethnicity"), ("gender ", "gender")] where text.hasPrefix(prefix) {
            return prefix + words(field: field, String(text.dropFirst(prefix.count)))
        }
        return text
    }

    /// The fields whose values are codes, and their words.
    private static let byField: [String: [String: String]] = [
        "outcome": screening, "decision": decisions, "last_decision": decisions, "closure": closures, "concern": concerns,
        "exploitation": concerns, "living": living, "legal_status": legalStatus,
    ]

    /// Fields whose values are codes written with underscores (`white_british`).
    private static let spacedFields: Set<String> = ["stage", "ethnicity", "gender"]

    /// The fields holding a risk level.
    private static let riskFields: Set<String> = ["risk", "closing_risk", "previous_risk"]

    /// A field's value as a page shows it: a code in words, else the value with its
    /// underscores as spaces when the field holds codes (an NRM stage), else as it is.
    static func words(field: String, _ value: String) -> String {
        if riskFields.contains(field) { return risk(value) }
        if let words = byField[field] { return words[value] ?? value.replacing("_", with: " ") }
        if spacedFields.contains(field) { return value.replacing("_", with: " ") }
        return value
    }
}
