/// The partnership's areas (local authorities and police forces) by code and name, so that
/// a person may name an area as they know it: "Liverpool" where a form or a filter asks for
/// an area, as well as its code, `E08000012`.
public struct AreaDirectory: Sendable, Equatable {
    /// An area as the directory knows it.
    public struct Area: Sendable, Equatable {
        /// The ONS code of a local authority, or a force's code (`merseyside`).
        public let code: String
        /// The name people use: `Liverpool`, `Merseyside Police`.
        public let name: String
        /// Whether the area is a local authority (else a police force).
        public let isLocalAuthority: Bool

        public init(code: String, name: String, isLocalAuthority: Bool) {
            self.code = code
            self.name = name
            self.isLocalAuthority = isLocalAuthority
        }

        /// The area as a page names it: its name, its code after it.
        public var label: String { name == code ? code : "\(name) (\(code))" }
    }

    /// The areas, in the order given.
    public let areas: [Area]

    public init(_ areas: [Area]) {
        self.areas = areas
    }

    /// The area `code` names, if any.
    public func area(code: String) -> Area? {
        areas.first { $0.code == code }
    }

    /// The name of the area `code` names, else the code as given.
    public func name(_ code: String) -> String {
        area(code: code)?.name ?? code
    }

    /// The code of the area `text` names: its code or its name, in any case and spacing;
    /// failing that, the one area whose name starts with it (`Knowsley` for "knows").
    ///
    /// - Parameters:
    ///   - text: what the person typed.
    ///   - field: the field it was typed in, for the error.
    ///   - localAuthority: only local authorities (true), only forces (false), or either (nil).
    /// - Throws: ``InputError`` naming `field` when no area or more than one answers to it.
    public func code(for text: String, field: String, localAuthority: Bool? = nil) throws -> String {
        let wanted = AreaDirectory.folded(text)
        let kind = localAuthority.map { $0 ? "local authority" : "police force" } ?? "area"
        guard !wanted.isEmpty else { throw InputError("name a \(kind)", field: field) }
        let candidates = areas.filter { localAuthority == nil || $0.isLocalAuthority == localAuthority }
        if let exact = candidates.first(where: { AreaDirectory.folded($0.code) == wanted }) { return exact.code }
        let named = candidates.filter { AreaDirectory.folded($0.name) == wanted }
        let matches = named.isEmpty ? candidates.filter { AreaDirectory.folded($0.name).hasPrefix(wanted) } : named
        switch matches.count {
        case 1: return matches[0].code
        case 0: throw InputError("no \(kind) is called or coded \"\(text)\"", field: field)
        default:
            throw InputError("\"\(text)\" could be " + matches.prefix(6).map(\.label).joined(separator: ", ")
                             + (matches.count > 6 ? " or \(matches.count - 6) more" : "") + "; give the name in full or the code",
                             field: field)
        }
    }

    /// Text folded for matching: lower case, runs of spaces as one, trimmed.
    static func folded(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
