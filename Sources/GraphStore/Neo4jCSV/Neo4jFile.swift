import Foundation
import GraphCore

/// One file of a Neo4j admin-import directory, told apart by its name:
/// `PREFIX.nodes.LABEL.csv` or `PREFIX.relationships.TYPE.csv`, either one optionally
/// gzip-compressed (`.csv.gz`).
struct Neo4jFile {
    enum Role {
        case nodes, relationships
    }

    /// The file's name in its directory.
    let name: String
    /// The path used to read it, and to name it in errors.
    let path: String
    let role: Role
    /// The label or relationship type its name gives (`Person`, `KNOWS`).
    let named: String
    let isCompressed: Bool

    /// The node and relationship files in a directory, each group sorted by name so that
    /// a conversion is the same every time. Other files are not returned.
    ///
    /// - Throws: ``InputError`` when the directory cannot be read or holds no node file.
    static func files(in directory: String) throws(InputError) -> [Neo4jFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputError("\(directory): cannot read the directory (\(error.localizedDescription))")
        }
        let files = names.sorted().compactMap { Neo4jFile(name: $0, directory: directory) }
        guard files.contains(where: { $0.role == .nodes }) else {
            throw InputError("\(directory): no Neo4j node files (NAME.nodes.LABEL.csv or .csv.gz) in the directory")
        }
        return files.filter { $0.role == .nodes } + files.filter { $0.role == .relationships }
    }

    private init?(name: String, directory: String) {
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        isCompressed = parts.last?.lowercased() == "gz"
        if isCompressed { parts.removeLast() }
        guard parts.count >= 3, parts.last?.lowercased() == "csv" else { return nil }
        parts.removeLast()
        let marker = parts[parts.count - 2].lowercased()
        switch marker {
        case "nodes": role = .nodes
        case "relationships": role = .relationships
        default: return nil
        }
        self.name = name
        named = parts[parts.count - 1]
        path = (directory as NSString).appendingPathComponent(name)
    }

    /// The file's bytes, decompressed when the file is gzip.
    ///
    /// - Throws: ``InputError`` naming the file when it cannot be read or is not valid gzip.
    func contents() throws(InputError) -> [UInt8] {
        if isCompressed { return try GzipFile.contents(of: path, name: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("cannot read the file", at: SourceLocation(file: path, line: 1))
        }
        return [UInt8](data)
    }
}
