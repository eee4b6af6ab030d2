import GraphCore

/// A PhoneCall node and the phones at its ends, gathered from the CALLER and CALLED files.
struct PoleCall {
    /// One CALLER or CALLED row: the phone's cegraph id and the row's file.
    struct End {
        let phone: String
        let file: Int
    }

    let date: CalendarDate
    let location: SourceLocation
    /// The index of the PhoneCall node file in the summary.
    let file: Int
    var callers: [End] = []
    var called: [End] = []

    /// Why the call cannot become a `contacted` link, or `nil` when it can.
    var problem: String? {
        guard callers.count == 1, called.count == 1 else { return "a call without exactly one CALLER and one CALLED" }
        return callers[0].phone == called[0].phone ? "a call from a phone to itself" : nil
    }
}
