import Foundation
import Testing
import GraphCore
import GraphStore
import SyntheticData
@testable import GraphQuery

/// The association answer is written straight to bytes (`JSONWriter`); it must be the very
/// JSON the tree writer gives, key order and all, for every entity and link of a generated
/// picture, since the service sends those bytes as they are.
struct AnswerBytesTests {
    static func generatedEngine() throws -> QueryEngine {
        let directory = try QueryFixture.directory()
        let path = directory.appendingPathComponent("small.jsonl").path
        let output = try TextOutput(path: path)
        _ = try Generator(seed: 5, scale: .small).write(to: output)
        try output.close()
        let store = try Store.open(path: directory.appendingPathComponent("test.sqlite").path)
        try store.importFile(at: path, options: ImportOptions(viewer: QueryFixture.viewer))
        return QueryEngine(store: store)
    }

    @Test func everyEntityAndLinkWritesAsItsTree() throws {
        let view = try Self.generatedEngine().snapshot().view(QueryFilter())
        #expect(view.snapshot.entityCount > 100 && view.snapshot.linkCount > 100)
        for entity in 0..<Int32(view.snapshot.entityCount) {
            var writer = JSONWriter()
            view.writeEntity(entity, hops: 2, to: &writer)
            #expect(writer.bytes == view.entityJSON(entity, ["hops": .int(2)]).jsonBytes, "entity \(view.snapshot.ref(entity))")
        }
        for link in 0..<Int32(view.snapshot.linkCount) {
            var writer = JSONWriter()
            view.writeLink(link, to: &writer)
            #expect(writer.bytes == view.linkJSON(link).jsonBytes, "link \(link)")
        }
    }

    @Test func anAssociationAnswerIsCanonicalJSON() throws {
        let engine = try Self.generatedEngine()
        let view = try engine.snapshot().view(QueryFilter())
        let people = (0..<Int32(view.snapshot.entityCount)).filter { ["child", "adult"].contains(view.snapshot.kind($0).rawValue) }
        for entity in people.prefix(25) {
            let answer = try engine.associations(of: view.snapshot.ref(entity), hops: 2, filter: QueryFilter(), viewer: QueryFixture.viewer)
            // Read back and written again by the tree writer: the same bytes.
            #expect(answer.jsonBytes == answer.json.jsonBytes, "\(view.snapshot.ref(entity))")
            let entities = answer.json["entities"]?.arrayValue ?? []
            #expect(entities.count == answer.recordIds.count && answer.json["root"]?.stringValue == view.snapshot.ref(entity))
            // The terminal's lines, made when read: a heading, then every entity but the root.
            #expect(answer.text.count == entities.count && answer.text.first?.contains("entities within 2 links of \(view.snapshot.ref(entity))") == true,
                    "\(answer.text.first ?? "")")
        }
    }
}
