import Foundation
import GraphCore
import Hummingbird

extension Request {
    /// A query parameter as text.
    func query(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map(String.init)
    }

    /// A whole-number query parameter within a range, or a 400 naming it.
    func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = query(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw ServerError(.badRequest, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// The area a query parameter names by code or by name, in any case (``AreaDirectory``):
    /// its code; nil when absent or empty.
    ///
    /// - Throws: ``InputError`` naming the parameter when no area, or several, answer to it.
    func area(_ services: Services, name: String = "area") throws -> String? {
        guard let text = query(name)?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return try services.store.areaDirectory().code(for: text, field: name)
    }

    /// A date query parameter (`YYYY-MM-DD`), nil when absent, or a 400 naming it.
    func date(_ name: String) throws -> CalendarDate? {
        try WriteFields(query(name).map { [name: .string($0)] } ?? [:]).date(name)
    }

    /// The body as a JSON object, at most `limit` bytes.
    func jsonObject(limit: Int) async throws -> [String: JSONValue] {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch {
            throw ServerError(.contentTooLarge, "the request body is larger than \(limit) bytes")
        }
        guard case .object(let object)? = try? JSONParser.parse(String(buffer: buffer)) else {
            throw ServerError(.badRequest, "the request body must be a JSON object")
        }
        return object
    }
}
