import Foundation
import GraphCore

/// The named SQL files in `queries/`, shipped as package resources and read once.
enum NamedQuery {
    /// The SQL text of `queries/<name>.sql`.
    ///
    /// - Throws: ``StoreError`` when the file is missing from the build.
    static func sql(_ name: String) throws -> String {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        guard let folder = Bundle.module.url(forResource: "queries", withExtension: nil),
              let text = try? String(contentsOf: folder.appendingPathComponent(name + ".sql"), encoding: .utf8) else {
            throw StoreError("query", "the named query \(name) is missing from the package resources",
                             hint: "rebuild cegraph; the queries/ folder ships with it")
        }
        cache.withLock { $0[name] = text }
        return text
    }

    /// The statement `file.name` of `queries/workflow/<file>.sql` (or `dir/file.name` of
    /// `queries/<dir>/<file>.sql`), where each statement follows a `-- name: NAME` line.
    ///
    /// - Throws: ``StoreError`` when the file or the statement is missing.
    static func workflow(_ qualified: String) throws -> String {
        if let cached = cache.withLock({ $0[qualified] }) { return cached }
        let parts = qualified.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw StoreError("query", "the statement name \(qualified) is not file.name", hint: "this is a bug in cegraph")
        }
        let file = parts[0].contains("/") ? parts[0] : "workflow/" + parts[0]
        let sections = statements(in: try sql(file))
        guard let text = sections[parts[1]] else {
            throw StoreError("query", "queries/\(file).sql has no statement named \(parts[1])",
                             hint: "this is a bug in cegraph")
        }
        cache.withLock { $0[qualified] = text }
        return text
    }

    /// Splits a file into its `-- name: NAME` sections.
    static func statements(in text: String) -> [String: String] {
        var sections: [String: String] = [:]
        var name: String?
        var lines: [Substring] = []
        func close() {
            if let name { sections[name] = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines) }
            lines.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- name:") {
                close()
                name = line.dropFirst("-- name:".count).trimmingCharacters(in: .whitespaces)
            } else if name != nil {
                lines.append(line)
            }
        }
        close()
        return sections
    }

    private static let cache = Locked<[String: String]>([:])
}
