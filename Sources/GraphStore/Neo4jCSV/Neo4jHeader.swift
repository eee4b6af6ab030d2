import GraphCore

/// The header row of a Neo4j admin-import CSV file: what each column holds.
///
/// A header cell is `name:type` (`latitude:double`), a bare property name (`surname`, a
/// string), or one of the special columns `:ID`, `:LABEL` (node files), `:START_ID`,
/// `:END_ID`, `:TYPE` (relationship files) and `:IGNORE`. See
/// <https://neo4j.com/docs/operations-manual/current/tools/neo4j-admin/neo4j-admin-import/#import-tool-header-format>.
struct Neo4jHeader {
    /// What a column holds.
    enum Role: Equatable {
        case id, label, startID, endID, type, ignore
        /// A property, with the name and the Neo4j type (`string` when none is given).
        case property(name: String, type: String)
    }

    /// Each column's role, in file order.
    let roles: [Role]
    /// Each column's header cell as written, for errors.
    let cells: [String]
    /// The header's location, for errors about a missing column.
    let location: SourceLocation

    /// Reads a header row.
    ///
    /// - Throws: ``InputError`` for an ID space (`:ID(Group)`), which the converter does not
    ///   support, or a column given twice.
    init(_ cells: [String], at location: SourceLocation) throws(InputError) {
        var roles: [Role] = []
        var seen: Set<String> = []
        for cell in cells {
            let role = try Neo4jHeader.role(of: cell, at: location)
            let identity = if case .property(let name, _) = role { "property " + name } else { "\(role)" }
            if case .ignore = role {} else if !seen.insert(identity).inserted {
                throw InputError("column \(Excerpt(cell, quote: "'")): given twice in the header", at: location)
            }
            roles.append(role)
        }
        self.roles = roles
        self.cells = cells
        self.location = location
    }

    /// The column holding a special role (`.id`, `.startID`, ...).
    func index(of role: Role) -> Int? {
        roles.firstIndex(of: role)
    }

    /// The column holding a property, whatever its type.
    func index(ofProperty name: String) -> Int? {
        roles.firstIndex { if case .property(name, _) = $0 { true } else { false } }
    }

    /// Checks that the special columns and properties a mapping reads are all present.
    ///
    /// - Throws: ``InputError`` at the header naming the first missing column.
    func require(_ required: [Role], properties: [String] = []) throws(InputError) {
        for role in required where index(of: role) == nil {
            throw InputError("column '\(Neo4jHeader.text(of: role))': missing from the header", at: location)
        }
        for name in properties where index(ofProperty: name) == nil {
            throw InputError("column \(Excerpt(name, quote: "'")): missing from the header", at: location)
        }
    }

    private static func role(of cell: String, at location: SourceLocation) throws(InputError) -> Role {
        guard let colon = cell.lastIndex(of: ":") else {
            guard !cell.isEmpty else { throw InputError("a header cell is empty", at: location) }
            return .property(name: cell, type: "string")
        }
        let name = String(cell[..<colon])
        let type = String(cell[cell.index(after: colon)...])
        if type.contains("(") {
            throw InputError("column \(Excerpt(cell, quote: "'")): ID spaces are not supported; give every node a distinct :ID", at: location)
        }
        switch type.uppercased() {
        case "ID": return .id
        case "LABEL": return .label
        case "START_ID": return .startID
        case "END_ID": return .endID
        case "TYPE": return .type
        case "IGNORE": return .ignore
        default:
            guard !name.isEmpty else { throw InputError("column \(Excerpt(cell, quote: "'")): a property needs a name", at: location) }
            return .property(name: name, type: type.isEmpty ? "string" : type.lowercased())
        }
    }

    /// A special column as a header writes it (`:START_ID`), or a property's name.
    static func text(of role: Role) -> String {
        switch role {
        case .id: ":ID"
        case .label: ":LABEL"
        case .startID: ":START_ID"
        case .endID: ":END_ID"
        case .type: ":TYPE"
        case .ignore: ":IGNORE"
        case .property(let name, _): name
        }
    }
}
