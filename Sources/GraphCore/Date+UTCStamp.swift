import Foundation

extension Date {
    /// The time as an ISO 8601 UTC stamp to the second, `2026-11-23T18:05:09Z`: the same
    /// text as `formatted(.iso8601)`.
    ///
    /// Written by hand because every audit row needs one and, on Linux, Foundation's format
    /// style costs tens of microseconds a call; this is `gmtime_r` and a few digits.
    public var utcStamp: String {
        var seconds = time_t(floor(timeIntervalSince1970))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var bytes = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int32, at index: Int, digits: Int) {
            var value = Int(value)
            for offset in stride(from: digits - 1, through: 0, by: -1) {
                bytes[index + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(parts.tm_year + 1900, at: 0, digits: 4)
        put(parts.tm_mon + 1, at: 5, digits: 2)
        put(parts.tm_mday, at: 8, digits: 2)
        put(parts.tm_hour, at: 11, digits: 2)
        put(parts.tm_min, at: 14, digits: 2)
        put(parts.tm_sec, at: 17, digits: 2)
        bytes[4] = UInt8(ascii: "-"); bytes[7] = UInt8(ascii: "-"); bytes[10] = UInt8(ascii: "T")
        bytes[13] = UInt8(ascii: ":"); bytes[16] = UInt8(ascii: ":"); bytes[19] = UInt8(ascii: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }
}
