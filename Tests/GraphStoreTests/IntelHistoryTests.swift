import GRDB
import GraphCore
import GraphStore
import Testing

/// Editing an intelligence report: the version it replaces is kept with who, when and why;
/// a wrong edit keeps nothing. Records are synthetic.
struct IntelHistoryTests {
    static let picture = """
        {"record":"entity","id":"CH1","kind":"child","name":"Synthetic Child","area":"E08000012"}
        {"record":"entity","id":"AD1","kind":"adult","name":"Synthetic Adult","area":"E08000012"}
        {"record":"intel","id":"IN1","date":"2026-02-01","source_evaluation":"2","intelligence_assessment":"C","handling_code":"P","agency":"education","text":"First account.","about":["CH1"]}
        {"record":"link","from":"AD1","to":"CH1","kind":"associates_with","intel":["IN1"]}
        """
    static let editor = Viewer.commandLine(name: "coordinator", purpose: "intelligence edit test")

    static func edit(_ fields: [String: JSONValue]) -> [String: JSONValue] {
        var report: [String: JSONValue] = ["record": "intel", "id": "IN1", "date": "2026-02-01", "source_evaluation": "1",
                                           "intelligence_assessment": "B", "handling_code": "P", "text": "Corroborated account."]
        report.merge(fields) { $1 }
        return report
    }

    @Test(arguments: [false, true])
    func anEditKeepsTheVersionItReplaces(onFile: Bool) throws {
        let store = onFile ? try Fixture.fileStore() : try Fixture.memoryStore()
        try Fixture.load(store, Self.picture)
        let vehicle: [String: JSONValue] = ["record": "entity", "id": "VE1", "kind": "vehicle", "vrm": "zz01 zzz"]
        let link: [String: JSONValue] = ["record": "link", "from": "AD1", "to": "VE1", "kind": "drives", "intel": .array(["IN1"])]
        let kept = try store.transaction { tx in
            try tx.editIntel("IN1", records: [Self.edit([:]), vehicle, link], reason: "source since tested", by: Self.editor)
        }
        #expect(kept == 1)
        let report = try #require(try store.reading { tx in try tx.intelReport("IN1") })
        #expect(report.grading.description == "1B P" && report.text == "Corroborated account.")
        #expect(report.agency == "education", "a field the edit leaves out keeps its value")
        #expect(report.about.map(\.id) == ["CH1"])
        #expect(Set(report.links.map { "\($0.from.id) \($0.kind.rawValue) \($0.to.id)" }) == ["AD1 associates_with CH1", "AD1 drives VE1"])
        let version = try #require(report.history.first)
        #expect(report.history.count == 1 && version.version == 1)
        #expect(version.grading == "2C P" && version.fields["text"] == "First account." && version.fields["about"] == .array(["CH1"]))
        #expect(version.changedBy == "coordinator" && version.reason == "source since tested" && version.changedAt.hasSuffix("Z"))
        let audit = try #require(try store.auditEntries(limit: 1).first)
        #expect(audit.operation == "alteration" && audit.records.contains("source since tested"))

        // A second edit keeps the first edit's version as version 2, newest first.
        try store.transaction { tx in
            try tx.editIntel("IN1", records: [Self.edit(["handling_code": "C", "handling_conditions": "Police only"])],
                             reason: "conditions agreed with the source agency", by: Self.editor)
        }
        let again = try #require(try store.reading { tx in try tx.intelReport("IN1") })
        #expect(again.history.map(\.version) == [2, 1] && again.history.first?.grading == "1B P")
        #expect(again.grading.handling == .c && again.handlingConditions == "Police only")
    }

    @Test(arguments: [
        (["intelligence_assessment": "Q"], "intelligence_assessment"),
        (["source_evaluation": "5"], "source_evaluation"),
        (["handling_code": "C"], "handling_conditions"),
        (["date": "yesterday"], "date"),
    ] as [([String: JSONValue], String)])
    func aWrongEditKeepsNothing(fields: [String: JSONValue], field: String) throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Self.picture)
        let before = try store.auditEntries(limit: 100).count
        let vehicle: [String: JSONValue] = ["record": "entity", "id": "VE2", "kind": "vehicle", "vrm": "zz02 zzz"]
        #expect {
            try store.transaction { tx in try tx.editIntel("IN1", records: [Self.edit(fields), vehicle], reason: "regrade", by: Self.editor) }
        } throws: { error in
            (error as? StoreError)?.field == field
        }
        let report = try #require(try store.reading { tx in try tx.intelReport("IN1") })
        #expect(report.grading.description == "2C P" && report.text == "First account." && report.history.isEmpty)
        #expect(try store.entityRowid(for: "VE2") == nil)
        #expect(try store.auditEntries(limit: 100).count == before)
    }

    @Test func anEditNeedsAReasonAndAnExistingReport() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Self.picture)
        #expect { try store.transaction { tx in try tx.editIntel("IN1", records: [Self.edit([:])], reason: "  ", by: Self.editor) } }
            throws: { ($0 as? StoreError)?.field == "reason" }
        #expect(try store.transaction { tx in try tx.editIntel("IN404", records: [Self.edit(["id": "IN404"])], reason: "why", by: Self.editor) } == nil)
        #expect { try store.transaction { tx in try tx.editIntel("IN1", records: [Self.edit(["id": "IN2"])], reason: "why", by: Self.editor) } }
            throws: { ($0 as? StoreError)?.field == "id" }
        // Entering a report under a taken id would change it without its history.
        #expect { try store.transaction { tx in try tx.enterIntel([Self.edit([:])], by: Self.editor) } }
            throws: { ($0 as? StoreError)?.field == "id" }
        #expect(try store.reading { tx in try tx.intelReport("IN1") }?.history.isEmpty == true)
    }

    @Test func earlierVersionsCannotBeRewritten() throws {
        let store = try Fixture.memoryStore()
        try Fixture.load(store, Self.picture)
        try store.transaction { tx in try tx.editIntel("IN1", records: [Self.edit([:])], reason: "regrade", by: Self.editor) }
        #expect(throws: (any Error).self) {
            try store.writer.write { db in try db.execute(sql: "UPDATE intel_history SET reason = 'rewritten'") }
        }
    }
}
