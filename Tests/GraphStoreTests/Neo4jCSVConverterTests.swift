import Foundation
import TestSupport
import GRDB
import Testing
import GraphCore
@testable import GraphStore

/// `import --format neo4j-csv`: a small synthetic Neo4j admin-import directory (plain and
/// gzipped files) converted and imported into a real SQLite store, malformed input named by
/// file, line and column, and the public POLE data set checked against counts computed
/// independently (KnownAnswers/pole_counts.py).
struct Neo4jCSVConverterTests {
    /// A synthetic POLE-shaped directory. Names, numbers and places are invented: phones in
    /// Ofcom's drama range or in no numbering plan, a ZZ postcode, an example.org address.
    static let files: [String: [String]] = [
        "t.nodes.Person.csv": [
            ":ID,surname,nhs_no,name,age,:LABEL",
            "1,Otter,TEST-0001,Amber,,Person",
            "2,Heron,TEST-0002,Grey,,Person",
            "3,Vole,TEST-0003,Birch,12,Person",
        ],
        "t.nodes.Location.csv.gz": [
            ":ID,latitude:double,postcode,longitude:double,address,:LABEL",
            "10,53.4,zz1 1aa,-2.9,1 Test Street,Location",
        ],
        "t.nodes.Phone.csv": [
            ":ID,phoneNo,:LABEL",
            "20,07700 900001,Phone",
            "21,5-(000)000-0001,Phone",
        ],
        "t.nodes.Email.csv": [":ID,email_address,:LABEL", "30,otter@example.org,Email"],
        "t.nodes.Vehicle.csv": [":ID,model,reg,make,year,:LABEL", "40,Focus,zz01 aaa,Ford,2005,Vehicle"],
        "t.nodes.Crime.csv": [
            ":ID,date,id,type,last_outcome,note,charge,:LABEL",
            "50,24/08/2017,c-one,Drugs,Under investigation,,,Crime",
            "51,02/08/2017,c-two,Burglary,Investigation complete; no suspect identified,,,Crime",
        ],
        "t.nodes.PhoneCall.csv": [
            ":ID,call_duration,call_time,call_date,call_type,:LABEL",
            "60,3,10:00,04/08/2017,CALL,PhoneCall",
            "61,1,11:00,20/08/2017,SMS,PhoneCall",
            "62,2,12:00,10/08/2017,CALL,PhoneCall",
        ],
        "t.nodes.Officer.csv": [":ID,badge_no,rank,name,surname,:LABEL", "70,00-0000000,Sergeant,Test,Officer,Officer"],
        "t.relationships.KNOWS.csv": [":START_ID,:END_ID,:TYPE", "1,2,KNOWS", "2,3,KNOWS"],
        "t.relationships.KNOWS_SN.csv": [":START_ID,:END_ID,:TYPE", "1,2,KNOWS_SN"],
        "t.relationships.FAMILY_REL.csv": [
            ":START_ID,:END_ID,:TYPE,rel_type",
            "2,3,FAMILY_REL,PARENT",
            "1,2,FAMILY_REL,SIBLING",
            "1,3,FAMILY_REL,COUSIN",
        ],
        "t.relationships.CURRENT_ADDRESS.csv": [":START_ID,:END_ID,:TYPE", "1,10,CURRENT_ADDRESS"],
        "t.relationships.HAS_PHONE.csv": [":START_ID,:END_ID,:TYPE", "1,20,HAS_PHONE", "2,21,HAS_PHONE"],
        "t.relationships.HAS_EMAIL.csv": [":START_ID,:END_ID,:TYPE", "1,30,HAS_EMAIL"],
        "t.relationships.PARTY_TO.csv": [":START_ID,:END_ID,:TYPE", "2,50,PARTY_TO"],
        "t.relationships.OCCURRED_AT.csv.gz": [":START_ID,:END_ID,:TYPE", "50,10,OCCURRED_AT", "51,10,OCCURRED_AT"],
        "t.relationships.INVOLVED_IN.csv": [":START_ID,:END_ID,:TYPE", "40,50,INVOLVED_IN"],
        "t.relationships.INVESTIGATED_BY.csv": [":START_ID,:END_ID,:TYPE", "50,70,INVESTIGATED_BY"],
        "t.relationships.CALLER.csv": [":START_ID,:END_ID,:TYPE", "60,20,CALLER", "61,20,CALLER", "62,21,CALLER"],
        "t.relationships.CALLED.csv": [":START_ID,:END_ID,:TYPE", "60,21,CALLED", "61,21,CALLED", "62,20,CALLED"],
    ]

    /// Writes `files` (with `changes` applied) into a new directory, gzipping `.gz` files.
    static func directory(_ changes: [String: [String]] = [:]) throws -> URL {
        let directory = try Fixture.directory()
        for (name, lines) in files.merging(changes, uniquingKeysWith: { $1 }) {
            try write(lines.joined(separator: "\n") + "\n", named: name, in: directory)
        }
        return directory
    }

    static func write(_ text: String, named name: String, in directory: URL) throws {
        guard name.hasSuffix(".gz") else {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return
        }
        let plain = directory.appendingPathComponent(String(name.dropLast(3)))
        try text.write(to: plain, atomically: true, encoding: .utf8)
        let gzip = try Spawned.run("gzip", ["-n", "-f", plain.path])
        #expect(gzip.termination.succeeded)
    }

    static func linksByKind(_ store: Store) throws -> [String: Int] {
        try store.writer.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM link GROUP BY kind") {
                counts[row["kind"]] = row["n"]
            }
            return counts
        }
    }

    // MARK: - Synthetic

    @Test func aSyntheticDirectoryConvertsAndImports() throws {
        let store = try Fixture.fileStore()
        let directory = try Neo4jCSVConverterTests.directory()
        let (conversion, summary) = try store.importNeo4jCSV(directory: directory.path,
                                                             options: ImportOptions(viewer: Fixture.viewer))

        let stats = try store.stats()
        #expect(stats.byKind.filter { $0.value > 0 } == [
            .adult: 2, .child: 1, .location: 1, .phone: 2, .handle: 1, .vehicle: 1, .operation: 2,
        ])
        #expect(try Neo4jCSVConverterTests.linksByKind(store) == [
            "associates_with": 3, "parent_of": 1, "sibling_of": 1, "lives_at": 1, "uses_phone": 2, "uses_handle": 1,
            "subject_of": 4, "contacted": 2,
        ])
        #expect(summary.entitiesAdded == 10 && summary.linksAdded == 15 && summary.linksMerged == 0)
        #expect(conversion.records == 25 && conversion.phoneFallbacks == 1)

        let files = Dictionary(uniqueKeysWithValues: conversion.files.map { ($0.name, $0) })
        #expect(files["t.nodes.Officer.csv"]?.dropped == 1)
        #expect(files["t.nodes.PhoneCall.csv"]?.mapped == 3)
        #expect(files["t.relationships.INVESTIGATED_BY.csv"]?.reasons == ["INVESTIGATED_BY from Crime to Officer": 1])
        #expect(files["t.relationships.KNOWS_SN.csv"]?.mapped == 1)

        let child = try #require(try store.entityDetail(id: "neo4j:Person:3", for: Fixture.viewer))
        #expect(child.kind == .child)
        #expect(child.attributes["age"] == .number("12") && child.attributes["nhs_no"] == nil)
        #expect(child.links.contains { $0.kind == .parentOf && $0.other.id == "neo4j:Person:2" })

        let ukPhone = try #require(try store.entityDetail(id: "neo4j:Phone:20", for: Fixture.viewer))
        #expect(ukPhone.label == "+447700900001")
        let fallback = try #require(try store.entityDetail(id: "neo4j:Phone:21", for: Fixture.viewer))
        #expect(fallback.label == "+99950000000001")
        #expect(fallback.attributes["number_as_given"] == .string("5-(000)000-0001"))

        let location = try #require(try store.entityDetail(id: "neo4j:Location:10", for: Fixture.viewer))
        #expect(location.attributes["postcode"] == .string("ZZ1 1AA") && location.attributes["lat"] == .number("53.4"))
        let active = try #require(try store.entityDetail(id: "neo4j:Crime:50", for: Fixture.viewer))
        #expect(active.attributes["status"] == .string("active") && active.attributes["opened"] == .string("2017-08-24"))
        let closed = try #require(try store.entityDetail(id: "neo4j:Crime:51", for: Fixture.viewer))
        #expect(closed.attributes["status"] == .string("closed"))
        #expect(closed.links.map(\.other.id) == ["neo4j:Location:10"])

        try store.writer.read { db in
            let basis = try String.fetchOne(db, sql: """
                SELECT l.attrs ->> 'basis' FROM link l JOIN entity f ON f.id = l.from_id JOIN entity t ON t.id = l.to_id
                WHERE f.ref = 'neo4j:Person:1' AND t.ref = 'neo4j:Person:2' AND l.kind = 'associates_with'
                """)
            #expect(basis == #"["KNOWS","KNOWS_SN"]"#)
            let cousin = try String.fetchOne(db, sql: """
                SELECT l.attrs ->> 'basis' FROM link l JOIN entity t ON t.id = l.to_id
                WHERE t.ref = 'neo4j:Person:3' AND l.kind = 'associates_with' AND l.attrs LIKE '%FAMILY%'
                """)
            #expect(cousin == #"["FAMILY_REL:COUSIN"]"#)
            // Two calls from phone 20 to 21 widen one link; the call back is a link of its own.
            let calls = try Row.fetchAll(db, sql: """
                SELECT f.ref AS caller, first_seen, last_seen, l.attrs ->> 'calls' AS calls FROM link l
                JOIN entity f ON f.id = l.from_id WHERE l.kind = 'contacted' ORDER BY f.ref
                """).map { "\($0["caller"] as String) \($0["first_seen"] as String) \($0["last_seen"] as String) \($0["calls"] as Int)" }
            #expect(calls == ["neo4j:Phone:20 2017-08-04 2017-08-20 2", "neo4j:Phone:21 2017-08-10 2017-08-10 1"])
            let audit = try String.fetchOne(db, sql: "SELECT records ->> 'file' FROM audit_log WHERE operation = 'collection'")
            #expect(audit == "\(directory.path) (converted from neo4j-csv)")
        }
    }

    @Test func convertingTwiceChangesNothing() throws {
        let store = try Fixture.fileStore()
        let directory = try Neo4jCSVConverterTests.directory()
        try store.importNeo4jCSV(directory: directory.path, options: ImportOptions(viewer: Fixture.viewer))
        let before = try Fixture.snapshot(store)
        let (_, again) = try store.importNeo4jCSV(directory: directory.path, options: ImportOptions(viewer: Fixture.viewer))
        #expect(again.entitiesAdded == 0 && again.entitiesUpdated == 0 && again.linksAdded == 0)
        #expect(try Fixture.snapshot(store) == before)
    }

    // MARK: - Malformed input

    static let malformed: [(String, [String], String, String)] = [
        ("t.relationships.KNOWS.csv", [":START_ID,:END_ID,:TYPE", "1,2,KNOWS", "1,99,KNOWS"],
         "t.relationships.KNOWS.csv:3", #"column ':END_ID': no node has the :ID "99""#),
        ("t.nodes.Phone.csv", [":ID,number,:LABEL", "20,07700 900001,Phone"],
         "t.nodes.Phone.csv:1", "column 'phoneNo': missing from the header"),
        ("t.nodes.Email.csv", [":ID,email_address", "30,otter@example.org"],
         "t.nodes.Email.csv:1", "column ':LABEL': missing from the header"),
        ("t.nodes.Location.csv.gz", [":ID,latitude:double,postcode,longitude:double,address,:LABEL", "10,north,ZZ1 1AA,-2.9,1 Test Street,Location"],
         "t.nodes.Location.csv.gz:2", #"column 'latitude:double': "north" is not a number"#),
        ("t.nodes.Location.csv.gz", [":ID,latitude:double,postcode,longitude:double,address,:LABEL", "10,53.4,NOT A CODE,-2.9,1 Test Street,Location"],
         "t.nodes.Location.csv.gz:2", "column 'postcode': \"NOT A CODE\" is not a UK postcode"),
        ("t.nodes.Crime.csv", [":ID,date,type,:LABEL", "50,2017-08-24,Drugs,Crime", "51,31/02/2017,Drugs,Crime"],
         "t.nodes.Crime.csv:3", "column 'date': \"31/02/2017\" is not a date"),
        ("t.nodes.Vehicle.csv", [":ID,reg,:LABEL", "1,ZZ01 AAA,Vehicle"],
         "t.nodes.Vehicle.csv:2", #"column ':ID': "1" is already the :ID of the node at"#),
        ("t.nodes.Person.csv", [":ID,surname,name,:LABEL", "1,Otter,Amber,Person", "2,Heron"],
         "t.nodes.Person.csv:3", "2 cells, but the header has 4 columns"),
    ]

    @Test(arguments: malformed)
    func malformedInputIsNamedByFileLineAndColumn(file: String, lines: [String], at location: String, message: String) throws {
        let store = try Fixture.fileStore()
        let directory = try Neo4jCSVConverterTests.directory([file: lines])
        let error = try #require(throws: StoreError.self) {
            try store.importNeo4jCSV(directory: directory.path, options: ImportOptions(viewer: Fixture.viewer))
        }
        #expect(error.location?.file.hasSuffix("/" + location.split(separator: ":")[0]) == true)
        #expect(error.location?.line == Int(location.split(separator: ":")[1]))
        #expect(error.description.contains(location) && error.description.contains(message), "\(error)")
        #expect(try store.stats().entities == 0)
    }

    @Test(arguments: ["not gzip", "cut short"])
    func badGzipIsAnError(damage: String) throws {
        let directory = try Neo4jCSVConverterTests.directory()
        let path = directory.appendingPathComponent("t.nodes.Location.csv.gz").path
        if damage == "not gzip" {
            try "plain text\n".write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            let bytes = try #require(FileManager.default.contents(atPath: path))
            try bytes.prefix(bytes.count - 12).write(to: URL(fileURLWithPath: path))
        }
        let error = try #require(throws: StoreError.self) {
            try Neo4jCSVConverter().convert(directory: directory.path, to: directory.appendingPathComponent("out.jsonl").path)
        }
        #expect(error.location?.file == path)
        #expect(error.description.contains(damage == "not gzip" ? "not gzip-compressed" : "damaged or cut short"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.jsonl").path))
    }

    @Test func anErrorTheImporterFindsIsNamedAtItsSourceRow() throws {
        let store = try Fixture.fileStore()
        try store.importNeo4jCSV(directory: try Neo4jCSVConverterTests.directory().path,
                                 options: ImportOptions(viewer: Fixture.viewer))
        // Person 2 was stored as an adult; an age of 15 makes the same id a child.
        let directory = try Neo4jCSVConverterTests.directory(["t.nodes.Person.csv": [
            ":ID,surname,name,age,:LABEL", "1,Otter,Amber,,Person", "2,Heron,Grey,15,Person", "3,Vole,Birch,12,Person",
        ]])
        let error = try #require(throws: StoreError.self) {
            try store.importNeo4jCSV(directory: directory.path, options: ImportOptions(viewer: Fixture.viewer))
        }
        #expect(error.location?.file.hasSuffix("/t.nodes.Person.csv") == true && error.location?.line == 3, "\(error)")
        #expect(error.description.contains("kind cannot change"), "\(error)")
    }

    @Test func aDirectoryWithoutNodeFilesIsAnError() throws {
        let directory = try Fixture.directory()
        let error = try #require(throws: StoreError.self) {
            try Neo4jCSVConverter().convert(directory: directory.path, to: directory.appendingPathComponent("out.jsonl").path)
        }
        #expect(error.description.contains("no Neo4j node files"))
    }

    // MARK: - The POLE data set

    /// The package root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let pole = root.appendingPathComponent("../shared/peers/pole").standardizedFileURL.path

    struct KnownAnswers: Decodable {
        struct FileCounts: Decodable, Equatable {
            let rows: Int
            let mapped: Int
            let dropped: Int
        }

        let entities: [String: Int]
        let links: [String: Int]
        let phone_fallbacks: Int
        let files: [String: FileCounts]
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: pole),
                   "the POLE data set is not at ../shared/peers/pole beside the package; skipped"))
    func thePOLEDataSetImportsWithTheKnownCounts() throws {
        let known = try JSONDecoder().decode(KnownAnswers.self, from: Data(contentsOf: Neo4jCSVConverterTests.root
            .appendingPathComponent("Tests/GraphStoreTests/KnownAnswers/pole_counts.json")))
        let store = try Fixture.fileStore()
        let clock = ContinuousClock()
        let started = clock.now
        let (conversion, summary) = try store.importNeo4jCSV(directory: Neo4jCSVConverterTests.pole,
                                                             options: ImportOptions(viewer: Fixture.viewer))
        let elapsed = clock.now - started
        print("POLE: \(summary.records) records (\(summary.entitiesAdded) entities, \(summary.linksAdded) links) in \(elapsed)")
        #expect(elapsed < .seconds(120), "the POLE import should take seconds")

        let byKind = try store.stats().byKind
        for kind in EntityKind.allCases {
            #expect(byKind[kind] == known.entities[kind.rawValue] ?? 0, "\(kind)")
        }
        #expect(try Neo4jCSVConverterTests.linksByKind(store) == known.links)
        #expect(conversion.phoneFallbacks == known.phone_fallbacks)
        #expect(Dictionary(uniqueKeysWithValues: conversion.files.map {
            ($0.name, KnownAnswers.FileCounts(rows: $0.rows, mapped: $0.mapped, dropped: $0.dropped))
        }) == known.files)
    }
}
