import GraphCore
import Hummingbird

extension Download {
    /// Whether a list request asks for CSV (`format=csv`) rather than JSON (the default).
    ///
    /// - Throws: ``ServerError`` 400 for any other format.
    static func wantsCSV(_ request: Request) throws -> Bool {
        switch request.query("format") ?? "json" {
        case "json": return false
        case "csv": return true
        case let other: throw ServerError(.badRequest, "format \(Excerpt.bare(other)) is not json or csv")
        }
    }
}
