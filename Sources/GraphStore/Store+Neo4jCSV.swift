import Foundation
import GraphCore

extension Store {
    /// Converts a directory of Neo4j admin-import CSV files (the POLE model) and imports the
    /// result as one file: one transaction, all or nothing, written to the audit log.
    ///
    /// The converted JSON Lines go to a temporary file, which is deleted afterwards. The
    /// import and its audit row name the directory, not the temporary file, and an error
    /// the importer finds on a converted line is reported at the source row it came from.
    ///
    /// - Parameters:
    ///   - directory: the directory of `*.nodes.LABEL.csv[.gz]` and
    ///     `*.relationships.TYPE.csv[.gz]` files.
    ///   - options: who is importing and why, and a progress callback; its format is not
    ///     used.
    /// - Returns: what the conversion wrote and dropped, and what the import did.
    /// - Throws: ``StoreError`` naming the source file, line and column (or field) at fault.
    @discardableResult
    public func importNeo4jCSV(directory: String, options: ImportOptions)
        throws -> (conversion: Neo4jCSVSummary, summary: ImportSummary) {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("cegraph-neo4j-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let conversion = try Neo4jCSVConverter().convert(directory: directory, to: temporary)
        var options = options
        options.format = .jsonLines
        options.name = options.name ?? "\(directory) (converted from neo4j-csv)"
        do {
            return (conversion, try importFile(at: temporary, options: options))
        } catch let error as StoreError {
            guard let location = error.location, location.file == options.name,
                  conversion.origins.indices.contains(location.line - 1) else { throw error }
            throw StoreError(error.operation, error.message, kind: error.kind, location: conversion.origins[location.line - 1],
                             field: error.field, hint: error.hint ?? "in the record converted from this row", detail: error.detail)
        }
    }
}
