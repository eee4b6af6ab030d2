import Foundation
import GRDB

/// The schema migrations: the `schema/NNNN_name.sql` files shipped as package resources,
/// applied in order by GRDB's `DatabaseMigrator`.
enum Migrations {
    /// The migration files, sorted by name.
    static func files() throws -> [URL] {
        guard let folder = Bundle.module.url(forResource: "schema", withExtension: nil) else {
            throw StoreError("open", "the schema folder is missing from the package resources",
                             hint: "rebuild cegraph; the schema/ folder ships with it")
        }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The first line of a migration that must run with foreign keys off.
    static let deferredMarker = "-- cegraph: foreign keys deferred"

    /// A migrator holding every migration.
    static func migrator() throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in try files() {
            let sql = try String(contentsOf: file, encoding: .utf8)
            // A migration that rebuilds a table others refer to runs with foreign keys off
            // and checks them all before it commits (SQLite's 12-step table change).
            let checks: DatabaseMigrator.ForeignKeyChecks = sql.hasPrefix(deferredMarker) ? .deferred : .immediate
            migrator.registerMigration(file.deletingPathExtension().lastPathComponent, foreignKeyChecks: checks) { db in
                try db.execute(sql: sql)
            }
        }
        return migrator
    }
}
