import Foundation
import GraphCore
import GraphQuery
import GraphRender
import GraphStore
import TestSupport
import Testing
@testable import CaseWorkflow

/// The panel briefing pack's content (issue 21, item 4): which children, in agenda order;
/// the links new and ended since the area's previous panel; the latest assessment; the
/// open actions, overdue marked; its disclosure audited.
struct BriefingPackTests {
    /// CH1's links around two Liverpool panels, on 10 and 24 March 2026.
    static let links: [String] = [
        // Seen before and up to the panel's day: unchanged.
        #"{"record":"link","from":"CH1","to":"LO1","kind":"frequents","first_seen":"2026-01-05","last_seen":"2026-03-24"}"#,
        // First seen after 10 March: new.
        #"{"record":"link","from":"CH1","to":"AD1","kind":"associates_with","first_seen":"2026-03-15","last_seen":"2026-03-20"}"#,
        #"{"record":"link","from":"CH1","to":"CH2","kind":"associates_with","first_seen":"2026-03-16"}"#,
        // Last seen between the panels: ended.
        #"{"record":"link","from":"CH1","to":"LO2","kind":"frequents","first_seen":"2026-01-10","last_seen":"2026-03-12"}"#,
        // New, but resting only on handling-code-C intelligence: never on the panel's map.
        #"{"record":"intel","id":"INC1","date":"2026-03-15","source_evaluation":"2","intelligence_assessment":"B","handling_code":"C","handling_conditions":"Police only.","text":"Synthetic.","about":["CH1"]}"#,
        #"{"record":"link","from":"CH1","to":"AD2","kind":"associates_with","first_seen":"2026-03-15","intel":["INC1"]}"#,
        // First seen after the panel: not on its map.
        #"{"record":"link","from":"CH1","to":"LO1","kind":"lives_at","first_seen":"2026-04-02"}"#,
        // Ended before the previous panel: unchanged.
        #"{"record":"link","from":"CH1","to":"VE1","kind":"passenger_in","first_seen":"2025-12-01","last_seen":"2026-02-01"}"#,
    ]

    /// CH1 and CH2 on the 24 March panel, an earlier panel on 10 March, CH1's actions.
    static func twoPanels() throws -> (fixture: WorkflowFixture, panel: String, earlier: String, cases: [String]) {
        let fixture = try WorkflowFixture(links)
        let (_, first) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        _ = try fixture.assess(first, on: "2026-03-09", scaling: 2)
        // After the panel: not the pack's latest.
        _ = try fixture.assess(first, on: "2026-03-30", scaling: 7, review: true)
        let (_, second) = try fixture.openCase(child: "CH2", received: "2026-03-03")
        _ = try fixture.assess(second, on: "2026-03-11", scaling: 5)
        let panel = try fixture.quoratePanel(on: "2026-03-24")
        let earlier = try fixture.workflow.schedulePanel(area: "E08000012", on: date("2026-03-10"), coChairs: ["A", "B"], by: fixture.viewer)
        for (text, due) in [("Return home interview", "2026-03-20"), ("Disruption visit", "2026-04-30"), ("Done already", "2026-03-21")] {
            let (ref, _) = try fixture.workflow.addAction(at: .panel(panel), ActionInput(text: text, owner: "childrens_services",
                                                                                         dueOn: date(due), caseRef: first), by: fixture.viewer)
            if text == "Done already" {
                try fixture.workflow.updateAction(ref, status: "done", on: date("2026-03-24"), note: nil, by: fixture.viewer)
            }
        }
        return (fixture, panel, earlier, [first, second])
    }

    @Test func theChildrenInAgendaOrderWithTheirChangesAssessmentAndActions() throws {
        let (fixture, panel, earlier, cases) = try Self.twoPanels()
        let pack = try fixture.workflow.briefingPack(panel: panel, engine: QueryEngine(store: fixture.store), recipient: "Liverpool panel",
                                                     on: date("2026-03-23"), by: fixture.viewer)
        let entry = try #require(try fixture.store.auditEntries(limit: 1).first)
        let agenda = try fixture.workflow.panel(panel, by: fixture.viewer).agenda
        var order: [String] = []
        for item in agenda where !order.contains(item.caseRef) { order.append(item.caseRef) }
        #expect(pack.children.map(\.caseRef) == order && Set(order) == Set(cases), "\(pack.children.map(\.caseRef)) vs \(order)")
        #expect(pack.children.map(\.position) == Array(1...pack.children.count))
        #expect(pack.previousPanel == BriefingPack.PreviousPanel(ref: earlier, heldOn: "2026-03-10"))
        #expect(pack.areaName == "Liverpool" && pack.producedFor == "Liverpool panel")

        let child = try #require(pack.children.first { $0.childRef == "CH1" })
        // New: first seen after the previous panel; CH2 is another child, so a pseudonym.
        #expect(Set(child.newLinks.map(\.to)) == ["Adult One", "Child 1"], "\(child.newLinks)")
        #expect(child.endedLinks.map(\.to) == ["Place Two"], "\(child.endedLinks)")
        let map = try #require(child.map)
        #expect(map.edges.filter(\.isNew).count == 2 && map.edges.filter(\.hasEnded).count == 1)
        #expect(!map.nodes.contains { $0.id == "CH2" || $0.label.contains("Child Two") }, "the panel's map names no other child")
        #expect(!map.nodes.contains { $0.id == "AD2" }, "a link resting only on code C is not on the panel's map")
        #expect(map.nodes.contains { $0.id == "VE1" } && map.nodes.contains { $0.id == "LO1" })
        #expect(!map.edges.contains { $0.kind == "lives_at" }, "a link first seen after the panel is on its map")

        let assessment = try #require(child.assessment)
        #expect(assessment.risk == "merseyside:2" && assessment.riskWords.hasPrefix("Merseyside scaling 2 of 10"))
        #expect(assessment.summary == "Synthetic assessment." && !assessment.withheld)
        // Open actions only, by due day; due before the panel's day: overdue.
        #expect(child.actionsDue.map(\.text) == ["Return home interview", "Disruption visit"])
        #expect(child.actionsDue.map(\.isOverdue) == [true, false])
        #expect(pack.children.first { $0.childRef == "CH2" }?.actionsDue.isEmpty == true)

        // Audited as a disclosure to the recipient, naming the panel, cases and children.
        #expect(entry.operation == "disclosure" && entry.records.contains(panel) && entry.records.contains("briefing pack"), "\(entry)")
        #expect(entry.records.contains("CH1") && entry.records.contains("AD1") && entry.records.contains(cases[1]))
        #expect(entry.recipients.contains("Liverpool panel"), "\(entry.recipients)")
    }

    @Test func withoutAnEarlierPanelNothingIsCountedAsChanged() throws {
        let fixture = try WorkflowFixture(Self.links)
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        _ = try fixture.assess(ceCase, on: "2026-03-09")
        let panel = try fixture.quoratePanel(on: "2026-03-24")
        let pack = try fixture.workflow.briefingPack(panel: panel, engine: QueryEngine(store: fixture.store), on: date("2026-03-23"),
                                                     by: fixture.viewer)
        #expect(pack.previousPanel == nil && pack.children.count == 1)
        #expect(pack.children[0].newLinks.isEmpty && pack.children[0].endedLinks.isEmpty)
        #expect(pack.children[0].map?.edges.contains { $0.isNew || $0.hasEnded } == false)
        #expect(pack.producedFor == fixture.viewer.name)
    }

    @Test func anUnknownPanelIsNotFound() throws {
        let fixture = try WorkflowFixture()
        #expect(throws: WorkflowError.self) {
            _ = try fixture.workflow.briefingPack(panel: "PANEL-404404", engine: QueryEngine(store: fixture.store), on: date("2026-03-23"),
                                                  by: fixture.viewer)
        }
    }

    /// The printed pack: a PDF with a cover and a section per child, the maps drawn by
    /// Graphviz onto its pages; its text (when `pdftotext` is here) names the children by
    /// their refs and the sections, never another child's name.
    @Test func thePackIsAPDFWithACoverAndAPagePerChild() async throws {
        let (fixture, panel, _, _) = try Self.twoPanels()
        let pack = try fixture.workflow.briefingPack(panel: panel, engine: QueryEngine(store: fixture.store), on: date("2026-03-23"),
                                                     by: fixture.viewer)
        let data = try await pack.pdf(style: try MapStyle.shipped())
        #expect(data.starts(with: Data("%PDF-".utf8)) && data.count > 5_000)
        let file = fixture.directory.appendingPathComponent("pack.pdf")
        try data.write(to: file)
        guard let pages = PDFText.pageCount(file), let text = PDFText.text(file) else {
            print("poppler-utils (pdfinfo, pdftotext) is not installed: the PDF's pages and text are not checked")
            return
        }
        // A cover, then each child from a new page: at least three pages, each numbered.
        #expect(pages >= 3, "\(pages) pages")
        #expect(text.contains("page 1 of \(pages)") && text.contains("page \(pages) of \(pages)"))
        for heading in ["MACCSE panel briefing pack", "Agenda", "Map of associations of Child One (CH1), panel audience",
                        "What changed since the last panel (2026-03-10)", "Latest assessment", "Actions due", "OVERDUE",
                        "Return home interview", "OFFICIAL-SENSITIVE", "CH1", "CH2", "Child 1", "ENDED", "NEW"] {
            #expect(text.contains(heading), "the pack's text lacks \(heading)")
        }
        // CH1's map shows CH2 as "Child 1": CH2's own name appears only in its own section
        // (its heading and the agenda), never on CH1's pages.
        let firstSection = try #require(text.range(of: "1. Child One (CH1)").map { text[$0.lowerBound...] })
        let secondStart = firstSection.range(of: "2. Child Two (CH2)")?.lowerBound ?? firstSection.endIndex
        #expect(!firstSection[..<secondStart].contains("Child Two"), "CH1's section names CH2")
        #expect(!text.contains("Adult Two") && !text.contains("AD2"), "the pack shows what rests only on code C")
    }
}
