import Foundation

/// The data files in `Resources/`, read the one way.
enum WorkflowResource {
    /// The bytes of a file in `Resources/`.
    ///
    /// - Throws: ``WorkflowError`` naming the file when it is missing or unreadable, which
    ///   means the build is broken, not the user's input.
    static func data(named name: String) throws -> Data {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw WorkflowError("the Resources folder is missing from the CaseWorkflow package resources; rebuild cegraph",
                                file: name)
        }
        do {
            return try Data(contentsOf: folder.appendingPathComponent(name))
        } catch {
            throw WorkflowError("cannot read the shipped data file (\(error.localizedDescription)); rebuild cegraph",
                                file: name)
        }
    }
}
