import Foundation
import Testing
@testable import CaseWorkflow

struct LanguageCheckerTests {
    let checker: LanguageChecker

    init() throws {
        checker = try LanguageChecker.standard()
    }

    /// The shipped list's entries with their own examples, read as plain JSON so the test
    /// does not trust the checker's reading of it.
    static func shippedEntries() throws -> [[String: Any]] {
        let data = try WorkflowResource.data(named: "language.json")
        let root = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root["phrases"] as? [[String: Any]])
    }

    @Test func everyAppendixBHeadingIsInTheList() {
        let headings = ["drug running", "Recruit", "lifestyle", "at risk", "Promiscuous", "Involved in CSE", "Sexually active",
                        "Streetwise", "drugs in return for sex", "Prostituting", "Boyfriend", "Sexual activity with", "elders"]
        for heading in headings {
            #expect(checker.phrases.contains { $0.localizedCaseInsensitiveContains(heading) }, "\(heading)")
        }
        #expect(checker.phrases.count == headings.count)
    }

    /// Each entry's `examples.flag` warn under that entry with its suggestions, and its
    /// `examples.pass` do not warn at all.
    @Test func everyEntrysExamplesBehaveAsTheDataSays() throws {
        for entry in try Self.shippedEntries() {
            let phrase = try #require(entry["phrase"] as? String)
            let suggestions = try #require(entry["suggestions"] as? [String])
            let examples = try #require(entry["examples"] as? [String: [String]])
            let flagged = try #require(examples["flag"])
            #expect(!flagged.isEmpty, "\(phrase) has no examples")
            for text in flagged {
                let warnings = checker.check(text)
                #expect(warnings.count == 1, "\(text): \(warnings.map(\.matched))")
                #expect(warnings.first?.phrase == phrase, "\(text): \(warnings.map(\.phrase))")
                #expect(warnings.first?.suggestions == suggestions)
                #expect(warnings.first?.reason.isEmpty == false)
            }
            for text in examples["pass"] ?? [] {
                #expect(checker.check(text).isEmpty, "\(text): \(checker.check(text).map(\.matched))")
            }
        }
    }

    @Test(arguments: [
        ("He is drug running.", "drug running", "He/she is drug running"),
        ("Worry that she's been drug-running.", "drug-running", "He/she is drug running"),
        ("He was running drugs for them.", "running drugs", "He/she is drug running"),
        ("He was recruited by older males.", "He was recruited by older males", "Recruit/run/work"),
        ("He is working for the olders.", "working for the olders", "Recruit/run/work"),
        ("She is putting herself at risk.", "putting herself at risk", "Putting themselves at risk"),
        ("He put himself at risk again.", "put himself at risk", "Putting themselves at risk"),
        ("She is PROSTITUTING HERSELF.", "PROSTITUTING HERSELF", "Prostituting themselves"),
        ("She is promiscuous.", "promiscuous", "Promiscuous"),
        ("He is very streetwise.", "streetwise", "Streetwise"),
    ])
    func commonInflectionsAreFound(text: String, matched: String, phrase: String) {
        let warnings = checker.check(text)
        #expect(warnings.map(\.matched) == [matched])
        #expect(warnings.first?.phrase == phrase)
    }

    @Test(arguments: [
        "The social worker will run the meeting.",
        "We will work with the family.",
        "The school's work plan was agreed.",
        "A person the child describes as her boyfriend collected her.",
        "The chair will run the panel and agencies will work together on the plan.",
        "The child is being criminally exploited.",
        "The child is at an increased vulnerability to being abused/exploited.",
        "Running late; the meeting moved to 2pm. Working days: 5.",
    ])
    func ordinaryTextDoesNotWarn(text: String) {
        #expect(checker.check(text).isEmpty, "\(checker.check(text).map(\.matched))")
    }

    /// Appendix B lists the term without condition: a warning wherever it stands, with the
    /// guide's reason, and never a rewrite; the child's own word, attributed, is not flagged.
    @Test func boyfriendAndGirlfriendAreAlwaysFlaggedWithTheGuidesReason() {
        for text in ["Her boyfriend from school is 15.", "He spoke about his girlfriend.", "her 24-year-old boyfriend"] {
            let warnings = checker.check(text)
            #expect(warnings.map(\.phrase) == ["Boyfriend/Girlfriend"], "\(text)")
            #expect(warnings.first?.reason.contains("challenged in court") == true)
        }
        #expect(checker.check("She calls him her 'boyfriend'.").isEmpty)
    }

    @Test func linesAndColumnsCountCharactersFromOne() {
        let text = "Strategy meeting notes\r\nAttendees: 👩🏽‍⚕️ nurse, police\nShe is promiscuous and streetwise.\n\nNoted: e\u{301}e he is drug running"
        let warnings = checker.check(text)
        #expect(warnings.map(\.line) == [3, 3, 5])
        #expect(warnings.map(\.column) == [8, 24, 17])
        #expect(warnings.map(\.matched) == ["promiscuous", "streetwise", "drug running"])
        #expect(checker.check("🙂 promiscuous").first?.column == 3, "an emoji is one character")
        #expect(checker.check("a\rb\rpromiscuous").first?.line == 3, "a lone CR ends a line")
    }

    @Test func warningsAreInOrderAndDoNotOverlap() throws {
        let json = """
            {"phrases":[
              {"phrase":"B","reason":"r","suggestions":["s"],"patterns":["bcd"]},
              {"phrase":"A","reason":"r","suggestions":["s"],"patterns":["abc"]},
              {"phrase":"Long","reason":"r","suggestions":["s"],"patterns":["\\\\babcdef"]},
              {"phrase":"X","reason":"r","suggestions":["s"],"patterns":["{{x}}"]}
            ],"definitions":{"x":"xy+z"}}
            """
        let custom = try LanguageChecker(rulesJSON: Data(json.utf8))
        #expect(custom.check("abcd xyyz abcdefg").map(\.phrase) == ["A", "X", "Long"])
        #expect(custom.check("ABCD").map(\.matched) == ["ABC"])
    }

    @Test func aBrokenListIsRefusedNamingTheEntry() throws {
        func error(_ json: String) throws -> WorkflowError {
            try #require(throws: WorkflowError.self) { try LanguageChecker(rulesJSON: Data(json.utf8)) }
        }
        let unknown = try error(#"{"phrases":[{"phrase":"P","reason":"r","suggestions":["s"],"patterns":["{{nope}}"]}]}"#)
        #expect(unknown.description.contains("language.json") && unknown.message.contains("'nope'"))
        let badPattern = try error(#"{"phrases":[{"phrase":"P","reason":"r","suggestions":["s"],"patterns":["ok","(unclosed"]}]}"#)
        #expect(badPattern.message.contains("phrases[0] ('P') pattern 2"))
        let empty = try error(#"{"phrases":[{"phrase":"P","reason":"r","suggestions":[],"patterns":["x"]}]}"#)
        #expect(empty.message.contains("at least one"))
        _ = try error("not json")
    }

    /// A megabyte of hostile text: emoji, combining marks, a line with no end, and
    /// phrases everywhere. It must finish and find every phrase; the time is printed, not
    /// asserted, because machines differ.
    @Test func hostileTextDoesNotCrashAndStaysFast() {
        let unit = "👩‍👩‍👧‍👦 e\u{301}\u{302}\u{303} Z̸̢͍̀a̴l̷g̵o 🏳️‍🌈 she is promiscuous ﷽ \u{202E}reversed\u{202C} "
        var text = ""
        while text.utf8.count < 1_000_000 { text += unit }
        let units = text.utf8.count / unit.utf8.count
        let clock = ContinuousClock()
        var warnings: [LanguageWarning] = []
        let elapsed = clock.measure { warnings = checker.check(text) }
        #expect(warnings.count == units)
        #expect(warnings.allSatisfy { $0.line == 1 && $0.matched == "promiscuous" })
        #expect(warnings.last?.column == (units - 1) * unit.count + unit.distance(to: "promiscuous") + 1)
        print("LanguageChecker: \(text.utf8.count) bytes, \(warnings.count) warnings in \(elapsed)")

        let long = String(repeating: "a", count: 1_000_000) + " streetwise " + String(repeating: "\n", count: 10_000)
        #expect(checker.check(long).map(\.column) == [1_000_002])
        #expect(checker.check("").isEmpty)
        #expect(checker.check("\u{301}promiscuous").count == 1)
    }
}

private extension String {
    /// The characters before the first occurrence of `word`.
    func distance(to word: String) -> Int {
        guard let range = range(of: word) else { return -1 }
        return self[..<range.lowerBound].count
    }
}
