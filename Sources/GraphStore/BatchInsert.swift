import GRDB
import GraphCore

/// Buffers rows for one table and writes them with multi-row `INSERT` statements.
///
/// SQLite spends more time setting up and finishing each statement than inserting a small
/// row; during a bulk load the link and provenance rows go in 128 at a time. With a
/// capacity of 1 every row is written at once (incremental imports, where the next
/// statement may need to see it).
struct BatchInsert {
    private let db: Database
    private let head: String
    private let tail: String
    private let columns: Int
    private let capacity: Int
    private var statements: [Int: FastStatement] = [:]
    private var values: [FastStatement.Value] = []
    /// Where each buffered row came from, for errors.
    private var lines: [SourceLocation] = []
    private var text: [UInt8] = []

    /// - Parameters:
    ///   - head: the statement up to `VALUES` (`INSERT INTO t (a, b) VALUES`).
    ///   - tail: what follows the rows (an `ON CONFLICT` clause), if anything.
    init(_ db: Database, head: String, tail: String = "", columns: Int, capacity: Int) {
        self.db = db
        self.head = head
        self.tail = tail
        self.columns = columns
        self.capacity = capacity
        values.reserveCapacity(columns * capacity)
    }

    /// Adds one row (its values in column order), writing the batch when full.
    mutating func add(_ row: [FastStatement.Value], at location: SourceLocation) throws {
        values.append(contentsOf: row)
        lines.append(location)
        if lines.count >= capacity { try flush() }
    }

    /// Writes whatever is buffered.
    ///
    /// - Throws: ``StoreError`` naming the line of the row SQLite refused: when a batch
    ///   fails, its rows are written again one at a time to find it (the failed statement
    ///   left nothing behind, and the import is rolled back anyway).
    mutating func flush() throws {
        guard !lines.isEmpty else { return }
        var rows: [FastStatement.Value] = []
        var locations: [SourceLocation] = []
        rows.reserveCapacity(columns * capacity)
        locations.reserveCapacity(capacity)
        swap(&rows, &values)
        swap(&locations, &lines)
        do {
            try write(rows, count: locations.count)
        } catch let error as StoreError {
            guard locations.count > 1 else { throw error.at(locations[0], operation: "import") }
            for (index, location) in locations.enumerated() {
                do {
                    try write(Array(rows[(index * columns)..<((index + 1) * columns)]), count: 1)
                } catch let single as StoreError {
                    throw single.at(location, operation: "import")
                }
            }
            throw error
        }
    }

    private mutating func write(_ values: [FastStatement.Value], count: Int) throws {
        let statement: FastStatement
        if let cached = statements[count] {
            statement = cached
        } else {
            let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            statement = try FastStatement(db, head + " " + Array(repeating: row, count: count).joined(separator: ", ") + tail)
            statements[count] = statement
        }
        // The batch's text goes into one buffer that outlives the statement's step, so SQLite
        // can read it in place instead of copying every value into memory of its own.
        text.removeAll(keepingCapacity: true)
        var spans: [(offset: Int, count: Int)?] = []
        spans.reserveCapacity(values.count)
        for value in values {
            guard case .text(let string?) = value else {
                spans.append(nil)
                continue
            }
            let offset = text.count
            var copy = string
            copy.withUTF8 { text.append(contentsOf: $0) }
            spans.append((offset, text.count - offset))
        }
        let result: Result<Void, StoreError> = text.withUnsafeBufferPointer { buffer in
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                if let span = spans[index] {
                    statement.bindStatic(position, buffer.baseAddress.map { $0 + span.offset }, count: span.count)
                } else {
                    statement.bind(position, value)
                }
            }
            do throws(StoreError) {
                try statement.run()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }
}
