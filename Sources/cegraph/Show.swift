import ArgumentParser
import GraphCore
import GraphStore

extension CEGraph {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an entity: attributes, ids, links and the graded intelligence behind them.",
            discussion: """
                Any id the entity was submitted under works, including ids merged into it.

                Examples:
                  cegraph show CH12
                  cegraph show VE7 --json
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The entity's id, or any id merged into it.")
        var id: String

        @Option(help: "Why you are looking, for the audit log.")
        var reason = "viewing an entity"

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            let store = try global.openStore()
            guard let detail = try store.entityDetail(id: id, for: global.viewer(purpose: reason)) else {
                throw CommandError(message: "no entity has the id \(id)", kind: .notFound)
            }
            if json {
                Printer.json(detail.json)
            } else {
                print(Show.text(detail))
            }
        }

        static func text(_ detail: EntityDetail) -> String {
            var lines = ["\(detail.id)  \(detail.label)  (\(detail.kind.rawValue))"]
            if detail.ids.count > 1 { lines.append("  also submitted as: " + detail.ids.dropFirst().joined(separator: ", ")) }
            if let area = detail.area { lines.append("  area: \(area.name) (\(area.code))") }
            for key in detail.attributes.keys.sorted() where key != "area" {
                let value = detail.attributes[key]!
                lines.append("  \(key): " + (value.stringValue ?? value.jsonText))
            }
            lines.append("")
            lines.append("links (\(detail.links.count)):")
            for link in detail.links {
                let arrow = link.direction == "out" ? "-->" : "<--"
                var line = "  \(link.kind.rawValue) \(arrow) \(link.other.id) \(link.other.label) (\(link.other.kind.rawValue))"
                if link.firstSeen != nil || link.lastSeen != nil {
                    line += "  seen \(link.firstSeen ?? "?") to \(link.lastSeen ?? "?")"
                }
                lines.append(line)
                if let note = link.note { lines.append("      note: \(note)") }
                for intel in link.intel {
                    lines.append("      \(intel.id) \(intel.grading) \(intel.date)" + (intel.agency.map { " \($0)" } ?? "")
                                 + (intel.handlingConditions.map { "  conditions: \($0)" } ?? ""))
                }
                if link.intel.isEmpty { lines.append("      (no intelligence attached: ungraded)") }
            }
            if !detail.about.isEmpty {
                lines.append("")
                lines.append("intelligence about \(detail.id) (\(detail.about.count)):")
                for intel in detail.about {
                    lines.append("  \(intel.id) \(intel.grading) \(intel.date)" + (intel.agency.map { " \($0)" } ?? ""))
                    if let text = intel.text { lines.append("      \(text)") }
                    if let conditions = intel.handlingConditions { lines.append("      conditions: \(conditions)") }
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
