import Foundation
import GRDB

/// Where a database's audit key and head are kept: the key file (by default beside the
/// database, `FILE.audit-key`; `--audit-key` or `$CEGRAPH_AUDIT_KEY` put it elsewhere, for
/// example where only the service's user may read) and the head file beside the key, named
/// after the database (`FILE.audit-head`).
public struct AuditFiles: Sendable {
    /// The key file.
    public let keyPath: String
    /// The head file.
    public let headPath: String

    /// The files for the database at `database`, the key at `key` (nil: the default).
    public init(database: String, key: String?) {
        keyPath = key ?? database + ".audit-key"
        let folder = (keyPath as NSString).deletingLastPathComponent
        let name = (database as NSString).lastPathComponent + ".audit-head"
        headPath = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// The sealer for a store opened to write, and whether its log is to be sealed now.
    ///
    /// The first open of a database (or of one whose log was written before the key) makes
    /// the key file and the head file, and the log is sealed. An open that finds sealed
    /// rows but no key file, or no head file, refuses: going on would seal new rows the old
    /// ones cannot be checked with, or write a new head over the evidence that the newest
    /// rows were removed.
    ///
    /// - Throws: ``StoreError`` naming the file and what to do.
    func sealer(_ writer: any DatabaseWriter) throws -> (AuditSealer, sealLegacy: Bool) {
        let manager = FileManager.default
        let hasKey = manager.fileExists(atPath: keyPath), hasHead = manager.fileExists(atPath: headPath)
        let sealedRows = try writer.read { db -> Bool in
            guard try db.tableExists("audit_log"), try db.columns(in: "audit_log").contains(where: { $0.name == "key_id" }) else {
                return false
            }
            return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM audit_log WHERE key_id IS NOT NULL)") ?? false
        }
        if sealedRows, !hasKey {
            throw StoreError("audit key", "there is no audit key file at \(keyPath), and the audit log's rows are sealed with "
                             + "one", kind: .input, hint: "restore the key file from its backup, or point --audit-key "
                                 + "(or $CEGRAPH_AUDIT_KEY) at it")
        }
        if sealedRows, !hasHead {
            throw StoreError("audit head", "the audit head file \(headPath) is missing, so the newest audit rows may have been "
                             + "removed", kind: .input, hint: "check the log with `cegraph audit verify --anchor LINE` against the "
                                 + "last anchor you recorded, then write the head again with `cegraph audit restore-head`")
        }
        let keyring = hasKey ? try AuditKeyring.load(path: keyPath) : try AuditKeyring.create(path: keyPath)
        let headFile = AuditHeadFile(path: headPath)
        if !hasHead { try headFile.advance(to: .empty) }
        // Not only when the head file is new: a process killed after making it but before
        // the seal committed leaves a head and an unsealed log, to be sealed at this open.
        return (AuditSealer(keyring: keyring, headFile: headFile), !sealedRows)
    }

    /// The key ring, for reading only (verification): nil when there is no key file.
    ///
    /// - Throws: ``StoreError`` when the file is there but cannot be used.
    func keyringIfPresent() throws -> AuditKeyring? {
        FileManager.default.fileExists(atPath: keyPath) ? try AuditKeyring.load(path: keyPath) : nil
    }
}
