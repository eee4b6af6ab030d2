import GraphCore

extension JSONValue {
    /// A JSON integer.
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A JSON number rounded to `places` decimals.
    static func decimal(_ value: Double, places: Int = 6) -> JSONValue {
        let scale = pow10(places)
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return .number(String(Int(rounded))) }
        return .number(String(rounded))
    }

    private static func pow10(_ places: Int) -> Double {
        var result = 1.0
        for _ in 0..<places { result *= 10 }
        return result
    }
}
