import GraphCore

/// What an admin asks of an account, read alike from the accounts page's forms and the
/// API's JSON: its role, scope and agency, and for a new account its username, name and
/// password. Bad input is a ``ServerError`` 400 naming the field, found before anything is
/// written; ``AccountStore`` checks the role's scope again, and that every code exists.
struct AccountInput: Sendable {
    var role: Role
    var scope: Scope
    var agency: String?

    /// A new account: who it is, what it may do, and its password (nil: generate one).
    struct New: Sendable {
        let username: String
        let displayName: String
        let password: String?
        let input: AccountInput
    }

    init(role: Role, scope: Scope, agency: String?) {
        self.role = role
        self.scope = scope
        self.agency = agency
    }

    /// The fields of the JSON API, for the message that refuses any other.
    static let jsonFields: Set<String> = ["username", "display_name", "role", "areas", "panels", "chairs", "agency", "password", "disabled"]

    // MARK: - The pages' forms

    /// The role, scope and agency of an accounts page form: `role`, `agency` (blank: none),
    /// `whole_picture` ticked or `area.CODE` boxes ticked, and `panel.CODE` boxes for a panel
    /// member. The page asks for the whole picture in so many words: an account left with no
    /// area ticked is refused, never given everything.
    init(form: [String: String]) throws {
        let fields = WriteFields(form: form)
        role = try fields.choice("role", Role.self)
        let areas = Set(AccountInput.ticked("area.", in: form))
        let panels = Set(AccountInput.ticked("panel.", in: form))
        let whole = try fields.bool("whole_picture") ?? false
        if role == .panelMember {
            if whole { throw ServerError(.badRequest, "a panel member never covers the whole picture: tick the panels they sit on") }
            scope = Scope(areas: areas.isEmpty ? nil : areas, panels: panels)
        } else {
            if whole && !areas.isEmpty { throw ServerError(.badRequest, "tick the whole picture or some areas, not both") }
            if !whole && areas.isEmpty { throw ServerError(.badRequest, "tick the areas the account covers, or the whole picture") }
            scope = Scope(areas: whole ? nil : areas, panels: panels)
        }
        agency = fields.optional("agency")?.trimmingWhitespace()
        try AccountStore.check(scope, for: role)
    }

    /// A new account from the add form: `username`, `display_name` (blank: the username),
    /// `password` (blank: generate one) and the role, scope and agency.
    static func new(form: [String: String]) throws -> New {
        let fields = WriteFields(form: form)
        let username = try checkedUsername(fields.optional("username"))
        let input = try AccountInput(form: form)
        return New(username: username, displayName: try checkedName(fields.optional("display_name"), or: username),
                   password: try checkedPassword(form["password"]), input: input)
    }

    /// The codes of the boxes ticked whose names start with `prefix` (`area.E08000012`).
    static func ticked(_ prefix: String, in form: [String: String]) -> [String] {
        form.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            .filter { !$0.isEmpty }.sorted()
    }

    // MARK: - The API's JSON

    /// A new account from `POST /api/accounts`: `username`, `role`, and optionally
    /// `display_name`, `areas` (absent or null: the whole picture, as `cegraph account add`
    /// without `--area`), `panels`, `agency` and `password` (absent: generated).
    static func new(json body: [String: JSONValue]) throws -> New {
        try refuseUnknown(body, allowed: jsonFields.subtracting(["disabled"]))
        let fields = WriteFields(body)
        let username = try checkedUsername(try text(body, "username"))
        let role = try fields.choice("role", Role.self)
        let input = AccountInput(role: role, scope: Scope(areas: try areas(body) ?? nil, panels: Set(try fields.list("panels")),
                                                                   chairs: Set(try fields.list("chairs"))),
                                 agency: try text(body, "agency"))
        try AccountStore.check(input.scope, for: role)
        return New(username: username, displayName: try checkedName(try text(body, "display_name"), or: username),
                   password: try checkedPassword(try text(body, "password")), input: input)
    }

    /// A change from `PUT /api/accounts/{username}`: each of `role`, `areas`, `panels` and
    /// `agency` given replaces the account's, each left out keeps it (`areas: null` is the
    /// whole picture, `agency: null` none).
    init(json body: [String: JSONValue], current: AccountSummary) throws {
        try AccountInput.refuseUnknown(body, allowed: ["role", "areas", "panels", "chairs", "agency", "disabled"])
        let fields = WriteFields(body)
        role = try fields.optionalChoice("role", Role.self) ?? current.role
        let areas = try AccountInput.areas(body) ?? current.scope.areas
        let panels = body["panels"] == nil ? current.scope.panels : Set(try fields.list("panels"))
        scope = Scope(areas: areas, panels: panels, chairs: body["chairs"] == nil ? [] : Set(try fields.list("chairs")))
        agency = body["agency"] == nil ? current.agency : try AccountInput.text(body, "agency")
        try AccountStore.check(scope, for: role)
    }

    /// `areas`: nil when absent; .some(nil) for null (the whole picture); else the codes.
    private static func areas(_ body: [String: JSONValue]) throws -> Set<String>?? {
        switch body["areas"] {
        case nil: return nil
        case .null?: return .some(nil)
        default:
            let codes = try WriteFields(body).list("areas")
            guard !codes.isEmpty else { throw ServerError(.badRequest, "give at least one area, or null for the whole picture") }
            return .some(Set(codes))
        }
    }

    /// A text field, nil when absent, null or blank; a 400 naming it when it is not text.
    private static func text(_ body: [String: JSONValue], _ field: String) throws -> String? {
        switch body[field] {
        case nil, .null?: return nil
        case .string(let text)?: return text.trimmingWhitespace().isEmpty ? nil : text.trimmingWhitespace()
        default: throw ServerError(.badRequest, "\(field) is text")
        }
    }

    private static func refuseUnknown(_ body: [String: JSONValue], allowed: Set<String>) throws {
        if let unknown = body.keys.filter({ !allowed.contains($0) }).sorted().first {
            throw ServerError(.badRequest, "unknown field \(Excerpt.bare(unknown)): give " + allowed.sorted().joined(separator: ", "))
        }
    }

    // MARK: - Checks

    /// A username: 2 to 64 letters, digits, `.`, `_` or `-`, starting with a letter or digit;
    /// kept in lower case.
    static func checkedUsername(_ text: String?) throws -> String {
        guard let username = text?.trimmingWhitespace().lowercased(), !username.isEmpty else {
            throw ServerError(.badRequest, "give username: 2 to 64 letters, digits, '.', '_' or '-'")
        }
        let allowed = "abcdefghijklmnopqrstuvwxyz0123456789._-"
        guard (2...64).contains(username.count), username.allSatisfy(allowed.contains),
              let first = username.first, first.isLetter || first.isNumber else {
            throw ServerError(.badRequest, "username \(Excerpt.bare(username)) is not 2 to 64 letters, digits, '.', '_' or '-' starting with a letter or digit")
        }
        return username
    }

    /// The name shown: one line of up to 100 characters; blank gives the username.
    static func checkedName(_ text: String?, or username: String) throws -> String {
        guard let name = text?.trimmingWhitespace(), !name.isEmpty else { return username }
        guard name.count <= 100, !name.unicodeScalars.contains(where: { [.control, .format].contains($0.properties.generalCategory) }) else {
            throw ServerError(.badRequest, "display_name is one line of up to 100 characters")
        }
        return name
    }

    /// A password as typed (nil or empty: generate one): 12 characters at least, and at most
    /// the 72 bytes bcrypt reads (a longer one would be cut short without a word).
    static func checkedPassword(_ text: String?) throws -> String? {
        guard let password = text, !password.isEmpty else { return nil }
        guard password.count >= 12 else { throw ServerError(.badRequest, "a password needs at least 12 characters") }
        guard password.utf8.count <= 72 else { throw ServerError(.badRequest, "a password may be at most 72 bytes long") }
        return password
    }
}
