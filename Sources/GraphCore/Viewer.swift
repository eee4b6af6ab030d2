/// Who is asking, and why: recorded with every read and write of personal data.
///
/// The command line takes the name from `--actor` (else the login name) and the purpose
/// from `--reason`; the web service will take both from the signed-in account and the page.
public struct Viewer: Sendable, Hashable {
    /// The person or system acting.
    public let name: String
    /// The justification for the access, as the audit log records it.
    public let purpose: String

    public init(name: String, purpose: String) {
        self.name = name
        self.purpose = purpose
    }
}
