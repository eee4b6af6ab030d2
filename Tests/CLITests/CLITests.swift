import Foundation
import TestSupport
import Testing

/// End-to-end: the built `cegraph` binary, run as a user would, on real files.
struct CLITests {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The directory holding the built products (the test bundle sits beside them).
    static let products: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: url.appendingPathComponent("cegraph").path) {
            url = Bundle.main.bundleURL
        }
        return url
    }()

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cegraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Result {
        try run(arguments)
    }

    /// The binary under test.
    static var binary: String { products.appendingPathComponent("cegraph").path }

    /// The environment the binary runs in: the test's own, with no database named and a
    /// test actor.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["CEGRAPH_DB"] = nil
        environment["CEGRAPH_ACTOR"] = "cli-test"
        return environment
    }

    /// Runs the binary in the test's directory, with `input` on its standard input when given.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> Result {
        let finished = try Spawned.run(CLITests.binary, arguments, environment: CLITests.environment,
                                       directory: directory.path, input: input.map { Data($0.utf8) })
        return Result(status: finished.termination.status, stdout: String(decoding: finished.stdout, as: UTF8.self),
                      stderr: String(decoding: finished.stderr, as: UTF8.self))
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func accountsAreAddedGivenTokensRevokedDisabledAndEnabled() throws {
        #expect(try run("--db", "accounts.sqlite", "init").status == 0)
        let added = try run(["--db", "accounts.sqlite", "account", "add", "script", "--role", "analyst", "--password-stdin"],
                            input: "synthetic password\n")
        #expect(added.status == 0, "\(added.stderr)")
        for name in ["nightly", "weekly"] {
            #expect(try run("--db", "accounts.sqlite", "account", "token", "script", "--name", name).stdout.count > 40)
        }
        let one = try run("--db", "accounts.sqlite", "account", "revoke", "script", "--name", "nightly")
        #expect(one.status == 0 && one.stdout == "1 token revoked\n", "\(one.stdout)\(one.stderr)")
        #expect(try run("--db", "accounts.sqlite", "account", "revoke", "script").status != 0, "neither --name nor --all")
        #expect(try run("--db", "accounts.sqlite", "account", "revoke", "script", "--all").stdout == "1 token revoked\n")
        #expect(try run("--db", "accounts.sqlite", "account", "disable", "script").status == 0)
        #expect(try run("--db", "accounts.sqlite", "account", "list").stdout.contains("disabled"))
        #expect(try run("--db", "accounts.sqlite", "account", "enable", "script").status == 0)
        #expect(!(try run("--db", "accounts.sqlite", "account", "list").stdout.contains("disabled")))
        let unknown = try run("--db", "accounts.sqlite", "account", "disable", "nobody")
        #expect(unknown.status != 0 && unknown.stderr.contains("no account nobody"), "\(unknown.stderr)")
    }

    @Test func refusalsBySQLiteExitOneInWordsWithoutSQL() throws {
        #expect(try run("--db", "accounts.sqlite", "init").status == 0)
        let add = ["--db", "accounts.sqlite", "account", "add", "script", "--role", "analyst", "--password-stdin"]
        #expect(try run(add, input: "synthetic password\n").status == 0)
        // The username is unique in the schema: the second is a conflict, exit 1 like any input the user can correct.
        let twice = try run(add, input: "synthetic password\n")
        #expect(twice.status == 1 && twice.stderr.contains("would duplicate a record"), "\(twice.stderr)")
        // A blank username breaks the accounts table's CHECK, which no Swift rule tests first.
        let blank = try run(["--db", "accounts.sqlite", "account", "add", "  ", "--role", "analyst", "--password-stdin"],
                            input: "synthetic password\n")
        #expect(blank.status == 1 && blank.stderr.contains("a value is not one the store allows"), "\(blank.stderr)")
        for output in [twice.stderr, blank.stderr] {
            for word in ["CHECK", "INSERT", "UNIQUE", "constraint failed", "username", "account.insert"] {
                #expect(!output.contains(word), "\(word) in \(output)")
            }
        }
    }

    @Test func generateImportStatsShowSearchExport() throws {
        #expect(try run("generate", "--seed", "5", "--scale", "small", "-o", "small.jsonl").status == 0)
        let imported = try run("--db", "picture.sqlite", "import", "small.jsonl", "--reason", "end-to-end test")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("entities +2000"))

        let stats = try json(try run("stats", "--json", "--db", "picture.sqlite").stdout)
        #expect(stats["entities"] as? Int == 2_000 && stats["links"] as? Int == 10_000 && stats["intel"] as? Int == 1_000)
        #expect((stats["by_kind"] as? [String: Int])?["child"] == 440)

        let show = try run("--db", "picture.sqlite", "show", "CH0", "--json")
        #expect(show.status == 0)
        let detail = try json(show.stdout)
        #expect(detail["kind"] as? String == "child" && (detail["links"] as? [Any])?.isEmpty == false)

        let search = try json(try run("--db", "picture.sqlite", "search", "zz00 aaa", "--json").stdout)
        #expect(((search["results"] as? [[String: Any]])?.first?["id"]) as? String == "VE0")

        #expect(try run("--db", "picture.sqlite", "export", "-o", "copy.jsonl").status == 0)
        #expect(try run("--db", "copy.sqlite", "import", "copy.jsonl").status == 0)
        #expect(try run("--db", "copy.sqlite", "stats", "--json").stdout == (try run("--db", "picture.sqlite", "stats", "--json").stdout))

        let audit = try run("--db", "picture.sqlite", "audit", "verify")
        #expect(audit.status == 0 && audit.stdout.contains("intact"))
    }

    @Test func badInputExitsOneNamingLineAndFieldAndKeepsTheDatabase() throws {
        try """
            {"record":"entity","id":"C1","kind":"child","name":"Fern Hare"}
            {"record":"intel","id":"I1","date":"2026-01-01","source_evaluation":"2","intelligence_assessment":"Q","handling_code":"P"}
            """.write(to: directory.appendingPathComponent("bad.jsonl"), atomically: true, encoding: .utf8)
        #expect(try run("--db", "t.sqlite", "init").status == 0)
        let result = try run("--db", "t.sqlite", "import", "bad.jsonl")
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.jsonl:2: field 'intelligence_assessment'"), "\(result.stderr)")
        let stats = try json(try run("--db", "t.sqlite", "stats", "--json").stdout)
        #expect(stats["entities"] as? Int == 0)

        let unknown = try run("--db", "t.sqlite", "show", "NOPE")
        #expect(unknown.status == 1 && unknown.stderr.contains("no entity has the id NOPE"))

        let mistyped = try run("--db", "tt.sqlite", "stats")
        #expect(mistyped.status == 1 && mistyped.stderr.contains("no database at tt.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("tt.sqlite").path))
    }

    /// One bad input of each family through the binary: exit 1, the file, line and field on
    /// stderr, and the database as it was.
    @Test(arguments: [
        ("bad.jsonl", "", "{\"record\":\"entity\",\"id\":\"X\"", "bad.jsonl:2:", "not valid JSON"),
        ("bad.jsonl", "", #"{"record":"entity","id":"X","kind":"child","risk":"merseyside:3"}"#, "bad.jsonl:2: field 'name'", "required"),
        ("bad.jsonl", "", #"{"record":"intel","id":"I9","date":"2026-01-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"C"}"#, "bad.jsonl:2: field 'handling_conditions'", "required"),
        ("bad.jsonl", "", #"{"record":"link","from":"V1","to":"C1","kind":"drives"}"#, "bad.jsonl:2: field 'kind'", "cannot go from a vehicle to a child"),
        ("bad.jsonl", "", #"{"record":"link","from":"C1","to":"C404","kind":"associates_with"}"#, "bad.jsonl:2: field 'to'", "no entity has the id C404"),
        ("bad.jsonl", "", #"{"record":"entity","id":"X","kind":"child","name":"A","area":"E00000000"}"#, "bad.jsonl:2: field 'area'", "no area has the code"),
        ("bad.csv", "vehicle", "id,vrm,taxi\nV7,ZZ07GGG,sometimes", "bad.csv:2: field 'taxi'", "not true or false"),
    ])
    func eachFamilyOfBadInputExitsOne(file: String, kind: String, text: String, location: String, message: String) throws {
        try """
            {"record":"entity","id":"C1","kind":"child","name":"Fern Hare"}
            {"record":"entity","id":"V1","kind":"vehicle","vrm":"ZZ01AAA"}
            """.write(to: directory.appendingPathComponent("good.jsonl"), atomically: true, encoding: .utf8)
        #expect(try run("--db", "t.sqlite", "import", "good.jsonl").status == 0)
        let body = file.hasSuffix(".csv") ? text : #"{"record":"entity","id":"C2","kind":"child","name":"Sage Newt"}"# + "\n" + text
        try body.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let before = try run("--db", "t.sqlite", "stats", "--json").stdout
        let result = kind.isEmpty ? try run("--db", "t.sqlite", "import", file) : try run("--db", "t.sqlite", "import", file, "--kind", kind)
        #expect(result.status == 1)
        #expect(result.stderr.contains(location) && result.stderr.contains(message), "\(result.stderr)")
        #expect(try run("--db", "t.sqlite", "stats", "--json").stdout == before)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try run("show").status == 2)
        #expect(try run("frobnicate").status == 2)
        #expect(try run("generate", "--scale", "galactic").status == 2)
        #expect(try run("import", "vehicles.csv").status == 2)
        let help = try run("import", "--help")
        #expect(help.status == 0 && help.stdout.contains("Examples:"))
    }

    @Test func importNeo4jCSVPrintsTheImportAndTheConversion() throws {
        let pole = directory.appendingPathComponent("pole")
        try FileManager.default.createDirectory(at: pole, withIntermediateDirectories: true)
        for (name, text) in [
            ("t.nodes.Person.csv", ":ID,surname,name,:LABEL\n1,Otter,Amber,Person\n2,Heron,Grey,Person\n"),
            ("t.nodes.Officer.csv", ":ID,name,:LABEL\n9,Test,Officer\n"),
            ("t.relationships.KNOWS.csv", ":START_ID,:END_ID,:TYPE\n1,2,KNOWS\n"),
        ] {
            try text.write(to: pole.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let result = try run("--db", "n.sqlite", "import", "--format", "neo4j-csv", "pole", "--reason", "end-to-end test")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pole: 3 records") && result.stdout.contains("entities +2"), "\(result.stdout)")
        #expect(result.stdout.contains("t.nodes.Officer.csv: 1 rows, 0 mapped, 1 dropped"), "\(result.stdout)")

        let json = try run("--db", "n.sqlite", "import", "--format", "neo4j-csv", "pole", "--json")
        let conversion = try #require((JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?
            .first?["conversion"] as? [String: Any])
        #expect((conversion["links"] as? [String: Int]) == ["associates_with": 1])

        try "1,Otter\n".write(to: pole.appendingPathComponent("t.nodes.Person.csv"), atomically: true, encoding: .utf8)
        let bad = try run("--db", "n.sqlite", "import", "--format", "neo4j-csv", "pole")
        #expect(bad.status == 1 && bad.stderr.contains("t.nodes.Person.csv:1: column ':ID': missing"), "\(bad.stderr)")
        #expect(try run("import", "--format", "graphml", "pole").status == 2)
        #expect(try run("import", "--format", "neo4j-csv", "pole", "--kind", "adult").status == 2)
    }

    @Test func demoNeverReplacesADatabaseItDidNotBuild() throws {
        try #"{"record":"entity","id":"C1","kind":"child","name":"Fern Hare"}"#
            .write(to: directory.appendingPathComponent("work.jsonl"), atomically: true, encoding: .utf8)
        #expect(try run("--db", "work.sqlite", "import", "work.jsonl").status == 0)
        let refused = try run("--db", "work.sqlite", "demo")
        #expect(refused.status == 1 && refused.stderr.contains("was not built by `cegraph demo`"), "\(refused.stderr)")
        #expect(try json(try run("--db", "work.sqlite", "stats", "--json").stdout)["entities"] as? Int == 1)
        #expect(try run("demo").status == 0)
        #expect(try run("demo").status == 0, "a second demo replaces the first")
    }

    @Test func demoBuildsADatabaseAndSaysWhatToTry() throws {
        let demo = try run("demo")
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("cegraph --db demo.sqlite show CH0"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("demo.sqlite").path))
    }
}
