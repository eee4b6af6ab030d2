/// Turns the rows of a CSV file of one record type and kind into the JSON objects a JSON
/// Lines file would hold, so both formats pass through the same checks (FORMAT.md §2).
public struct CSVRecordBuilder: Sendable {
    /// The record type or entity kind the file holds (`vehicle`, `intel`, `link`, `area`, ...).
    public let kind: String
    private let header: [String]
    private let types: [String: FieldType]
    private let file: String

    /// Makes a builder from the file's header row.
    ///
    /// - Throws: ``InputError`` when the kind is unknown or the header repeats or omits a
    ///   column name.
    public init(kind: String, header: CSVReader.Row, file: String) throws(InputError) {
        guard let types = FieldSchema.fields(forRecordOrKind: kind) else {
            throw InputError("unknown kind \(Excerpt(kind)) for a CSV file; expected area, intel, link or an entity kind ("
                + EntityKind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let names = header.cells.map { $0.trimmingWhitespace() }
        var seen: Set<String> = []
        let isEntity = EntityKind(rawValue: kind) != nil
        for name in names {
            let location = SourceLocation(file: file, line: header.line)
            if name.isEmpty { throw InputError("a column has no name in the header", at: location) }
            if name == "record" || (name == "kind" && isEntity) {
                throw InputError("a CSV file of \(kind) cannot have a \(Excerpt(name, quote: "'")) column: --kind says what the file holds",
                                 field: name, at: location)
            }
            if !seen.insert(name).inserted {
                throw InputError("the column appears twice in the header", field: name, at: SourceLocation(file: file, line: header.line))
            }
        }
        self.kind = kind
        self.header = names
        self.types = types
        self.file = file
    }

    /// Whether a row has no content at all (spreadsheets often end with rows of empty cells).
    public func isBlank(_ row: CSVReader.Row) -> Bool {
        row.cells.allSatisfy { $0.trimmingWhitespace().isEmpty }
    }

    /// The JSON object for one data row. Cells are trimmed (spreadsheets pad them), and an
    /// empty cell is a field not given.
    ///
    /// - Throws: ``InputError`` when the row's cell count differs from the header's, or a
    ///   boolean or number cell cannot be read.
    public func object(for row: CSVReader.Row) throws(InputError) -> [String: JSONValue] {
        let location = SourceLocation(file: file, line: row.line)
        guard row.cells.count == header.count else {
            throw InputError("\(row.cells.count) cells but the header has \(header.count)", at: location)
        }
        var object: [String: JSONValue] = [:]
        switch kind {
        case "area", "intel", "link": object["record"] = .string(kind)
        default:
            object["record"] = .string("entity")
            object["kind"] = .string(kind)
        }
        for (name, raw) in zip(header, row.cells) {
            let type = types[name]
            let cell = raw.trimmingWhitespace()
            if cell.isEmpty { continue }
            switch type {
            case .list?:
                object[name] = .array(cell.split(separator: ";").map { .string(String($0).trimmingWhitespace()) }
                    .filter { $0 != .string("") })
            case .bool?:
                switch cell.trimmingWhitespace().lowercased() {
                case "true", "yes", "1": object[name] = .bool(true)
                case "false", "no", "0": object[name] = .bool(false)
                default: throw InputError("\(Excerpt(cell)) is not true or false", field: name, at: location)
                }
            case .number?:
                let trimmed = cell.hasPrefix("+") ? String(cell.dropFirst()) : cell
                guard Double(trimmed) != nil, (try? JSONParser.parse(trimmed)) != nil else {
                    throw InputError("\(Excerpt(cell)) is not a number", field: name, at: location)
                }
                object[name] = .number(trimmed)
            default:
                object[name] = .string(cell)
            }
        }
        return object
    }
}
