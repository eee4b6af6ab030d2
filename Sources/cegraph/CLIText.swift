import ArgumentParser
import CaseWorkflow

/// The command line's short forms for attendees and flags, shared by `panel attend`,
/// `panel decide` and `case strategy`.
enum CLIText {
    /// `NAME:AGENCY`, or `NAME:AGENCY:unsigned` for someone who has not signed the
    /// confidentiality statement.
    static func attendee(_ text: String, option: String) throws -> Attendee {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || (parts.count == 3 && parts[2] == "unsigned") else {
            throw ValidationError("\(option) \(text): write NAME:AGENCY or NAME:AGENCY:unsigned")
        }
        return Attendee(name: parts[0], agency: parts[1], signedConfidentiality: parts.count == 2)
    }

    /// `FLAG:OWNER`, or `FLAG:OWNER:ID` for an entity other than the case's child.
    static func flag(_ text: String, option: String) throws -> FlagChange {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 2 || parts.count == 3 else { throw ValidationError("\(option) \(text): write FLAG:OWNER[:ID]") }
        return FlagChange(entity: parts.count == 3 ? parts[2] : nil, flag: parts[0], owner: parts[1])
    }
}
