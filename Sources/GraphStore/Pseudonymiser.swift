import Foundation
import GRDB
import GraphCore

/// Replaces, in free text shown to a partner, the name and aliases of every child outside
/// their need-to-know with a pseudonym ("Child 1", "Child 2", numbered in the order they
/// first appear in one record), so that text written by the police can be shared without
/// naming children the reader has no need to know of.
///
/// Written by hand: the names come from the store and the rule is need-to-know, which no
/// text library knows. Matching ignores case; longer names are replaced first, so a full
/// name goes before its parts; names shorter than three letters are left (too many false
/// matches, and too little to identify a child by).
public struct Pseudonymiser: Sendable {
    /// The names to replace, longest first, each with its child's ref.
    private let names: [(name: String, child: String)]

    /// The pseudonymiser for `access`, over every child in the store.
    static func load(_ db: Database, for access: Access) throws -> Pseudonymiser {
        var names: [(String, String)] = []
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.ref, e.label, e.aliases, e.area, a.force FROM entity e LEFT JOIN area a ON a.code = e.area WHERE e.kind = 'child'
            """)
        for row in rows {
            let ref: String = row["ref"]
            guard !access.maySeeChild(ref: ref, area: row["area"], force: row["force"]) else { continue }
            let aliases: String = row["aliases"] ?? ""
            for name in [row["label"] as String] + aliases.components(separatedBy: " ; ") {
                let trimmed = name.trimmingWhitespace()
                if trimmed.count >= 3 { names.append((trimmed, ref)) }
            }
        }
        return Pseudonymiser(names: names.sorted { $0.0.count > $1.0.count })
    }

    init(names: [(name: String, child: String)]) {
        self.names = names
    }

    /// A piece of one record's text with the names replaced. `numbers` holds the record's
    /// pseudonyms so far, so that a child is the same "Child N" throughout the record.
    public func apply(_ text: String, numbers: inout [String: Int]) -> String {
        var text = text
        for (name, child) in names {
            while let range = text.range(of: name, options: .caseInsensitive) {
                let number = numbers[child] ?? (numbers.count + 1)
                numbers[child] = number
                text.replaceSubrange(range, with: "Child \(number)")
            }
        }
        return text
    }

    /// A piece of text with the names replaced, numbered afresh.
    public func apply(_ text: String) -> String {
        var numbers: [String: Int] = [:]
        return apply(text, numbers: &numbers)
    }

    /// Every string under `keys` in `json` (at any depth) with the names replaced: the
    /// free text of a workflow record (minutes, an action's text, a decision's reason).
    public func apply(_ json: JSONValue, keys: Set<String>) -> JSONValue {
        switch json {
        case .object(let object):
            var result: [String: JSONValue] = [:]
            for (key, value) in object {
                if keys.contains(key), case .string(let text) = value {
                    result[key] = .string(apply(text))
                } else {
                    result[key] = apply(value, keys: keys)
                }
            }
            return .object(result)
        case .array(let items):
            return .array(items.map { apply($0, keys: keys) })
        default:
            return json
        }
    }
}

extension StoreTransaction {
    /// The pseudonymiser for a partner reading the partnership's own records (minutes,
    /// assessments, actions): every child outside their need-to-know named "Child N".
    /// Nil for a police role, who may see every child.
    public func pseudonymiser(for access: Access) throws -> Pseudonymiser? {
        access.may(.readHandlingCodeC) ? nil : try Pseudonymiser.load(db, for: access)
    }
}
