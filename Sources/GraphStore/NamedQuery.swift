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

    private static let cache = Locked<[String: String]>([:])
}
