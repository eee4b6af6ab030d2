import Foundation
import Testing

/// `cegraph lint-text` through the binary: the linter's output shapes and exit statuses.
extension CLITests {
    @Test func lintTextWarnsWithLineColumnAndPrescribedWording() throws {
        try "Panel notes (synthetic)\nThe child is being criminally exploited.\nConcern: she is putting herself at risk.\n"
            .write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let text = try run("lint-text", "notes.txt")
        #expect(text.status == 1, "warnings fail the run, as a linter's do")
        #expect(text.stdout == "notes.txt:3:17: \"putting herself at risk\" — This implies choice or control by the child. "
                + "Suggest: The child is being criminally exploited; or Child may have been groomed; or The child is at an "
                + "increased vulnerability to being abused/exploited; or Location/situation could increase a perpetrator's "
                + "opportunity to abuse a child; or The location is dangerous to children; or Concerns regarding others' "
                + "influences on the child.\n", "\(text.stdout)")

        let json = try self.json(try run("lint-text", "notes.txt", "--json").stdout)
        #expect(json["file"] as? String == "notes.txt")
        let warning = try #require((json["warnings"] as? [[String: Any]])?.first)
        #expect(warning["line"] as? Int == 3 && warning["column"] as? Int == 17)
        #expect(warning["matched"] as? String == "putting herself at risk" && warning["phrase"] as? String == "Putting themselves at risk")
        #expect((warning["suggestions"] as? [String])?.first == "The child is being criminally exploited.")
        #expect(warning["reason"] is String)
    }

    @Test func lintTextReadsStandardInputAndExitsZeroWhenClean() throws {
        let clean = try run(["lint-text", "-"], input: "The social worker will run the meeting and work with the family.\n")
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.isEmpty, "\(clean.stdout)\(clean.stderr)")
        let cleanJSON = try json(try run(["lint-text", "-", "--json"], input: "Nothing to see.").stdout)
        #expect(cleanJSON["file"] as? String == "<stdin>" && (cleanJSON["warnings"] as? [Any])?.isEmpty == true)
        let piped = try run(["lint-text", "-"], input: "He is very streetwise.")
        #expect(piped.status == 1 && piped.stdout.hasPrefix("<stdin>:1:12: \"streetwise\""), "\(piped.stdout)")
        let across = try run(["lint-text", "-"], input: "Notes: she is putting herself\n  at risk.\n")
        #expect(across.stdout.hasPrefix("<stdin>:1:15: \"putting herself at risk\" — "), "\(across.stdout)")
        #expect(across.stdout.split(separator: "\n").count == 1, "one line a warning")
    }

    @Test func lintTextErrorsNameTheFile() throws {
        let missing = try run("lint-text", "no-such-notes.txt")
        #expect(missing.status == 1 && missing.stderr.contains("cannot read no-such-notes.txt"), "\(missing.stderr)")
        try Data([0x66, 0xFF, 0xFE, 0x00]).write(to: directory.appendingPathComponent("binary.dat"))
        let binary = try run("lint-text", "binary.dat")
        #expect(binary.status == 1 && binary.stderr.contains("binary.dat") && binary.stderr.contains("not UTF-8"), "\(binary.stderr)")
        #expect(try run("lint-text").status == 2)
        #expect(try run("lint-text", "a.txt", "b.txt").status == 2)
        #expect(try run("lint-text", "--frobnicate", "a.txt").status == 2)
    }
}
