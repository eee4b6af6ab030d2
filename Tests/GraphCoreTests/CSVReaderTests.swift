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

    @Test func cellsAreTrimmedAndSignedNumbersRead() throws {
        let rows = try rows("id,name,location_type,lat\n L1 ,  Harbour Park ,  park , +53.1\n,,,\n")
        let builder = try CSVRecordBuilder(kind: "location", header: rows[0], file: "f.csv")
        let object = try builder.object(for: rows[1])
        #expect(object["id"] == .string("L1") && object["location_type"] == .string("park") && object["lat"] == .number("53.1"))
        #expect(object["name"] == .string("Harbour Park"))
        #expect(builder.isBlank(rows[2]))
    }

    @Test func aCSVCannotOverrideItsKind() throws {
        let kinded = try rows("kind,id,name\nchild,C9,Kid\n")
        #expect(throws: InputError.self) { try CSVRecordBuilder(kind: "vehicle", header: kinded[0], file: "f.csv") }
        let record = try rows("record,id,vrm\n")
        #expect(throws: InputError.self) { try CSVRecordBuilder(kind: "vehicle", header: record[0], file: "f.csv") }
        // A link file's kind column is the link kind.
        _ = try CSVRecordBuilder(kind: "link", header: try rows("from,to,kind\n")[0], file: "f.csv")
    }

    @Test func headerMustNameEachColumnOnce() throws {
        let rows = try rows("id,vrm,vrm\n")
        #expect(throws: InputError.self) { try CSVRecordBuilder(kind: "vehicle", header: rows[0], file: "f.csv") }
        #expect(throws: InputError.self) { try CSVRecordBuilder(kind: "spaceship", header: rows[0], file: "f.csv") }
    }
}
