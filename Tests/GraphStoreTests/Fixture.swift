import Foundation
import GRDB
import GraphCore
import GraphStore
import SyntheticData

/// Test helpers: temporary files, stores, and a snapshot of everything a store holds.
enum Fixture {
    static let viewer = Viewer.commandLine(name: "test-analyst", purpose: "automated test")

    /// A new temporary directory.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to a new file and returns its path.
    static func file(_ text: String, name: String = "input.jsonl") throws -> String {
        let url = try directory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A store on an in-memory database.
    static func memoryStore() throws -> Store {
        try Store(DatabaseQueue())
    }

    /// A store on a temporary file in WAL mode.
    static func fileStore() throws -> Store {
        try Store.open(path: try directory().appendingPathComponent("test.sqlite").path)
    }

    @discardableResult
    static func load(_ store: Store, _ text: String, name: String = "input.jsonl",
                     format: ImportOptions.Format = .jsonLines) throws -> ImportSummary {
        try store.importFile(at: try file(text, name: name), options: ImportOptions(format: format, viewer: viewer))
    }

    /// A generated small data set's path.
    static func generated(seed: UInt64 = 1) throws -> String {
        let path = try directory().appendingPathComponent("small.jsonl").path
        let output = try TextOutput(path: path)
        _ = try Generator(seed: seed, scale: .small).write(to: output)
        try output.close()
        return path
    }

    /// Every row of every data table (not the audit log), as text.
    static func snapshot(_ store: Store) throws -> String {
        try store.writer.read { db in
            var text = ""
            for table in ["area", "entity", "ref", "intel", "intel_about", "link", "link_support"] {
                text += "## \(table)\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2") {
                    text += row.description + "\n"
                }
            }
            return text
        }
    }

    /// A new file store holding what `store` exports (FORMAT.md JSON Lines), imported.
    static func exportedCopy(of store: Store) throws -> Store {
        let path = try directory().appendingPathComponent("export.jsonl").path
        let output = try TextOutput(path: path)
        try store.exportJSONLines(to: output, recipient: path, for: viewer)
        try output.close()
        let copy = try fileStore()
        try copy.importFile(at: path, options: ImportOptions(viewer: viewer))
        return copy
    }

    static func auditCount(_ store: Store) throws -> Int {
        try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0 }
    }

    /// A small picture with every kind of record, used as the starting point of many tests.
    static let baseline = """
        {"record":"area","code":"X01","name":"Testshire","area_type":"local_authority","force":"merseyside"}
        {"record":"entity","id":"C1","kind":"child","name":"Amber Otter","aliases":["Otter"],"dob":"2011-04-02","area":"E08000012","risk":"merseyside:3","exploitation":"cce"}
        {"record":"entity","id":"A1","kind":"adult","name":"Grey Heron","aliases":["Heron"],"area":"E08000014"}
        {"record":"entity","id":"V1","kind":"vehicle","vrm":"zz01 aaa","make":"Ford","taxi":true}
        {"record":"entity","id":"P1","kind":"phone","number":"07700 900123"}
        {"record":"entity","id":"H1","kind":"handle","platform":"Snapchat","handle":"@Night_Owl"}
        {"record":"entity","id":"L1","kind":"location","name":"Harbour Takeaway","postcode":"l1 1aa","location_type":"takeaway","area":"X01"}
        {"record":"entity","id":"G1","kind":"group","name":"Slate line","group_type":"county_line"}
        {"record":"entity","id":"O1","kind":"operation","name":"Operation Kestrel","status":"active","lead_force":"merseyside"}
        {"record":"intel","id":"I1","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","about":["A1"],"text":"Synthetic report one."}
        {"record":"intel","id":"I2","date":"2026-03-05","source_evaluation":"1","intelligence_assessment":"A","handling_code":"C","handling_conditions":"Police only","about":["C1","A1"]}
        {"record":"link","from":"A1","to":"C1","kind":"associates_with","first_seen":"2026-02-01","last_seen":"2026-03-01","intel":["I1"]}
        {"record":"link","from":"A1","to":"V1","kind":"drives","intel":["I2"]}
        {"record":"link","from":"C1","to":"L1","kind":"found_at","first_seen":"2026-03-04"}
        {"record":"link","from":"A1","to":"P1","kind":"uses_phone"}
        {"record":"link","from":"P1","to":"H1","kind":"contacted"}
        {"record":"link","from":"A1","to":"G1","kind":"member_of"}
        {"record":"link","from":"G1","to":"O1","kind":"subject_of"}
        """
}
