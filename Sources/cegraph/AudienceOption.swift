import GraphCore
import ArgumentParser
import GraphRender

extension Audience {
    /// The audience an `--audience` option names.
    ///
    /// - Throws: `ValidationError` listing the audiences.
    static func option(_ text: String) throws -> Audience {
        guard let audience = Audience(rawValue: text) else {
            throw ValidationError("unknown --audience \(text); expected " + Audience.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return audience
    }
}
