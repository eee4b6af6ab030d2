extension Concern {
    /// The exploitation in words, as the pages and the timeline name it.
    public var words: String {
        switch self {
        case .cse: "child sexual exploitation"
        case .cce: "child criminal exploitation"
        case .both: "child sexual and criminal exploitation"
        }
    }

    /// A stored concern code in words; the code itself when it is not one cegraph knows.
    public static func words(_ code: String) -> String { Concern(rawValue: code)?.words ?? code }
}
