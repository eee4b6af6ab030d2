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
        let cases: [(arguments: [String], status: Int32, message: String)] = [
            (["path", "CH0", "NOPE"], 1, "no entity has the id NOPE"),
            (["associations", "CH0", "--hops", "9"], 1, "--hops must be 1 to 6"),
            (["co-location", "--at", "CH0"], 1, "give a location or a vehicle"),
            (["key-players", "--area", "atlantis"], 1, "unknown --area atlantis"),
            (["marthr", "--min-grade", "2E"], 2, "--min-grade 2E"),
            (["network", "CH0", "--since", "2026-13-01"], 2, "--since 2026-13-01 is not a date"),
            (["network", "CH0", "--since", "2026-02-01", "--until", "2026-01-01"], 2, "is after --until"),
            (["network", "CH0", "--link-kinds", "knows"], 2, "unknown link kind knows"),
            (["network", "CH0", "--entity-kinds", "person"], 2, "unknown entity kind person"),
        ]
        for (arguments, status, message) in cases {
            let result = try run(["query"] + arguments + ["--db", "q.sqlite"])
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let empty = try run("query", "co-location", "--at", "LO0", "--window", "0", "--since", "1990-01-01", "--until", "1990-01-02",
                            "--json", "--db", "q.sqlite")
        #expect(empty.status == 0, "an empty answer is a success")
        let missing = try run("query", "marthr", "--db", "absent.sqlite")
        #expect(missing.status == 1)
    }
}
