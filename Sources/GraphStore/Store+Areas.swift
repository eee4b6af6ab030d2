import GRDB
import GraphCore

extension Store {
    /// The areas by code and name (``AreaDirectory``), so that people may name an area as
    /// they know it. Areas are not personal data: the read is not audited.
    public func areaDirectory() throws -> AreaDirectory {
        do {
            return try writer.read { db in
                AreaDirectory(try Row.fetchAll(db, sql: NamedQuery.sql("snapshot_areas")).map { row in
                    AreaDirectory.Area(code: row["code"], name: row["name"], isLocalAuthority: (row["area_type"] as String?) == "local_authority")
                })
            }
        } catch {
            throw StoreError("areas", wrapping: error, lead: "the areas could not be read")
        }
    }
}
