import GraphCore
import Hummingbird

extension MapArrangement {
    /// The query parameters that arrange a map: `expand`, `hide` and `pin` (entity ids, each
    /// given once or more, or comma-separated), `group` (`area`, `community` or `none`) and
    /// `open` (groups opened again).
    static let parameterNames = ["expand", "hide", "pin", "group", "open"]

    /// The arrangement a request names.
    ///
    /// - Throws: ``ServerError`` 400 naming the parameter for an unknown grouping or a list
    ///   longer than ``MapArrangement/limit``.
    init(_ request: Request) throws {
        func ids(_ name: String) throws -> [String] {
            var seen = Set<String>()
            let given = request.uri.queryParameters.getAll(name)
                .flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && seen.insert($0).inserted }
            guard given.count <= MapArrangement.limit else {
                throw ServerError(.badRequest, "\(name) names \(given.count) entities; a map takes at most \(MapArrangement.limit)")
            }
            return given
        }
        let grouping = request.uri.queryParameters.get("group").flatMap { $0.isEmpty ? nil : $0 } ?? "none"
        guard let chosen = Grouping(rawValue: grouping) else {
            throw ServerError(.badRequest, "group \(Excerpt.bare(grouping)) is not area, community or none")
        }
        self.init(expanded: try ids("expand"), hidden: try ids("hide"), pinned: try ids("pin"), grouping: chosen,
                  opened: try ids("open"))
    }

    /// The arrangement for the audit log.
    var json: JSONValue {
        var fields: [String: JSONValue] = [:]
        for (name, ids) in [("expand", expanded), ("hide", hidden), ("pin", pinned), ("open", opened)] where !ids.isEmpty {
            fields[name] = .array(ids.map { .string($0) })
        }
        if grouping != .none { fields["group"] = .string(grouping.rawValue) }
        return .object(fields)
    }
}
