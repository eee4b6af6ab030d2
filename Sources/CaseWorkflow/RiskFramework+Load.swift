import Foundation

extension RiskFramework {
    /// Reads and validates a framework definition file.
    ///
    /// - Parameter url: The JSON file, such as `frameworks/llr.json`.
    /// - Returns: The validated framework.
    /// - Throws: ``WorkflowError`` naming the file and, for a bad definition, the JSON path
    ///   at fault (`fields[3].type`) and what is allowed there.
    public static func load(contentsOf url: URL) throws -> RiskFramework {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw WorkflowError(operation: loadOperation, message: "cannot read the file: \(error.localizedDescription)",
                                file: url.path)
        }
        return try RiskFramework(json: data, file: url.path)
    }

    /// Decodes and validates a framework definition held in memory.
    ///
    /// - Parameters:
    ///   - json: The definition's JSON text.
    ///   - file: The name to give in errors, usually the file's path.
    /// - Throws: ``WorkflowError`` naming `file` and the JSON path at fault.
    public init(json: Data, file: String) throws {
        do {
            self = try JSONDecoder().decode(RiskFramework.self, from: json)
        } catch let error as WorkflowError {
            throw WorkflowError(operation: error.operation, message: error.message, field: error.field, file: file,
                                hint: error.hint, kind: error.kind)
        } catch let error as DecodingError {
            throw Self.workflowError(error, file: file)
        }
    }

    /// The decoding error in the words and JSON paths of a definition file.
    private static func workflowError(_ error: DecodingError, file: String) -> WorkflowError {
        func path(_ keys: [any CodingKey]) -> String? {
            guard !keys.isEmpty else { return nil }
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        func expected(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: return "text"
            case is Int.Type: return "a whole number"
            case is Bool.Type: return "true or false"
            default: return String(describing: type).hasPrefix("Array") ? "a list" : "an object"
            }
        }
        let (message, field): (String, String?)
        switch error {
        case .dataCorrupted(let context):
            // A syntax error carries its position only in the underlying error.
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            message = context.codingPath.isEmpty ? "not valid JSON: \(underlying ?? context.debugDescription)"
                : context.debugDescription
            field = path(context.codingPath)
        case .keyNotFound(let key, let context):
            message = "'\(key.stringValue)' is missing"
            field = path(context.codingPath)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            message = "expected \(expected(type))"
            field = path(context.codingPath)
        @unknown default:
            message = String(describing: error)
            field = nil
        }
        return WorkflowError(operation: loadOperation, message: message, field: field, file: file,
                             hint: "see docs/RISK_FRAMEWORKS.md for the definition format")
    }
}
