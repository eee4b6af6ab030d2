/// The type of a field in the data contract, which says how its value is checked and
/// normalised and how a CSV cell is read.
public enum FieldType: Sendable, Equatable {
    /// Free text.
    case text
    /// A `YYYY-MM-DD` date.
    case date
    /// `true` or `false` (in CSV also `yes`/`no`, `1`/`0`).
    case bool
    /// A number within a range.
    case number(ClosedRange<Double>)
    /// A list of strings (`;`-separated in CSV).
    case list
    /// One of a fixed set of values.
    case choice([String])
    /// A risk level, `framework:level`.
    case risk
    /// The code of an area (a local authority or police force) known to the store.
    case area
    /// The code of a police force known to the store.
    case force
    /// A vehicle registration mark, normalised.
    case vrm
    /// A phone number, normalised to E.164.
    case phone
    /// A social media handle, normalised.
    case handle
    /// A social media platform, normalised.
    case platform
    /// A UK postcode, normalised.
    case postcode
}
