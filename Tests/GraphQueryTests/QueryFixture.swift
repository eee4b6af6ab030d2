import Foundation
import GraphCore
import GraphStore
@testable import GraphQuery

/// Test helpers: small graphs written as JSON Lines, imported into a real SQLite file.
enum QueryFixture {
    static let viewer = Viewer.commandLine(name: "test-analyst", purpose: "automated test")

    /// A new temporary directory.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-query-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A store on a new SQLite file holding `lines` (JSON objects, one per line).
    static func store(_ lines: [String]) throws -> Store {
        let directory = try directory()
        let store = try Store.open(path: directory.appendingPathComponent("test.sqlite").path)
        if !lines.isEmpty { try load(store, lines, in: directory) }
        return store
    }

    /// Imports more lines into `store`.
    static func load(_ store: Store, _ lines: [String], in directory: URL? = nil) throws {
        let file = (try directory ?? self.directory()).appendingPathComponent("input-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        try store.importFile(at: file.path, options: ImportOptions(viewer: viewer))
    }

    /// An engine over a store holding `lines`.
    static func engine(_ lines: [String]) throws -> QueryEngine {
        QueryEngine(store: try store(lines))
    }

    // Records, written as JSON text. Names are synthetic.

    static func child(_ id: String, risk: String? = "merseyside:3", area: String? = nil) -> String {
        record(["record": "entity", "id": id, "kind": "child", "name": "Child \(id)", "risk": risk, "area": area])
    }

    /// An adult, recorded as of concern unless `ofConcern` says otherwise (nil: nothing recorded).
    static func adult(_ id: String, ofConcern: Bool? = true, area: String? = nil) -> String {
        var fields: [String: Any?] = ["record": "entity", "id": id, "kind": "adult", "name": "Adult \(id)", "area": area]
        if let ofConcern { fields["of_concern"] = ofConcern }
        return record(fields)
    }

    static func entity(_ id: String, _ kind: String, area: String? = nil, extra: [String: Any?] = [:]) -> String {
        var fields: [String: Any?] = ["record": "entity", "id": id, "kind": kind, "area": area]
        switch kind {
        case "vehicle": fields["vrm"] = "ZZ\(stable(id) % 90 + 10)AAA"
        case "phone": fields["number"] = "07700 900\(String(format: "%03d", stable(id) % 1000))"
        case "handle": fields["platform"] = "instagram"; fields["handle"] = "handle_\(id.lowercased())"
        default: fields["name"] = "\(kind.capitalized) \(id)"
        }
        fields.merge(extra) { $1 }
        return record(fields)
    }

    /// A number from the id that is the same in every run (`hashValue` is not).
    static func stable(_ id: String) -> Int {
        id.utf8.reduce(17) { ($0 &* 31 &+ Int($1)) & 0x7FFF_FFFF }
    }

    static func intel(_ id: String, _ grade: String = "2B", handling: String = "P", date: String = "2026-10-01",
                      about: [String] = [], harmFrom: [String] = []) -> String {
        var fields: [String: Any?] = ["record": "intel", "id": id, "date": date,
                                      "source_evaluation": String(grade.first!),
                                      "intelligence_assessment": String(grade.last!), "handling_code": handling]
        if handling == "C" { fields["handling_conditions"] = "police only" }
        if !about.isEmpty { fields["about"] = about }
        if !harmFrom.isEmpty { fields["harm_from"] = harmFrom }
        return record(fields)
    }

    static func link(_ from: String, _ kind: String, _ to: String, intel: [String] = [], first: String? = nil,
                     last: String? = nil, concern: Bool = false) -> String {
        var fields: [String: Any?] = ["record": "link", "from": from, "to": to, "kind": kind,
                                      "first_seen": first, "last_seen": last]
        if !intel.isEmpty { fields["intel"] = intel }
        if concern { fields["concern"] = true }
        return record(fields)
    }

    static func record(_ fields: [String: Any?]) -> String {
        let present = fields.compactMapValues { $0 }
        let data = try! JSONSerialization.data(withJSONObject: present, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

extension QueryAnswer {
    /// A member of the JSON object.
    subscript(key: String) -> JSONValue? { json.objectValue?[key] }
}

extension JSONValue {
    /// A member of an object.
    subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// The `id` members of an array of objects.
    var ids: [String] { arrayValue?.compactMap { $0["id"]?.stringValue } ?? [] }

    var intValue: Int? { doubleValue.map { Int($0) } }
}
