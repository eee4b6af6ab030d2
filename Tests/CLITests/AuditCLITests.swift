import Foundation
import Testing

/// `cegraph audit list --refused` through the binary: the reads the service refused for
/// need-to-know, who asked, when and for what; a read of a missing record is not one.
struct AuditCLITests {
    let cli: CLITests

    init() throws { cli = try CLITests() }

    // A guard against a hang, not a speed test: beside every other suite on CI's 2 cores it
    // has taken over 2 minutes.
    @Test(.timeLimit(.minutes(5)))
    func theRefusedReadsAreListedWithWhoAskedAndWhat() async throws {
        try """
            {"record":"entity","id":"CH1","kind":"child","name":"Synthetic Child One","area":"E08000012"}
            {"record":"entity","id":"AD1","kind":"adult","name":"Synthetic Adult One","area":"E08000012"}
            {"record":"link","from":"AD1","to":"CH1","kind":"associates_with"}
            """.write(to: cli.directory.appendingPathComponent("picture.jsonl"), atomically: true, encoding: .utf8)
        func ok(_ arguments: String..., input: String? = nil) throws -> String {
            let result = try cli.run(["--db", "r.sqlite"] + arguments, input: input)
            #expect(result.status == 0, "cegraph \(arguments.joined(separator: " ")): \(result.stderr)")
            return result.stdout
        }
        _ = try ok("import", "picture.jsonl")
        // A panel member of Liverpool's panel, with no child on any agenda: CH1 is not theirs.
        _ = try ok("account", "add", "member", "--role", "panel_member", "--panel", "E08000012", "--password-stdin",
                   input: "synthetic password 1\n")
        let token = try ok("account", "token", "member", "--name", "audit test").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try ok("audit", "list", "--refused") == "", "no refusal yet")

        let port = try freePort()
        let server = try ChildProcess(CLITests.products.appendingPathComponent("cegraph").path,
                                      ["--db", "r.sqlite", "serve", "--port", String(port)], directory: cli.directory, log: "serve.log",
                                      environment: ["CEGRAPH_ACTOR": "audit-test"])
        defer { server.stop() }
        let site = "http://127.0.0.1:\(port)"
        try await server.waitUntilServing(URL(string: site + "/healthz")!, what: "cegraph serve")
        let headers = ["Authorization": "Bearer \(token)", "X-Justification": "MACCSE panel preparation"]
        for id in ["CH1", "AD1", "CH404"] {
            let (status, _) = try await LocalHTTP.request("GET", URL(string: site + "/api/entities/" + id)!, headers: headers, timeout: 10)
            #expect(status == 404, "\(id): \(status)")
        }
        server.stop()

        let lines = try ok("audit", "list", "--refused").split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.map { $0.count } == [5, 5])
        #expect(lines.map { $0[2] } == ["member", "member"])
        #expect(lines.map { $0[3] } == ["entity AD1", "entity CH1"], "newest first: \(lines)")
        #expect(lines.allSatisfy { $0[4].contains("MACCSE panel preparation") && $0[1].hasSuffix("Z") }, "\(lines)")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ok("audit", "list", "--refused", "--json").utf8)) as? [[String: Any]])
        #expect(json.count == 2)
        #expect(json.allSatisfy { ($0["records"] as? [String: Any])?["refused"] as? Bool == true && $0["actor"] as? String == "member" })
        #expect(json.compactMap { ($0["asked"] as? [String: Any])?["id"] as? String } == ["AD1", "CH1"])
        // The read of a record that does not exist is in the log, but not as a refusal.
        #expect(try ok("audit", "list", "--limit", "50").contains("member"))
        #expect(try ok("audit", "list", "--refused", "--limit", "1").split(separator: "\n").count == 1)
        #expect(try cli.run("--db", "r.sqlite", "audit", "list", "--limit", "0").status != 0)
    }

    /// The sealed log through the binary: verify, anchor, rotate the key, a search kept as
    /// a digest and found again, the head file lost and restored, a key readable by others.
    @Test func theLogIsSealedAnchoredRotatedAndItsHeadRestored() throws {
        try """
            {"record":"entity","id":"CH1","kind":"child","name":"Synthetic Child One","area":"E08000012"}
            """.write(to: cli.directory.appendingPathComponent("picture.jsonl"), atomically: true, encoding: .utf8)
        func run(_ arguments: String...) throws -> CLITests.Result { try cli.run(["--db", "s.sqlite"] + arguments) }
        #expect(try run("import", "picture.jsonl").status == 0)
        let key = cli.directory.appendingPathComponent("s.sqlite.audit-key").path
        let head = cli.directory.appendingPathComponent("s.sqlite.audit-head").path
        let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try run("search", "Synthetic Child", "--reason", "test").status == 0)
        let verified = try run("audit", "verify")
        #expect(verified.status == 0 && verified.stdout.hasPrefix("audit log intact: 2 rows"), "\(verified.stdout)\(verified.stderr)")
        let anchor = try run("audit", "anchor").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(anchor.hasPrefix("cegraph audit head seq=00000000000000000002 mac="), "\(anchor)")
        #expect(!(try run("audit", "list", "--json").stdout.contains("Synthetic")), "the search text is not in the log")
        let searched = try run("audit", "searched", "synthetic child", "--reason", "investigation")
        #expect(searched.status == 0 && searched.stdout.hasPrefix("2\t"), "\(searched.stdout)\(searched.stderr)")

        let rotated = try run("audit", "rotate-key", "--reason", "test rotation")
        #expect(rotated.status == 0 && rotated.stdout.contains("audit key rotated"), "\(rotated.stderr)")
        let after = try run("audit", "verify", "--anchor", anchor)
        #expect(after.status == 0 && after.stdout.contains("keys "), "\(after.stdout)\(after.stderr)")
        #expect(try String(contentsOfFile: key, encoding: .utf8).components(separatedBy: "\nkey ").count == 3, "two keys")

        // The head file lost: the store refuses to open, verify says why, restore-head mends it.
        try FileManager.default.removeItem(atPath: head)
        let refused = try run("stats")
        #expect(refused.status == 1 && refused.stderr.contains("audit head file"), "\(refused.stderr)")
        let broken = try run("audit", "verify")
        #expect(broken.status == 1 && broken.stderr.contains("head file"), "\(broken.stderr)")
        let restored = try run("audit", "restore-head", "--anchor", anchor)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try run("audit", "verify", "--anchor", anchor).status == 0)
        #expect(try run("audit", "verify", "--anchor", "cegraph audit head seq=99 mac=\(String(repeating: "a", count: 64)) key=0123456789abcdef").status == 1)
        #expect(try run("audit", "verify", "--anchor", "not a head").status == 1)

        // A key file that others may read is refused, by name.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        let open = try run("stats")
        #expect(open.status == 1 && open.stderr.contains("chmod 600"), "\(open.stderr)")
    }
}
