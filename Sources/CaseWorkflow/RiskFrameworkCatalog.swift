import Foundation
import GraphCore

/// The risk frameworks a partnership can assess with, by code.
///
/// ``standard()`` holds the three shipped with cegraph (Merseyside, LLR, SERAF). A
/// partnership that words its form differently keeps its own definition files in a
/// directory and lays them over the standard ones with ``overriding(with:)``: a file whose
/// `code` matches a standard framework replaces it.
public struct RiskFrameworkCatalog: Sendable {
    /// The frameworks, ordered by code.
    public let frameworks: [RiskFramework]

    /// Makes a catalogue from frameworks already loaded.
    ///
    /// - Parameter frameworks: The frameworks, at most one per code.
    /// - Throws: ``WorkflowError`` when two frameworks have the same code, since it would be
    ///   unclear which one an assessment was made against.
    public init(frameworks: [RiskFramework]) throws {
        var byCode: [RiskLevel.Framework: RiskFramework] = [:]
        for framework in frameworks {
            guard byCode.updateValue(framework, forKey: framework.code) == nil else {
                throw WorkflowError(operation: RiskFramework.loadOperation,
                                    message: "framework \(framework.code.rawValue) is defined twice",
                                    hint: "keep one definition file per framework code")
            }
        }
        self.frameworks = byCode.values.sorted { $0.code.rawValue < $1.code.rawValue }
    }

    /// Loads every `*.json` file in a directory as a framework definition.
    ///
    /// - Parameter directory: The directory, such as a partnership's `frameworks/`.
    /// - Throws: ``WorkflowError`` naming the file and the JSON path of the first bad
    ///   definition, or when the directory cannot be read or two files share a code.
    public init(directory: URL) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw WorkflowError(operation: RiskFramework.loadOperation,
                                message: "cannot list the directory: \(error.localizedDescription)", file: directory.path)
        }
        let files = names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
        do {
            try self.init(frameworks: files.map(RiskFramework.load(contentsOf:)))
        } catch let error as WorkflowError where error.file == nil {
            throw WorkflowError(operation: error.operation, message: error.message, field: error.field,
                                file: directory.path, hint: error.hint, kind: error.kind)
        }
    }

    /// The frameworks shipped with cegraph: `merseyside`, `llr` and `seraf`, from
    /// `Resources/frameworks/`.
    ///
    /// - Returns: The standard catalogue.
    /// - Throws: ``WorkflowError`` if the shipped files are missing or broken, which the
    ///   tests rule out for a release build.
    public static func standard() throws -> RiskFrameworkCatalog {
        try RiskFrameworkCatalog(directory: standardDirectory())
    }

    /// The directory of the shipped definition files.
    static func standardDirectory() throws -> URL {
        guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw WorkflowError(operation: RiskFramework.loadOperation, message: "the CaseWorkflow resources are missing",
                                hint: "reinstall cegraph; the Resources folder ships beside the binary", kind: .internal)
        }
        return resources.appendingPathComponent("frameworks")
    }

    /// This catalogue with another's frameworks laid over it: a framework in `other`
    /// replaces the one of the same code here, and the rest are kept.
    ///
    /// - Parameter other: The partnership's own frameworks.
    /// - Returns: The combined catalogue.
    public func overriding(with other: RiskFrameworkCatalog) -> RiskFrameworkCatalog {
        let replaced = Set(other.frameworks.map(\.code))
        let kept = frameworks.filter { !replaced.contains($0.code) }
        return RiskFrameworkCatalog(sorted: kept + other.frameworks)
    }

    private init(sorted frameworks: [RiskFramework]) {
        self.frameworks = frameworks.sorted { $0.code.rawValue < $1.code.rawValue }
    }

    /// The framework with this code.
    ///
    /// - Parameter code: The framework's code, such as `llr`; case does not matter.
    /// - Returns: The framework.
    /// - Throws: ``WorkflowError`` naming the codes the catalogue has.
    public func framework(code: String) throws -> RiskFramework {
        guard let framework = frameworks.first(where: { $0.code.rawValue == code.lowercased() }) else {
            throw WorkflowError(operation: "choose framework", message: "there is no framework \(Excerpt(code, quote: "'"))",
                                hint: "frameworks: " + frameworks.map(\.code.rawValue).joined(separator: ", "))
        }
        return framework
    }
}
