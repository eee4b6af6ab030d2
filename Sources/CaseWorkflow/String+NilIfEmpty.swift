extension String {
    /// The text, or nil when it is empty: an optional field left blank is not recorded.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
