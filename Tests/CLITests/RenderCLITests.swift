import Foundation
import TestSupport
import Testing

/// `cegraph render` through the binary: files written, the audit row, and errors.
extension CLITests {
    @Test func renderWritesMapsAndAuditsEachDisclosure() throws {
        #expect(try run("generate", "--seed", "3", "--scale", "small", "-o", "small.jsonl").status == 0)
        #expect(try run("--db", "m.sqlite", "import", "small.jsonl").status == 0)
        let panel = try run("render", "CH0", "--hops", "1", "-o", "ch0.svg", "--db", "m.sqlite", "--recipient", "MACCSE panel 2026-11")
        #expect(panel.status == 0, "\(panel.stderr)")
        let svg = try String(contentsOf: directory.appendingPathComponent("ch0.svg"), encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("OFFICIAL&#45;SENSITIVE") && svg.contains("audience: panel"))
        let audit = try #require(JSONSerialization.jsonObject(
            with: Data(try run("audit", "list", "--limit", "1", "--json", "--db", "m.sqlite").stdout.utf8)) as? [[String: Any]])
        let records = try #require(audit.first?["records"] as? [String: Any])
        #expect(audit.first?["operation"] as? String == "disclosure")
        #expect(records["audience"] as? String == "panel" && records["root"] as? String == "CH0")
        #expect(audit.first?["recipients"] as? [String] == ["MACCSE panel 2026-11"])

        for arguments in [["CH0", "--audience", "analyst", "--format", "png", "-o", "a.png"],
                          ["--marthr", "--top", "2", "--audience", "police", "--format", "pdf", "-o", "m.pdf"],
                          ["--cross-border", "CH0", "--hops", "2", "-o", "cb.svg"]] {
            let result = try run(["render"] + arguments + ["--db", "m.sqlite"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        for format in ["graphml", "gexf", "anx", "dot"] {
            let result = try run("export", "--format", format, "--root", "CH0", "--hops", "1", "-o", "ch0.\(format)", "--db", "m.sqlite")
            #expect(result.status == 0, "\(format): \(result.stderr)")
            let text = try String(contentsOf: directory.appendingPathComponent("ch0.\(format)"), encoding: .utf8)
            #expect(text.contains("CH0"), "\(format)")
        }
        // The `dot` command parses the DOT export (Graphviz's own check of the syntax).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
            let dot = try Spawned.run("/usr/bin/dot", ["-Tsvg", "-o", "/dev/null", directory.appendingPathComponent("ch0.dot").path])
            #expect(dot.termination.succeeded, "dot refused the DOT export: \(String(decoding: dot.stderr, as: UTF8.self))")
        }
        let dot = try run("render", "CH0", "--hops", "1", "--format", "dot", "--db", "m.sqlite")
        #expect(dot.stdout.hasPrefix("digraph \"cegraph\" {"))

        let cases: [(arguments: [String], status: Int32, message: String)] = [
            (["NOPE", "-o", "x.svg"], 1, "no entity has the id NOPE"),
            (["CH0", "--audience", "public", "-o", "x.svg"], 2, "unknown --audience public"),
            (["CH0", "--format", "gif", "-o", "x.svg"], 2, "unknown --format gif"),
            (["CH0", "--marthr", "-o", "x.svg"], 2, "give one of"),
            (["CH0", "--new-since", "2026-02-30", "-o", "x.svg"], 2, "--new-since 2026-02-30 is not a date"),
        ]
        for (arguments, status, message) in cases {
            let result = try run(["render"] + arguments + ["--db", "m.sqlite"])
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
