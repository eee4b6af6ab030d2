/// Who is asking, why, and what they may see: passed into every read and write of the
/// store, the query engine and the workflow, recorded with each in the audit log.
///
/// The command line takes the name from `--actor` (else the login name) and the purpose
/// from `--reason`, with ``Access/commandLine``; the web service takes all three from the
/// signed-in account, its scope and the page.
public struct Viewer: Sendable, Hashable {
    /// The person or system acting.
    public let name: String
    /// The justification for the access, as the audit log records it.
    public let purpose: String
    /// What they may see.
    public let access: Access

    public init(name: String, purpose: String, access: Access) {
        self.name = name
        self.purpose = purpose
        self.access = access
    }

    /// The command line's operator (``Access/commandLine``).
    public static func commandLine(name: String, purpose: String) -> Viewer {
        Viewer(name: name, purpose: purpose, access: .commandLine)
    }
}
