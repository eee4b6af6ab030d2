import Foundation
import GraphCore
import GraphRender

extension BriefingPack {
    /// The pack as PDF: a cover (the panel, its area, day and agenda, how to read the
    /// pack), then a section per child starting on a new page.
    ///
    /// - Throws: ``RenderError`` when a map cannot be drawn or the file cannot be written.
    public func pdf(style: MapStyle) async throws -> Data {
        try await PDFWriter(style: style).write(document(marking: style.marking))
    }

    /// The pages' content, in order.
    public func document(marking: String) -> PrintDocument {
        var blocks: [PrintDocument.Block] = [
            .title("MACCSE panel briefing pack"),
            .facts([
                .init("Panel", panelRef),
                .init("Area", areaName == area ? area : "\(areaName) (\(area))"),
                .init("Date", "\(heldOn) at \(startsAt)" + (status == "scheduled" ? "" : " (\(status))")),
                .init("Co-chairs", coChairs.isEmpty ? "not yet named" : coChairs.joined(separator: ", ")),
                .init("Changes counted since", previousPanel.map { "\($0.heldOn), the area's previous panel (\($0.ref))" }
                    ?? "nothing: no earlier panel in this area"),
                .init("Produced for", "\(producedFor) on \(producedOn)"),
            ]),
            .heading("Agenda", newPage: false),
        ]
        if children.isEmpty {
            blocks.append(.text("No child on this panel's agenda that you may see."))
        } else {
            blocks.append(.table(PrintDocument.Table(
                columns: ["", "Slot", "Child", "Case", "Risk level", "Why on the agenda"], widths: [0.04, 0.08, 0.2, 0.15, 0.2, 0.33],
                rows: children.map { child in
                    .init(["\(child.position)", child.slot, "\(child.childLabel) (\(child.childRef))", child.caseRef,
                           child.risk.flatMap { RiskLevel($0)?.brief } ?? "not recorded", child.reasons.joined(separator: "; ")])
                })))
        }
        blocks += [
            .heading("How to read this pack", newPage: false),
            .text("Each child has a section: what changed since the last panel, the latest assessment and the case's open "
                  + "actions, then the panel's map of the child's associations on a page of its own (turned to landscape when "
                  + "the map is wide)."),
            .text("The maps are drawn for the panel: any other child is shown as \"Child N\", and no link that rests only on "
                  + "intelligence graded handling code C is drawn. Assessment text graded code C is withheld."),
            .text(previousPanel.map { previous in
                "What changed since the last panel (\(previous.heldOn)): a link is new when it was first seen after that day and on "
                    + "or before this panel's day (drawn bold and marked NEW); a link has ended when it was last seen after that day and "
                    + "before this panel's day, so that no sighting carries it up to this panel (drawn dashed and grey, marked ENDED)."
            } ?? "This is the area's first panel: no link is counted as new or ended."),
        ]
        let frameworks = Set(children.compactMap { $0.risk.flatMap { RiskLevel($0)?.framework } })
        if !frameworks.isEmpty {
            blocks.append(.text("Risk levels: " + frameworks.sorted { $0.name < $1.name }.map(\.order).joined(separator: "; ") + "."))
        }
        blocks += [
            .note("\(marking): this pack holds personal data about children. Keep it securely, share it only with those who sit on "
                  + "the panel, and destroy it after the meeting. Its production is recorded in the audit log."),
        ]
        for child in children { blocks += section(child) }
        return PrintDocument(title: "MACCSE panel briefing pack \(panelRef), \(areaName), \(heldOn)", marking: marking,
                             footer: "\(panelRef) · produced for \(producedFor) on \(producedOn)", blocks: blocks)
    }

    /// One child's pages.
    private func section(_ child: Child) -> [PrintDocument.Block] {
        var blocks: [PrintDocument.Block] = [
            .heading("\(child.position). \(child.childLabel) (\(child.childRef))", newPage: true),
            .facts([
                .init("Case", child.caseRef),
                .init("Slot", child.slot),
                .init("Risk level", child.risk.flatMap { RiskLevel($0)?.brief } ?? "not recorded"),
                .init("Why on the agenda", child.reasons.joined(separator: "\n")),
            ]),
        ]
        blocks.append(.subheading("What changed since the last panel" + (changesSince.map { " (\($0))" } ?? "")))
        if changesSince == nil {
            blocks.append(.note("No earlier panel in this area: nothing is counted as changed."))
        } else if child.newLinks.isEmpty && child.endedLinks.isEmpty {
            blocks.append(.note("No link new or ended since the last panel."))
        } else {
            let rows = child.newLinks.map { Self.row($0, "new") } + child.endedLinks.map { Self.row($0, "ended") }
            blocks.append(.table(PrintDocument.Table(columns: ["Change", "From", "To", "Link", "First seen", "Last seen"],
                                                     widths: [0.1, 0.22, 0.22, 0.18, 0.14, 0.14], rows: rows)))
        }
        blocks.append(.subheading("Latest assessment"))
        if let assessment = child.assessment {
            blocks.append(.facts([
                .init("Assessment", "\(assessment.ref), \(assessment.kind == "review" ? "review" : "new assessment") on \(assessment.assessedOn)"),
                .init("Concern", assessment.concern),
                .init("Risk level", assessment.riskWords + (assessment.riskLabel.map { ": \($0)" } ?? "")),
                .init("Immediate action", assessment.immediateAction ? "yes" : "no"),
            ]))
            if assessment.withheld {
                blocks.append(.note("The summary is withheld from the panel: the assessment is graded handling code C."))
            } else if let summary = assessment.summary {
                blocks.append(.text(summary))
            } else {
                blocks.append(.note("No summary was written."))
            }
        } else {
            blocks.append(.note("No assessment recorded for this case."))
        }
        blocks.append(.subheading("Actions due"))
        if child.actionsDue.isEmpty {
            blocks.append(.note("No open action on this case."))
        } else {
            blocks.append(.table(PrintDocument.Table(
                columns: ["Action", "What is to be done", "Owner", "Due"], widths: [0.16, 0.5, 0.16, 0.18],
                rows: child.actionsDue.map { action in
                    .init([action.ref, action.text, action.ownerAgency.replacingOccurrences(of: "_", with: " "),
                           action.dueOn + (action.isOverdue ? " OVERDUE" : "")], emphasised: action.isOverdue)
                })))
        }
        let caption = "Map of associations of \(child.childLabel) (\(child.childRef)), panel audience"
        if let map = child.map {
            blocks.append(.map(PrintDocument.Map(graph: map, audience: .panel, date: heldOn, changesSince: changesSince, caption: caption)))
        } else {
            blocks += [.subheading(caption), .note("The intelligence picture holds no associations of \(child.childRef) that the panel may see.")]
        }
        return blocks
    }

    private static func row(_ change: LinkChange, _ what: String) -> PrintDocument.Table.Row {
        .init([what, change.from, change.to, change.kind.replacingOccurrences(of: "_", with: " "), change.firstSeen ?? "not known",
               change.lastSeen ?? "not known"])
    }
}
