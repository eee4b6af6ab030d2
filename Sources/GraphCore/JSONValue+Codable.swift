import Foundation

/// JSON values read and written through `Codable`, so that a typed record can hold a JSON
/// column as it was stored (an assessment's outcome) and be turned into a ``JSONValue``
/// for the writers here, whose output the API and the command line have always given.
extension JSONValue: Codable {
    /// Decodes any JSON value. A number keeps the text the decoder gives for it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let whole = try? container.decode(Int64.self) {
            self = .number(String(whole))
        } else if let number = try? container.decode(Double.self) {
            self = .number(String(number))
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let elements = try? container.decode([JSONValue].self) {
            self = .array(elements)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value as the JSON it is: a whole number as an integer, any other as a
    /// floating-point number.
    ///
    /// - Throws: `EncodingError` for a number whose text is not a finite number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let text):
            if let whole = Int64(text) {
                try container.encode(whole)
            } else if let number = Double(text), number.isFinite {
                try container.encode(number)
            } else {
                throw EncodingError.invalidValue(text, .init(codingPath: encoder.codingPath, debugDescription: "\(text) is not a number"))
            }
        case .string(let text): try container.encode(text)
        case .array(let elements): try container.encode(elements)
        case .object(let members): try container.encode(members)
        }
    }

    /// The JSON form of an `Encodable` value, as a ``JSONValue``: what a typed record gives
    /// to ``jsonBytes`` (the service) and ``prettyText(indent:)`` (the command line).
    ///
    /// - Throws: `EncodingError` when the value cannot be encoded (a floating-point number
    ///   that is not finite).
    public init(encoding value: some Encodable) throws {
        let data = try JSONEncoder().encode(value)
        self = try JSONParser.parse(String(decoding: data, as: UTF8.self))
    }
}
