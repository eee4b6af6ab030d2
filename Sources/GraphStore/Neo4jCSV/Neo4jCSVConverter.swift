import Foundation
import GraphCore

/// Converts a directory of Neo4j admin-import CSV files holding the POLE crime-investigation
/// model into a FORMAT.md JSON Lines file that ``Store/importFile(at:options:)`` can load.
///
/// Node files are named `PREFIX.nodes.LABEL.csv` with `:ID` and `:LABEL` columns, and
/// relationship files `PREFIX.relationships.TYPE.csv` with `:START_ID`, `:END_ID` and
/// `:TYPE`; either may be gzip-compressed (`.csv.gz`), which is read in process with zlib.
/// People, locations, phones, emails, vehicles and crimes become entities; phone calls
/// become dated `contacted` links between phones; officers, objects, areas and postcodes
/// are dropped and counted. docs/IMPORT_NEO4J.md has the full mapping.
///
/// Each entity's id is `neo4j:LABEL:ID` (`neo4j:Person:0`), so every record stays traceable
/// to its source node, and converting the same directory twice writes the same file.
public struct Neo4jCSVConverter: Sendable {
    /// The first part of every id the converter writes.
    public static let idPrefix = "neo4j"

    public init() {}

    /// The cegraph id of a node: `neo4j:Person:0` for the Person with `:ID` 0.
    public static func id(label: String, nodeID: String) -> String {
        "\(idPrefix):\(label):\(nodeID)"
    }

    /// Converts the Neo4j CSV files in `directory` into a JSON Lines file at `output`.
    ///
    /// Nothing is written unless the whole directory converts.
    ///
    /// - Parameters:
    ///   - directory: the directory holding the node and relationship files; other files
    ///     in it are not read.
    ///   - output: the JSON Lines file to write (replaced if it exists).
    /// - Returns: what was written and dropped, file by file, and the source row of each line.
    /// - Throws: ``StoreError`` naming the file, line and column of the first malformed
    ///   input: a missing column, an empty required cell, a value cegraph cannot hold, an
    ///   `:ID` used twice, a relationship to an unknown `:ID`, or damaged gzip.
    public func convert(directory: String, to output: String) throws -> Neo4jCSVSummary {
        var conversion = Neo4jConversion()
        do {
            for file in try Neo4jFile.files(in: directory) {
                try conversion.read(file)
            }
        } catch {
            throw StoreError("neo4j-csv", error)
        }
        conversion.finish()
        do {
            let text = try TextOutput(path: output)
            for line in conversion.lines { try text.writeLine(line) }
            try text.close()
        } catch {
            throw StoreError("neo4j-csv", "cannot write \(output): \(error.localizedDescription)",
                             hint: "check that the directory exists and is writable")
        }
        return conversion.summary
    }
}
