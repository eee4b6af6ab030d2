/// One thing an account may do. Which roles hold which is the table in
/// ``Role/permissions`` (docs/ROLES.md), the only place it is decided.
public enum Permission: String, Sendable, CaseIterable, Hashable {
    /// Search, entity pages, intelligence reports and maps, within the viewer's scope.
    case readPicture = "read_picture"
    /// See handling-code-C reports, and the links and text that rest on them.
    case readHandlingCodeC = "read_handling_code_c"
    /// The analysis verbs (paths, networks, key players, co-location, cross-border, MARTHR
    /// candidates), analyst and police audiences, and network exports.
    case analyse
    /// Enter, edit and link intelligence reports; import files.
    case writeIntel = "write_intel"
    /// Add text to an intelligence report (a MARTHR chair's note).
    case annotateIntel = "annotate_intel"
    /// List cases, referrals, alerts and timescales.
    case readCases = "read_cases"
    /// Read one case (a panel member: the cases on their agendas).
    case readCase = "read_case"
    /// Read one assessment in full, with its answers.
    case readAssessment = "read_assessment"
    /// Record referrals, screen them, open cases, record assessments, NRM stages,
    /// strategy meetings, transitions plans.
    case workCases = "work_cases"
    /// Read the flags on a record (police systems).
    case readFlags = "read_flags"
    /// Set and remove flags (police systems).
    case manageFlags = "manage_flags"
    /// Read the alerts' review tasks. Alerts are found on the whole picture, handling-code-C
    /// links included, so they are for the police.
    case readAlerts = "read_alerts"
    /// Scan for alerts and record their reviews.
    case reviewAlerts = "review_alerts"
    /// Read MACCSE panels (a panel member: the panels they sit on).
    case readPanels = "read_panels"
    /// Schedule panels, build and send agendas, record attendance, decisions, minutes, actions.
    case runPanels = "run_panels"
    /// Approve a panel's minutes: a panel member who chairs the panel (``Scope/chairs``).
    case approveMinutes = "approve_minutes"
    /// Update the status of any action the viewer may see (MARTHR's: the police only).
    case updateActions = "update_actions"
    /// Update the status of an action the viewer may see that their own agency owns; every
    /// role that holds ``updateActions`` holds this too.
    case updateOwnAgencyActions = "update_own_agency_actions"
    /// Read MARTHR meetings and the disruption register.
    case readMarthr = "read_marthr"
    /// Schedule MARTHR meetings, nominate, record disruptions.
    case prepareMarthr = "prepare_marthr"
    /// Decide nominations, raise MARTHR actions, feed back to MACCSE.
    case chairMarthr = "chair_marthr"
    /// The quarterly report and its charts.
    case readQuarterly = "read_quarterly"
    /// Read the partnership's settings.
    case readSettings = "read_settings"
    /// Change the partnership's settings.
    case changeSettings = "change_settings"
    /// Read the audit log, refusals included.
    case readAudit = "read_audit"
    /// Manage accounts, roles and scopes.
    case manageAccounts = "manage_accounts"
}
