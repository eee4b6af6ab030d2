import CaseWorkflow
import Foundation
import GraphCore
import Hummingbird

/// The structured rows of the case-workflow forms, which replace the typed mini-syntaxes
/// (issue 21, item 6): who attended is a name and an agency chosen from a list on each row
/// (not `NAME:AGENCY`), and a flag to set is a flag, its owning agency and, if not the
/// child, the record it is on (not `FLAG:OWNER:ID`). The page makes the write's lists of
/// them, the lists of objects the JSON API takes, so nobody types a syntax and the write is
/// the API's. Without script every row is a plain field; `rows.js` only hides the empty
/// rows behind an "add another" button.
extension WorkflowPageRoutes {
    /// The rows of people a form offers.
    static let attendeeRowCount = 8
    /// The rows of flags a decision or a strategy meeting offers.
    static let flagRowCount = 3

    /// The write's fields of a form's: each field as text, with the attendee rows made into
    /// `attendees` and the flag rows into `set_flags` (both the JSON API's lists).
    ///
    /// - Throws: ``ServerError`` naming the rows' field when a row is half filled.
    static func writeFields(_ form: [String: String]) throws -> WriteFields {
        var values = WriteFields(form: form).values
        if let attendees = try attendees(form) { values["attendees"] = .array(attendees.map(\.json)) }
        if let flags = try flagRows(form) { values["set_flags"] = .array(flags) }
        return WriteFields(values)
    }

    /// One person on an attendee row.
    struct AttendeeRow {
        let name: String
        let agency: String
        let signed: Bool

        var json: JSONValue {
            .object(["name": .string(name), "agency": .string(agency), "signed_confidentiality": .bool(signed)])
        }
    }

    /// The people of a form's attendee rows (`attendee_name_N`, `attendee_agency_N`, and
    /// `attendee_unsigned_N` ticked when they have not signed the confidentiality
    /// statement); nil when the form has no such rows.
    static func attendees(_ form: [String: String]) throws -> [AttendeeRow]? {
        guard form.keys.contains(where: { $0.hasPrefix("attendee_name_") }) else { return nil }
        return try (1...attendeeRowCount).compactMap { n -> AttendeeRow? in
            let name = form["attendee_name_\(n)"]?.trimmingWhitespace() ?? ""
            let agency = form["attendee_agency_\(n)"]?.trimmingWhitespace() ?? ""
            if name.isEmpty && agency.isEmpty { return nil }
            guard !name.isEmpty else { throw ServerError(.badRequest, "row \(n) has an agency but no name: give the person's name", field: "attendees") }
            guard !agency.isEmpty else { throw ServerError(.badRequest, "choose the agency \(name) came from (row \(n))", field: "attendees") }
            return AttendeeRow(name: name, agency: agency, signed: form["attendee_unsigned_\(n)"] == nil)
        }
    }

    /// The flags of a form's flag rows (`flag_kind_N`, `flag_owner_N`, and `flag_entity_N`
    /// when the flag is on another record than the case's child), as the JSON API's
    /// `set_flags`; nil when the form has no such rows.
    static func flagRows(_ form: [String: String]) throws -> [JSONValue]? {
        guard form.keys.contains(where: { $0.hasPrefix("flag_kind_") }) else { return nil }
        return try (1...flagRowCount).compactMap { n -> JSONValue? in
            let flag = form["flag_kind_\(n)"]?.trimmingWhitespace() ?? ""
            let owner = form["flag_owner_\(n)"]?.trimmingWhitespace() ?? ""
            let entity = form["flag_entity_\(n)"]?.trimmingWhitespace() ?? ""
            if flag.isEmpty && owner.isEmpty && entity.isEmpty { return nil }
            guard !flag.isEmpty else { throw ServerError(.badRequest, "choose which flag to set (row \(n))", field: "set_flags") }
            guard !owner.isEmpty else { throw ServerError(.badRequest, "choose the agency that owns the \(flag.replacingOccurrences(of: "_", with: " ")) flag (row \(n))", field: "set_flags") }
            var item: [String: JSONValue] = ["flag": .string(flag), "owner": .string(owner)]
            if !entity.isEmpty { item["entity"] = .string(entity) }
            return .object(item)
        }
    }

    /// The partner agencies, by code and name, in the store's order.
    func agencies() throws -> [(code: String, name: String)] {
        try services.store.reading { tx in
            try tx.rows("common.agencies").map { (code: $0.string("code"), name: $0.string("name")) }
        }
    }

    /// An agency code in words (its name), else the code with spaces for underscores.
    static func agencyName(_ code: String, in agencies: [(code: String, name: String)]) -> String {
        agencies.first { $0.code == code }?.name ?? code.replacingOccurrences(of: "_", with: " ")
    }

    /// A `<select>`'s agencies, the first choice empty.
    static func agencyOptions(_ agencies: [(code: String, name: String)], selected: String?, empty: String = "choose an agency") -> [[String: Any]] {
        [["value": "", "label": empty, "selected": (selected ?? "").isEmpty]]
            + agencies.map { ["value": $0.code, "label": $0.name, "selected": $0.code == selected] }
    }

    /// The attendee rows a form shows, filled with what was typed after a refusal.
    static func attendeeRows(_ typed: [String: String], agencies: [(code: String, name: String)]) -> [[String: Any]] {
        (1...attendeeRowCount).map { n in
            ["n": String(n), "name": typed["attendee_name_\(n)"] ?? "",
             "agencies": agencyOptions(agencies, selected: typed["attendee_agency_\(n)"]),
             "unsigned": typed["attendee_unsigned_\(n)"] != nil] as [String: Any]
        }
    }

    /// The flag rows a form shows, `prefix` making their ids unique on the page.
    static func flagRowFields(_ typed: [String: String], prefix: String, agencies: [(code: String, name: String)]) -> [[String: Any]] {
        (1...flagRowCount).map { n in
            ["n": String(n), "id": "\(prefix)-flag-\(n)",
             "kinds": options([""] + FlagKind.allCases.map(\.rawValue), selected: typed["flag_kind_\(n)"],
                              words: ["": "no flag", "cse": "CSE (sexual exploitation)", "cce": "CCE (criminal exploitation)",
                                      "ce": "CE (exploitation)"]),
             "agencies": agencyOptions(agencies, selected: typed["flag_owner_\(n)"], empty: "owning agency"),
             "entity": typed["flag_entity_\(n)"] ?? ""] as [String: Any]
        }
    }
}
