import Foundation
import GraphCore

/// A piece of evidence as the query engine words it, laid out for the pages as a sentence
/// whose records link to their pages (issue 21, item 5): the engine's
/// `AD3 "Name" (adult, Liverpool) —subject_of [IN2 2B P]→ OP1 "Name" (operation)` becomes
/// "Name (AD3, adult, Liverpool) → subject of, IN2 graded 2B P → Name (OP1, operation)", each
/// name and report a link. The CLI keeps the engine's words; text that does not parse stays
/// as it is.
///
/// Hand-written over the engine's own grammar (a record is `REF "LABEL" (DETAIL)`, a step
/// `—KIND [REPORTS]→` or `←KIND [REPORTS]—`): no library knows it.
enum EvidenceSentence {
    enum Part: Equatable {
        case text(String)
        case entity(ref: String, label: String, detail: String)
        case step(kind: String, forward: Bool, reports: [Report])
    }

    struct Report: Equatable {
        let ref: String
        let grading: String
    }

    nonisolated(unsafe) private static let pattern =
        #/(?<ref>[^\s"]+) "(?<label>[^"]*)" \((?<detail>[^()]*)\)|—(?<out>[a-z_]+) \[(?<outReports>[^\]]*)\]→|←(?<in>[a-z_]+) \[(?<inReports>[^\]]*)\]—/#

    /// The sentence's parts, in order.
    static func parts(_ text: String) -> [Part] {
        var parts: [Part] = []
        var rest = text[...]
        while let match = rest.firstMatch(of: pattern) {
            if match.range.lowerBound > rest.startIndex { parts.append(.text(String(rest[rest.startIndex..<match.range.lowerBound]))) }
            if let ref = match.output.ref, let label = match.output.label, let detail = match.output.detail {
                parts.append(.entity(ref: String(ref), label: String(label), detail: String(detail)))
            } else if let kind = match.output.out ?? match.output.in {
                let reports = (match.output.outReports ?? match.output.inReports ?? "").split(separator: ";").compactMap { item -> Report? in
                    let words = item.split(separator: " ", maxSplits: 1).map(String.init)
                    guard words.count == 2, words[0] != "ungraded" else { return nil }
                    return Report(ref: words[0], grading: words[1])
                }
                parts.append(.step(kind: String(kind), forward: match.output.out != nil, reports: reports))
            }
            rest = rest[match.range.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }

    /// The parts for the `evidence-sentence` partial. Every part carries every key, so that
    /// a part never finds a field of the page around it instead.
    static func fields(_ text: String) -> [[String: Any]] {
        parts(text).map { part in
            var fields: [String: Any] = ["text": "", "isEntity": false, "isStep": false, "href": "", "label": "", "ref": "",
                                         "detail": "", "kind": "", "arrow": "", "reports": [[String: Any]](), "ungraded": false]
            switch part {
            case .text(let text):
                // The engine's prose names link kinds by their codes (`uses_phone`).
                fields["text"] = LinkKind.allCases.filter { $0.rawValue.contains("_") }.reduce(text) { text, kind in
                    text.replacingOccurrences(of: kind.rawValue, with: kind.rawValue.replacingOccurrences(of: "_", with: " "))
                }
            case .entity(let ref, let label, let detail):
                fields["isEntity"] = true
                fields["href"] = "/entities/" + PageRenderer.pathSegment(ref)
                fields["label"] = label.isEmpty ? ref : label
                fields["ref"] = ref
                let words = detail.split(separator: ",").map { item in
                    let word = item.trimmingCharacters(in: .whitespaces)
                    return RiskLevel(word)?.brief ?? PageRoutes.kindName(word)
                }.joined(separator: ", ")
                // A section on an empty string still shows: none is NSNull.
                fields["detail"] = words.isEmpty ? NSNull() : words
            case .step(let kind, let forward, let reports):
                fields["isStep"] = true
                fields["kind"] = kind.replacingOccurrences(of: "_", with: " ")
                fields["arrow"] = forward ? "→" : "←"
                fields["reports"] = reports.map { ["ref": $0.ref, "href": PageRoutes.intelHref($0.ref), "grading": $0.grading] }
                fields["ungraded"] = reports.isEmpty
            }
            return fields
        }
    }
}
