import Foundation
import Testing
import GraphCore
@testable import GraphStore

/// Every rule of the import contract (FORMAT.md §1-2) broken once: the error names the file,
/// line and field, and the database is exactly as it was.
struct ImportRulesTests {
    static let valid = #"{"record":"entity","id":"NEW1","kind":"child","name":"Birch Vole"}"#

    static let jsonCases: [(String, Int, String?, String)] = [
        // Each line alone.
        ("{\"record\":\"entity\",\"id\":\"X\",\"kind\":\"child\"", 2, nil, "not valid JSON"),
        ("[1,2]", 2, nil, "must be a JSON object"),
        (#"{"record":"widget","id":"X"}"#, 2, "record", "unknown record type"),
        (#"{"record":"entity","id":"X","kind":"child"}"#, 2, "name", "required for a child"),
        (#"{"record":"entity","id":"X","kind":"robot","name":"A"}"#, 2, "kind", "unknown entity kind"),
        (#"{"record":"entity","id":"X","kind":"vehicle","vrm":"!!"}"#, 2, "vrm", "not a vehicle registration"),
        (#"{"record":"entity","id":"X","kind":"phone","number":"call me"}"#, 2, "number", "not a phone number"),
        (#"{"record":"entity","id":"X","kind":"child","name":"A","risk":"seraf:extreme"}"#, 2, "risk", "not a risk level"),
        (#"{"record":"entity","id":"X","kind":"child","name":"A","dob":"2012-02-30"}"#, 2, "dob", "not a date"),
        (#"{"record":"intel","id":"X","date":"2026-03-01","source_evaluation":"5","intelligence_assessment":"B","handling_code":"P"}"#, 2, "source_evaluation", "not valid"),
        (#"{"record":"intel","id":"X","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"Z","handling_code":"P"}"#, 2, "intelligence_assessment", "not valid"),
        (#"{"record":"intel","id":"X","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"C"}"#, 2, "handling_conditions", "required"),
        (#"{"record":"link","from":"A1","to":"C1","kind":"knows"}"#, 2, "kind", "unknown link kind"),
        (#"{"record":"link","from":"A1","to":"C1","kind":"associates_with","first_seen":"2026-05-01","last_seen":"2026-01-01"}"#, 2, "last_seen", "before first_seen"),
        (#"{"record":"area","code":"X","name":"Y","area_type":"local_authority"}"#, 2, "force", "required"),
        // Rules that need the rest of the file or the store.
        (#"{"record":"link","from":"A1","to":"NOBODY","kind":"associates_with"}"#, 2, "to", "no entity has the id NOBODY"),
        (#"{"record":"link","from":"GHOST","to":"C1","kind":"associates_with"}"#, 2, "from", "no entity has the id GHOST"),
        (#"{"record":"link","from":"V1","to":"A1","kind":"drives"}"#, 2, "kind", "cannot go from a vehicle to an adult"),
        (#"{"record":"link","from":"C1","to":"I1","kind":"associates_with"}"#, 2, "to", "intelligence report, not an entity"),
        (#"{"record":"link","from":"A1","to":"C1","kind":"associates_with","intel":["I404"]}"#, 2, "intel", "no intelligence report has the id I404"),
        (#"{"record":"link","from":"A1","to":"C1","kind":"associates_with","intel":["V1"]}"#, 2, "intel", "is an entity"),
        (#"{"record":"intel","id":"I9","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","about":["NOBODY"]}"#, 2, "about", "no entity has the id NOBODY"),
        (#"{"record":"intel","id":"I9","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","about":["C1"],"harm_from":["A1"]}"#, 2, "harm_from", "in harm_from but not in about"),
        (#"{"record":"intel","id":"I9","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","harm_from":["NOBODY"]}"#, 2, "about", "no entity has the id NOBODY"),
        (#"{"record":"link","from":"A1","to":"C1","kind":"associates_with","concern":true}"#, 2, "concern", "name the reports in intel"),
        (#"{"record":"link","from":"A1","to":"C1","kind":"associates_with","intel":["I1"],"concern":"yes"}"#, 2, "concern", "expected true or false"),
        (#"{"record":"intel","id":"C1","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P"}"#, 2, "id", "already the id of a child"),
        (#"{"record":"entity","id":"I1","kind":"child","name":"A"}"#, 2, "id", "already the id of an intelligence report"),
        (#"{"record":"entity","id":"C1","kind":"adult","name":"A"}"#, 2, "kind", "kind cannot change"),
        (#"{"record":"entity","id":"X","kind":"child","name":"A","area":"E99999999"}"#, 2, "area", "no area has the code E99999999"),
        (#"{"record":"entity","id":"X","kind":"operation","name":"A","lead_force":"E08000012"}"#, 2, "lead_force", "is a local authority"),
        (#"{"record":"entity","id":"V2","kind":"vehicle","vrm":"ZZ02BBB"}"# + "\n" + #"{"record":"entity","id":"V2","kind":"vehicle","vrm":"ZZ01AAA"}"#, 3, "vrm", "already belongs to another vehicle"),
        (#"{"record":"entity","id":"V9","kind":"vehicle","vrm":"ZZ01 AAA"}"# + "\n" + #"{"record":"link","from":"V9","to":"V1","kind":"associates_with"}"#, 3, "kind", "cannot go from a vehicle"),
        (#"{"record":"entity","id":"P9","kind":"phone","number":"+447700900123"}"# + "\n" + #"{"record":"link","from":"P1","to":"P9","kind":"contacted"}"#, 3, "to", "same entity"),
        (#"{"record":"entity","id":"C1","kind":"child","name":null}"#, 2, "name", "required for a child"),
    ]

    @Test(arguments: jsonCases)
    func badJSONLinesChangeNothing(text: String, line: Int, field: String?, message: String) throws {
        let store = try Fixture.fileStore()
        try Fixture.load(store, Fixture.baseline)
        let before = try Fixture.snapshot(store)
        let audits = try Fixture.auditCount(store)
        let path = try Fixture.file(ImportRulesTests.valid + "\n" + text + "\n" + #"{"record":"entity","id":"NEW2","kind":"adult","name":"Late"}"#)
        do {
            try store.importFile(at: path, options: ImportOptions(viewer: Fixture.viewer))
            Issue.record("the import was accepted")
        } catch let error as StoreError {
            #expect(error.location == SourceLocation(file: path, line: line), "\(error)")
            #expect(error.field == field, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.contains("\(path):\(line):"))
        }
        #expect(try Fixture.snapshot(store) == before)
        #expect(try Fixture.auditCount(store) == audits)
    }

    static let csvCases: [(String, String, Int, String?, String)] = [
        ("vehicle", "id,vrm,taxi\nV5,ZZ05EEE,true\nV6,ZZ06FFF,perhaps\n", 3, "taxi", "not true or false"),
        ("vehicle", "id,vrm,taxi\nV5,ZZ05EEE,true\nV6,ZZ06FFF\n", 3, nil, "cells but the header has"),
        ("vehicle", "id,vrm\nV5,\"ZZ05EEE\n", 2, nil, "quoted cell is not closed"),
        ("vehicle", "id,vrm,make\nV5,,Ford\n", 2, "vrm", "required for a vehicle"),
        ("link", "from,to,kind,intel\nA1,C1,associates_with,I1;I404\n", 2, "intel", "no intelligence report has the id I404"),
        ("intel", "id,date,source_evaluation,intelligence_assessment,handling_code\nI7,2026-01-01,2,B,C\n", 2, "handling_conditions", "required"),
        ("location", "id,name,lat\nL7,Park,north\n", 2, "lat", "not a number"),
        ("area", "code,name,area_type,force\nX9,Nowhere,local_authority,atlantis\n", 2, "force", "no area has the code atlantis"),
    ]

    @Test(arguments: csvCases)
    func badCSVChangesNothing(kind: String, text: String, line: Int, field: String?, message: String) throws {
        let store = try Fixture.fileStore()
        try Fixture.load(store, Fixture.baseline)
        let before = try Fixture.snapshot(store)
        let path = try Fixture.file(text, name: "\(kind).csv")
        do {
            try store.importFile(at: path, options: ImportOptions(format: .csv(kind: kind), viewer: Fixture.viewer))
            Issue.record("the import was accepted")
        } catch let error as StoreError {
            #expect(error.location?.line == line, "\(error)")
            #expect(error.field == field, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test func aMissingFileIsAClearError() throws {
        let store = try Fixture.memoryStore()
        #expect(throws: StoreError.self) {
            try store.importFile(at: "/nonexistent/picture.jsonl", options: ImportOptions(viewer: Fixture.viewer))
        }
    }
}
