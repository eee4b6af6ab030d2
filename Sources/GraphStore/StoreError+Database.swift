import GRDB
import GRDBSQLite
import GraphCore

extension StoreError {
    /// Any error met while the store was working, as a ``StoreError`` of the right kind.
    ///
    /// A ``StoreError`` is returned as it is. An ``InputError`` or another
    /// ``ClassifiedError`` keeps its kind and words. A GRDB `DatabaseError` is classified by
    /// its SQLite result code (``database(_:code:message:lead:)``), and its message and SQL go
    /// only to ``detail``. Any other error is ``ErrorKind/internal``, described in `detail`.
    ///
    /// - Parameters:
    ///   - operation: What the store was doing.
    ///   - error: What was thrown.
    ///   - lead: Words put before the message, such as `the audit log could not be written`.
    ///   - statement: The named statement that was running, for the log only.
    ///   - hint: What the user can do about it, if there is something to say.
    public init(_ operation: String, wrapping error: any Error, lead: String? = nil, statement: String? = nil,
                hint: String? = nil) {
        let leading = lead.map { $0 + ": " } ?? ""
        let running = statement.map { " (statement \($0))" } ?? ""
        switch error {
        case let error as StoreError:
            self = error
        case let error as InputError:
            self.init(operation, leading + error.message, kind: .input, location: error.location, field: error.field, hint: hint)
        case let error as DatabaseError:
            let classified = StoreError.database(operation, code: error.extendedResultCode.rawValue, message: error.message)
            self.init(operation, leading + classified.message, kind: classified.kind, hint: hint ?? classified.hint,
                      detail: "\(error)" + running)
        case let error as any ClassifiedError:
            self.init(operation, leading + error.userMessage, kind: error.kind, hint: hint, detail: error.diagnostic + running)
        default:
            self.init(operation, leading + "an unexpected error (\(type(of: error)))", kind: .internal, hint: hint,
                      detail: "\(error)" + running)
        }
    }

    /// An error SQLite reported, classified by its (extended) result code, in words that
    /// quote neither SQL nor a constraint's expression.
    ///
    /// | result code | kind | message |
    /// | --- | --- | --- |
    /// | `SQLITE_BUSY`, `SQLITE_LOCKED` | unavailable | the database is busy |
    /// | `SQLITE_FULL`, `SQLITE_IOERR` | unavailable | the disk is full; the file could not be read or written |
    /// | `SQLITE_CONSTRAINT_UNIQUE`, `_PRIMARYKEY` | conflict | it would duplicate a record |
    /// | `SQLITE_CONSTRAINT_TRIGGER` | input | the trigger's own words (`RAISE` in `schema/`) |
    /// | any other `SQLITE_CONSTRAINT` (`CHECK`, `NOT NULL`, foreign key) | input | which rule, in words |
    /// | anything else | internal | the result code |
    ///
    /// SQLite's message is kept in ``detail`` for the log.
    ///
    /// - Parameters:
    ///   - operation: What the store was doing.
    ///   - code: SQLite's extended result code (`sqlite3_extended_errcode`).
    ///   - message: SQLite's message (`sqlite3_errmsg`), for the log.
    ///   - lead: Words put before the message, such as `the database refused the record`.
    public static func database(_ operation: String, code: Int32, message: String?, lead: String? = nil) -> StoreError {
        let extended = ResultCode(rawValue: code)
        let detail = "SQLite error \(code)" + (message.map { ": " + $0 } ?? "")
        func error(_ kind: ErrorKind, _ words: String, hint: String? = nil) -> StoreError {
            StoreError(operation, (lead.map { $0 + ": " } ?? "") + words, kind: kind, hint: hint, detail: detail)
        }
        switch extended.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return error(.unavailable, "the database is busy with another writer", hint: "try again in a moment")
        case .SQLITE_FULL:
            return error(.unavailable, "the disk holding the database is full", hint: "free some space, then try again")
        case .SQLITE_IOERR:
            return error(.unavailable, "the database file could not be read or written", hint: "check the disk, then try again")
        case .SQLITE_CONSTRAINT:
            switch extended {
            case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_ROWID:
                return error(.conflict, "it would duplicate a record the store already holds")
            case .SQLITE_CONSTRAINT_TRIGGER:
                // The message is a trigger's RAISE text, written in schema/ as words for users.
                return error(.input, message ?? "the store's rules refuse the change")
            case .SQLITE_CONSTRAINT_NOTNULL:
                return error(.input, "a required value is missing")
            case .SQLITE_CONSTRAINT_FOREIGNKEY:
                return error(.input, "it names a record that does not exist, or removes one that others depend on")
            case .SQLITE_CONSTRAINT_CHECK:
                return error(.input, "a value is not one the store allows, or does not fit with the record's other values")
            default:
                return error(.input, "the store's rules refuse the change")
            }
        default:
            return error(.internal, "the database failed (SQLite result code \(code))")
        }
    }

    /// The error SQLite last reported on `connection`, classified
    /// (``database(_:code:message:lead:)``): for the statements run through SQLite's C API.
    static func database(_ operation: String, connection: OpaquePointer?, lead: String? = nil) -> StoreError {
        database(operation, code: sqlite3_extended_errcode(connection), message: String(cString: sqlite3_errmsg(connection)), lead: lead)
    }
}
