import Foundation
import GRDB
import GraphCore

extension Store {
    /// Compiles every named statement in `queries/` against this store's schema, without
    /// running any: a statement that names a column or table the schema lacks, or that is
    /// not exactly one statement, is found here rather than on the day it first runs.
    ///
    /// - Returns: the names checked (`file` for a one-statement file, `file.name` for a
    ///   section), sorted.
    /// - Throws: ``StoreError`` naming the first statement that does not compile.
    public func checkNamedStatements() throws -> [String] {
        guard let folder = Bundle.module.url(forResource: "queries", withExtension: nil),
              let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            throw StoreError("query", "the queries folder is missing from the package resources", kind: .internal)
        }
        var statements: [(String, String)] = []
        for case let url as URL in files where url.pathExtension == "sql" {
            let file = String(url.path.dropFirst(folder.path.count + 1).dropLast(4))
            let text = try String(contentsOf: url, encoding: .utf8)
            let sections = NamedQuery.statements(in: text)
            if sections.isEmpty {
                statements.append((file, text))
            } else {
                statements += sections.map { ("\(file).\($0.key)", $0.value) }
            }
        }
        try writer.read { db in
            for (name, sql) in statements {
                do {
                    _ = try db.makeStatement(sql: sql)
                } catch {
                    throw StoreError("query", "the named statement \(name) does not compile: \(error)", kind: .internal)
                }
            }
        }
        return statements.map(\.0).sorted()
    }
}
