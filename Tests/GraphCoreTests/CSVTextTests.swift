import Testing
@testable import GraphCore

struct CSVTextTests {
    /// What the writer writes, our own reader reads back cell for cell: commas, quotes,
    /// line breaks, empty cells and text in other scripts.
    @Test func aTableReadsBackAsWritten() throws {
        let rows = [["CH1", "Seen with \"A\", then left", "two\nlines", ""], ["CH2", "Zoë Ó'Brien", "plain", "x"]]
        let text = CSVText.table(header: ["id", "note", "more", "last"], rows: rows)
        #expect(text.hasPrefix("id,note,more,last\r\n") && text.hasSuffix("\r\n"))
        var reader = CSVReader(bytes: Array(text.utf8), file: "t.csv")
        var read: [[String]] = []
        while let row = try reader.next() { read.append(row.cells) }
        #expect(read == [["id", "note", "more", "last"]] + rows)
    }

    /// A cell a spreadsheet would run as a formula is written as text (OWASP: CSV injection).
    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+44 151 0000", "-1", "@SUM(A1)"])
    func aFormulaIsWrittenAsText(_ cell: String) {
        #expect(CSVText.field(cell).drop(while: { $0 == "\"" }).hasPrefix("'"))
    }
}
