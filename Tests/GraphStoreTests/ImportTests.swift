import Foundation
import GRDB
import Testing
import GraphCore
@testable import GraphStore

struct ImportTests {
    @Test func importingTwiceChangesNothing() throws {
        let store = try Fixture.fileStore()
        let path = try Fixture.generated()
        let first = try store.importFile(at: path, options: ImportOptions(viewer: Fixture.viewer))
        #expect(first.entitiesAdded == 2_000 && first.linksAdded == 10_000 && first.intelAdded == 1_000)
        let before = try Fixture.snapshot(store)
        let second = try store.importFile(at: path, options: ImportOptions(viewer: Fixture.viewer))
        #expect(second.entitiesAdded == 0 && second.linksAdded == 0 && second.intelAdded == 0)
        #expect(second.entitiesUpdated == 0 && second.intelUpdated == 0)
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test func linksMayComeBeforeTheirEntities() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, """
            {"record":"link","from":"A1","to":"C1","kind":"associates_with","intel":["I1"]}
            {"record":"intel","id":"I1","date":"2026-01-01","source_evaluation":"2","intelligence_assessment":"C","handling_code":"P","about":["C1"]}
            {"record":"entity","id":"C1","kind":"child","name":"Fern Hare"}

            {"record":"entity","id":"A1","kind":"adult","name":"Onyx Rook"}
            """)
        let detail = try #require(try store.entityDetail(id: "C1", for: Fixture.viewer))
        #expect(detail.links.map(\.other.id) == ["A1"])
        #expect(detail.links.first?.intel.map(\.id) == ["I1"])
        #expect(detail.about.map(\.id) == ["I1"])
    }

    @Test func aByteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        let store = try Fixture.memoryStore()
        let text = "\u{FEFF}" + #"{"record":"entity","id":"C1","kind":"child","name":"Fern Hare"}"# + "\r\n\r\n"
            + #"{"record":"entity","id":"A1","kind":"adult","name":"Onyx Rook"}"# + "\r\n"
            + #"{"record":"link","from":"A1","to":"C1","kind":"associates_with"}"#
        let summary = try Fixture.load(store, text)
        #expect(summary.entitiesAdded == 2 && summary.linksAdded == 1)
    }

    @Test(arguments: [
        (#"{"record":"entity","id":"V2","kind":"vehicle","vrm":"ZZ01 AAA","colour":"red"}"#, "V2", "V1"),
        (#"{"record":"entity","id":"P2","kind":"phone","number":"+44 7700 900123"}"#, "P2", "P1"),
        (#"{"record":"entity","id":"H2","kind":"handle","platform":"snapchat","handle":"night_owl"}"#, "H2", "H1"),
    ])
    func entitiesWithTheSameKeyAreOne(record: String, alias: String, original: String) throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        let summary = try Fixture.load(store, record + "\n" + #"{"record":"link","from":"C1","to":"\#(alias)","kind":"subject_of"}"#.replacing("subject_of", with: alias.hasPrefix("V") ? "passenger_in" : (alias.hasPrefix("P") ? "uses_phone" : "uses_handle")))
        #expect(summary.idsMerged == 1 && summary.entitiesAdded == 0)
        let detail = try #require(try store.entityDetail(id: alias, for: Fixture.viewer))
        #expect(detail.id == original)
        #expect(detail.ids == [original, alias])
        #expect(detail.links.contains { $0.other.id == "C1" })
        #expect(try store.stats().entities == 8)
    }

    @Test func aRepeatedLinkMergesIntelligenceAndWidensDates() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        let summary = try Fixture.load(store, """
            {"record":"link","from":"A1","to":"C1","kind":"associates_with","first_seen":"2025-12-01","last_seen":"2026-02-10","intel":["I2"],"note":"seen together at a park"}
            {"record":"link","from":"C1","to":"A1","kind":"associates_with"}
            """)
        // The reverse link is another link: FORMAT.md identifies links by (from, to, kind).
        #expect(summary.linksAdded == 1 && summary.linksMerged == 1)
        let detail = try #require(try store.entityDetail(id: "A1", for: Fixture.viewer))
        let link = try #require(detail.links.first { $0.kind == .associatesWith && $0.direction == "out" })
        #expect(link.firstSeen == "2025-12-01" && link.lastSeen == "2026-03-01")
        #expect(link.intel.map(\.id) == ["I1", "I2"])
        #expect(link.note == "seen together at a park")
        #expect(detail.links.contains { $0.kind == .associatesWith && $0.direction == "in" && $0.intel.isEmpty })
    }

    @Test func fieldsGivenReplaceStoredOnesAndNullRemovesThem() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        let summary = try Fixture.load(store, #"{"record":"entity","id":"C1","kind":"child","name":"Amber Otter","risk":"llr:high","dob":null,"school_year":9}"#)
        #expect(summary.entitiesUpdated == 1)
        let detail = try #require(try store.entityDetail(id: "C1", for: Fixture.viewer))
        #expect(detail.attributes["risk"] == .string("llr:high"))
        #expect(detail.attributes["dob"] == nil)
        #expect(detail.attributes["aliases"] == .array([.string("Otter")]))
        #expect(detail.attributes["school_year"] == .number("9"))
    }

    @Test func aFieldUnknownToAKindIsKeptAsGiven() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, #"{"record":"entity","id":"A9","kind":"adult","name":"Zed Auk","risk":"medium","living":"castle"}"#)
        let adult = try #require(try store.entityDetail(id: "A9", for: Fixture.viewer))
        #expect(adult.attributes["risk"] == .string("medium") && adult.attributes["living"] == .string("castle"))
    }

    @Test func csvFilesOfEachKindImport() throws {
        let store = try Fixture.fileStore()
        try Fixture.load(store, Fixture.baseline)
        try Fixture.load(store, "id,vrm,make,colour,taxi\nV5,\"zz05 eee\",Skoda,\"silver, dented\",yes\n", name: "vehicles.csv",
                         format: .csv(kind: "vehicle"))
        try Fixture.load(store, "id,name,aliases,risk\nC5,Sage Newt,Newt;Sagey,seraf:mild\n", name: "children.csv",
                         format: .csv(kind: "child"))
        try Fixture.load(store, "id,date,source_evaluation,intelligence_assessment,handling_code,about\nI5,2026-04-01,2,C,P,C5;V5\n",
                         name: "intel.csv", format: .csv(kind: "intel"))
        try Fixture.load(store, "from,to,kind,first_seen,intel\nC5,V5,passenger_in,2026-04-01,I5\n", name: "links.csv",
                         format: .csv(kind: "link"))
        let detail = try #require(try store.entityDetail(id: "C5", for: Fixture.viewer))
        #expect(detail.attributes["aliases"] == .array([.string("Newt"), .string("Sagey")]))
        #expect(detail.links.first?.other.label == "ZZ05EEE")
        #expect(detail.links.first?.intel.first?.grading == "2C P")
        let vehicle = try #require(try store.entityDetail(id: "V5", for: Fixture.viewer))
        #expect(vehicle.attributes["colour"] == .string("silver, dented") && vehicle.attributes["taxi"] == .bool(true))
    }

    @Test func exportThenImportGivesTheSameStatsAndEntities() throws {
        let store = try Fixture.fileStore()
        try store.importFile(at: try Fixture.generated(), options: ImportOptions(viewer: Fixture.viewer))
        try Fixture.load(store, Fixture.baseline)
        try Fixture.load(store, #"{"record":"entity","id":"V2","kind":"vehicle","vrm":"ZZ01 AAA"}"#)
        let copy = try Fixture.exportedCopy(of: store)
        #expect(try copy.stats() == (try store.stats()))
        let ids = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT ref FROM ref WHERE entity_id IS NOT NULL") }
        #expect(ids.count == 2_009)
        for id in ids {
            #expect(try copy.entityDetail(id: id, for: Fixture.viewer) == (try store.entityDetail(id: id, for: Fixture.viewer)), "\(id)")
        }
    }

    @Test func eachImportIsAuditedAndTheChainVerifies() throws {
        let store = try Fixture.fileStore()
        try Fixture.load(store, Fixture.baseline)
        _ = try store.search("amber", for: Fixture.viewer)
        _ = try store.entityDetail(id: "C1", for: Viewer.commandLine(name: "panel-chair", purpose: "MACCSE panel"))
        let entries = try store.auditEntries()
        #expect(entries.map(\.operation) == ["consultation", "consultation", "collection"])
        let collection = try #require(entries.last)
        #expect(collection.actor == "test-analyst" && collection.justification == "automated test")
        let records = try JSONParser.parse(collection.records).objectValue ?? [:]
        #expect(records["entities_added"] == .number("8"))
        #expect(records["ids"]?.arrayValue?.contains(.string("C1")) == true)
        #expect(try store.verifyAuditLog().isIntact && store.verifyAuditLog().rows == 3)

        // The log refuses edits; a tamperer who drops the guard is caught by the chain.
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2") }
        }
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "DELETE FROM audit_log") }
        }
        try store.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
        }
        #expect(try store.verifyAuditLog().firstBrokenSeq == 2)
    }
}

struct BulkLoadTests {
    /// A first import into an empty store drops and rebuilds indexes; a failure must leave
    /// the schema whole as well as the data.
    @Test func aFailedBulkLoadLeavesSchemaAndDataIntact() throws {
        let store = try Fixture.fileStore()
        let schema = { try store.writer.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name") } }
        let before = try schema()
        #expect(throws: StoreError.self) {
            try Fixture.load(store, Fixture.baseline + "\n" + #"{"record":"link","from":"C1","to":"NOBODY","kind":"associates_with"}"#)
        }
        #expect(try schema() == before)
        #expect(try store.stats().entities == 0)

        try Fixture.load(store, Fixture.baseline)
        #expect(try schema() == before)
        #expect(try store.stats().links == 7)
        #expect(throws: (any Error).self) {
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO link (from_id, to_id, kind, created_at) SELECT v.id, a.id, 'drives', 'now' FROM entity v, entity a WHERE v.ref = 'V1' AND a.ref = 'A1'")
            }
        }
        // A repeated link in the same bulk file merges rather than breaking the rebuilt unique index.
        let again = try Fixture.fileStore()
        let summary = try Fixture.load(again, Fixture.baseline + "\n" + #"{"record":"link","from":"A1","to":"C1","kind":"associates_with","intel":["I2"]}"#)
        #expect(summary.linksAdded == 7 && summary.linksMerged == 1)
    }
}

/// Updates and merges across and within files (regressions found in review).
struct UpdateTests {
    @Test func anEntityUpdatedTwiceInOneFileKeepsTheIndexWhole() throws {
        let store = try Fixture.fileStore()
        try Fixture.load(store, Fixture.baseline)
        let twice = """
            {"record":"entity","id":"C1","kind":"child","name":"Beta Otter"}
            {"record":"entity","id":"C1","kind":"child","name":"Gamma Otter"}
            """
        try Fixture.load(store, twice)
        try Fixture.load(store, twice)
        #expect(try store.search("gamma", for: Fixture.viewer).map(\.id) == ["C1"])
        #expect(try store.search("beta", for: Fixture.viewer).isEmpty)
        #expect(try store.search("amber", for: Fixture.viewer).isEmpty)
        // FTS5's own check compares the index with the content table; it throws on a mismatch.
        try store.writer.write { db in try db.execute(sql: "INSERT INTO entity_fts(entity_fts) VALUES ('integrity-check')") }
    }

    @Test(arguments: [true, false])
    func aChangedKeyFreesTheOldOne(inOneFile: Bool) throws {
        let store = try Fixture.fileStore()
        let lines = [
            #"{"record":"entity","id":"VE1","kind":"vehicle","vrm":"AB12CDE","colour":"red"}"#,
            #"{"record":"entity","id":"VE1","kind":"vehicle","vrm":"XY99ZZZ"}"#,
            #"{"record":"entity","id":"VE2","kind":"vehicle","vrm":"ab12 cde","colour":"blue"}"#,
        ]
        if inOneFile {
            try Fixture.load(store, lines.joined(separator: "\n"))
        } else {
            for line in lines { try Fixture.load(store, line) }
        }
        #expect(try store.stats().byKind[.vehicle] == 2)
        #expect(try store.entityDetail(id: "VE1", for: Fixture.viewer)?.label == "XY99ZZZ")
        #expect(try store.entityDetail(id: "VE2", for: Fixture.viewer)?.ids == ["VE2"])
    }

    @Test func mergedLinkDatesWidenOverEveryDateSeen() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        try Fixture.load(store, #"{"record":"link","from":"C1","to":"L1","kind":"frequents","first_seen":"2025-05-01"}"#)
        try Fixture.load(store, #"{"record":"link","from":"C1","to":"L1","kind":"frequents","last_seen":"2025-01-01"}"#)
        let link = try #require(try store.entityDetail(id: "L1", for: Fixture.viewer)?.links.first { $0.kind == .frequents })
        #expect(link.firstSeen == "2025-01-01" && link.lastSeen == "2025-05-01")
    }

    @Test func aPartialRecordUpdatesOnlyWhatItGives() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        try Fixture.load(store, #"{"record":"entity","id":"C1","kind":"child","risk":"llr:high"}"#)
        let child = try #require(try store.entityDetail(id: "C1", for: Fixture.viewer))
        #expect(child.label == "Amber Otter" && child.attributes["risk"] == .string("llr:high"))
        #expect(throws: StoreError.self) {
            try Fixture.load(store, #"{"record":"entity","id":"O1","kind":"operation","opened":"2026-09-01","closed":"2026-06-01"}"#)
        }
    }

    /// MARTHR's marks (issue 20): a report's `harm_from`, a link's `concern`, kept on the
    /// provenance rows, replaced by a later `harm_from`, never cleared by a repeated link, and
    /// carried through an export.
    @Test func harmFromAndConcernAreKeptReplacedAndExported() throws {
        let store = try Fixture.fileStore()
        try Fixture.load(store, Fixture.baseline)
        try Fixture.load(store, """
            {"record":"intel","id":"I7","date":"2026-03-07","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","about":["C1","A1"],"harm_from":["A1"]}
            {"record":"link","from":"A1","to":"C1","kind":"associates_with","intel":["I7"],"concern":true}
            """)
        func marks() throws -> (harm: [String], concern: [String]) {
            try store.writer.read { db in
                (try String.fetchAll(db, sql: """
                    SELECT i.ref || ':' || e.ref FROM intel_about a JOIN intel i ON i.id = a.intel_id JOIN entity e ON e.id = a.entity_id
                    WHERE a.harm = 1 ORDER BY 1
                    """),
                 try String.fetchAll(db, sql: "SELECT i.ref FROM link_support s JOIN intel i ON i.id = s.intel_id WHERE s.concern = 1 ORDER BY 1"))
            }
        }
        var found = try marks()
        #expect(found.harm == ["I7:A1"], "the entity harm is suggested from is marked, the other not")
        #expect(found.concern == ["I7"])
        // The same link again without the concern keeps it; more intelligence adds plain rows.
        try Fixture.load(store, #"{"record":"link","from":"A1","to":"C1","kind":"associates_with","intel":["I7","I2"]}"#)
        #expect(try marks().concern == ["I7"])
        // An export carries both marks, and a copy imported from it has them.
        let copy = try Fixture.exportedCopy(of: store)
        let copied = try copy.writer.read { db in
            (try String.fetchAll(db, sql: "SELECT i.ref FROM intel_about a JOIN intel i ON i.id = a.intel_id WHERE a.harm = 1"),
             try String.fetchAll(db, sql: "SELECT i.ref FROM link_support s JOIN intel i ON i.id = s.intel_id WHERE s.concern = 1 ORDER BY 1"))
        }
        #expect(copied.0 == ["I7"] && copied.1 == ["I7"])
        // A later harm_from replaces the marks; the report stays about what it was about.
        try Fixture.load(store, #"{"record":"intel","id":"I7","date":"2026-03-07","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","harm_from":[]}"#)
        found = try marks()
        #expect(found.harm.isEmpty)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM intel_about a JOIN intel i ON i.id = a.intel_id WHERE i.ref = 'I7'") } == 2)
    }

    @Test func anIntelligenceUpdateReplacesWhatItGives() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        try Fixture.load(store, #"{"record":"intel","id":"I2","date":"2026-03-05","source_evaluation":"1","intelligence_assessment":"B","handling_code":"P","about":["L1"],"text":null}"#)
        let report = try #require(try store.entityDetail(id: "L1", for: Fixture.viewer)?.about.first)
        #expect(report.id == "I2" && report.grading == "1B P" && report.handlingConditions == nil && report.text == nil)
        #expect(try store.entityDetail(id: "C1", for: Fixture.viewer)?.about.isEmpty == true)
        // A report re-sent without `about` keeps what it was about.
        try Fixture.load(store, #"{"record":"intel","id":"I2","date":"2026-03-05","source_evaluation":"1","intelligence_assessment":"B","handling_code":"P","agency":"education"}"#)
        #expect(try store.entityDetail(id: "L1", for: Fixture.viewer)?.about.first?.agency == "education")
    }

    @Test func anAreaStillInUseCannotChangeType() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Fixture.baseline)
        let path = try Fixture.file(#"{"record":"area","code":"merseyside","name":"Merseyside","area_type":"local_authority","force":"cheshire"}"#)
        do {
            try store.importFile(at: path, options: ImportOptions(viewer: Fixture.viewer))
            Issue.record("accepted")
        } catch let error as StoreError {
            #expect(error.field == "area_type" && error.location?.line == 1 && error.message.contains("merseyside"), "\(error)")
        }
        #expect(throws: StoreError.self) {
            try Fixture.load(store, #"{"record":"entity","id":"C8","kind":"child","name":"A","area":"merseyside"}"#)
        }
    }

    @Test func unknownAreaFieldsSurviveExport() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, #"{"record":"area","code":"X02","name":"Testfield","area_type":"local_authority","force":"merseyside","region":"north_west"}"#)
        let path = try Fixture.directory().appendingPathComponent("out.jsonl").path
        let output = try TextOutput(path: path)
        try store.exportJSONLines(to: output, recipient: path, for: Fixture.viewer)
        try output.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(#""code":"X02","name":"Testfield","area_type":"local_authority","force":"merseyside","region":"north_west""#))
        #expect(try store.auditEntries(limit: 1).first?.operation == "disclosure")
    }
}
