import Testing
@testable import GraphCore

struct CSVReaderTests {
    func rows(_ text: String) throws -> [CSVReader.Row] {
        var reader = CSVReader(bytes: Array(text.utf8), file: "f.csv")
        var rows: [CSVReader.Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    @Test func quotedCellsKeepCommasQuotesAndLineBreaks() throws {
        let rows = try rows("a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n\n3,,z")
        #expect(rows.map(\.cells) == [["a", "b", "c"], ["1", "x, \"y\"", "two\nlines"], ["3", "", "z"]])
        #expect(rows.map(\.line) == [1, 2, 5])
    }

    @Test func anUnclosedQuoteNamesTheLineItStarts() {
        #expect(throws: InputError("a quoted cell is not closed", at: SourceLocation(file: "f.csv", line: 2))) {
            try rows("a\n\"open\n\n")
        }
    }

    @Test func builderTypesCellsByTheContract() throws {
        let rows = try rows("id,vrm,taxi,aliases_unused\nV1,ab12 cde,yes,x")
        let builder = try CSVRecordBuilder(kind: "vehicle", header: rows[0], file: "f.csv")
        let object = try builder.object(for: rows[1])
        #expect(object["taxi"] == .bool(true))
        #expect(object["kind"] == .string("vehicle"))
        #expect(object["record"] == .string("entity"))
        let record = try RecordDecoder.decode(object, at: SourceLocation(file: "f.csv", line: 2))
        guard case .entity(let entity) = record else { Issue.record("not an entity"); return }
        #expect(entity.fields["vrm"] == .string("AB12CDE"))
    }

    @Test func builderRefusesWrongCellCountsAndBadBooleans() throws {
        let rows = try rows("id,vrm,taxi\nV1,AB12CDE\nV2,AB12CDF,maybe")
        let builder = try CSVRecordBuilder(kind: "vehicle", header: rows[0], file: "f.csv")
        #expect(throws: InputError("2 cells but the header has 3", at: SourceLocation(file: "f.csv", line: 2))) {
            try builder.object(for: rows[1])
        }
        #expect(throws: InputError("\"maybe\" is not true or false", field: "taxi", at: SourceLocation(file: "f.csv", line: 3))) {
            try builder.object(for: rows[2])
        }
    }

    @Test func headerMustNameEachColumnOnce() throws {
        let rows = try rows("id,vrm,vrm\n")
        #expect(throws: InputError.self) { try CSVRecordBuilder(kind: "vehicle", header: rows[0], file: "f.csv") }
        #expect(throws: InputError.self) { try CSVRecordBuilder(kind: "spaceship", header: rows[0], file: "f.csv") }
    }
}
