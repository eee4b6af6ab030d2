import Foundation
import Testing

/// `cegraph query` through the binary: FORMAT.md §3 shapes and exit statuses.
extension CLITests {
    @Test func queryVerbsPrintTheContractShapes() throws {
        #expect(try run("generate", "--seed", "3", "--scale", "small", "-o", "small.jsonl").status == 0)
        #expect(try run("--db", "q.sqlite", "import", "small.jsonl").status == 0)

        let associations = try json(try run("query", "associations", "CH0", "--hops", "2", "--json", "--db", "q.sqlite").stdout)
        #expect(associations["root"] as? String == "CH0")
        let entities = try #require(associations["entities"] as? [[String: Any]])
        #expect(entities.first?["hops"] as? Int == 0)
        #expect(entities.allSatisfy { $0["id"] is String && $0["kind"] is String && $0["label"] is String && $0["hops"] is Int })
        #expect((associations["links"] as? [[String: Any]])?.allSatisfy { $0["from"] is String && $0["to"] is String } == true)

        let path = try json(try run("query", "path", "CH0", "CH1", "--json", "--db", "q.sqlite").stdout)
        #expect((path["length"] as? Int ?? -2) >= 1)
        #expect((path["paths"] as? [[String: Any]])?.first?["entities"] is [String])

        for verb in [["common", "CH0", "CH1"], ["network", "CH0"], ["key-players", "--top", "5"], ["communities"],
                     ["co-location"], ["cross-border", "CH0"], ["marthr", "--top", "5"]] {
            let result = try run(["query"] + verb + ["--json", "--db", "q.sqlite"])
            #expect(result.status == 0, "\(verb): \(result.stderr)")
            _ = try json(result.stdout)
        }
        let marthr = try json(try run("query", "marthr", "--json", "--db", "q.sqlite").stdout)
        let candidates = try #require(marthr["candidates"] as? [[String: Any]])
        #expect(!candidates.isEmpty)
        #expect(candidates.allSatisfy { ($0["criteria"] as? [Int])?.isEmpty == false && $0["score"] is Double || $0["score"] is Int })
        let scores = candidates.compactMap { ($0["score"] as? NSNumber)?.doubleValue }
        #expect(scores == scores.sorted(by: >))
        let cross = try json(try run("query", "cross-border", "--json", "--db", "q.sqlite").stdout)
        #expect((cross["notify"] as? [[String: Any]])?.allSatisfy { $0["reasons"] is [String] && $0["force"] is String } == true)
    }

    @Test func queryErrorsExitOneAndUsageErrorsExitTwo() throws {
        #expect(try run("generate", "--seed", "3", "--scale", "small", "-o", "small.jsonl").status == 0)
        #expect(try run("--db", "q.sqlite", "import", "small.jsonl").status == 0)
        let unknown = try run("query", "path", "CH0", "NOPE", "--db", "q.sqlite")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no entity has the id NOPE"))
        let hops = try run("query", "associations", "CH0", "--hops", "9", "--db", "q.sqlite")
        #expect(hops.status == 1)
        #expect(hops.stderr.contains("--hops must be 1 to 6"))
        let grade = try run("query", "marthr", "--min-grade", "2E", "--db", "q.sqlite")
        #expect(grade.status == 2)
        #expect(grade.stderr.contains("--min-grade 2E"))
        let date = try run("query", "network", "CH0", "--since", "2026-13-01", "--db", "q.sqlite")
        #expect(date.status == 2)
        #expect(date.stderr.contains("--since 2026-13-01 is not a date"))
        let kind = try run("query", "network", "CH0", "--link-kinds", "knows", "--db", "q.sqlite")
        #expect(kind.status == 2)
        #expect(kind.stderr.contains("unknown link kind knows"))
        let empty = try run("query", "co-location", "--at", "LO0", "--window", "0", "--since", "1990-01-01", "--until", "1990-01-02",
                            "--json", "--db", "q.sqlite")
        #expect(empty.status == 0, "an empty answer is a success")
        let missing = try run("query", "marthr", "--db", "absent.sqlite")
        #expect(missing.status == 1)
    }
}
