import GraphCore

/// i2 Analyst's Notebook Exchange (ANX) XML for a map already redacted for its audience:
/// the analysts' own chart format. No public XSD exists; the structure is the one the PyPI
/// package `anxwritter` (MIT) writes for the same chart, and a test compares the two:
/// `Chart` with the 3x5x2 grade collections (`GradeOne` source 1–3, `GradeTwo` assessment
/// A–E, `GradeThree` handling P/C, each ending in "-" for none), attribute classes, link
/// types, and one `ChartItem` per entity (`End`/`Entity`/`Icon`) and per link
/// (`Link End1Id End2Id` with its `LinkStyle`), dated by first seen and graded by its best
/// report.
public struct ANXWriter: Sendable {
    /// The i2 icon type for each entity kind.
    static let iconTypes: [EntityKind: String] = [
        .child: "Child", .adult: "Person", .vehicle: "Vehicle", .location: "Location", .handle: "Social Media Account",
        .phone: "Mobile Phone", .group: "Organisation", .operation: "Operation",
    ]
    static let gradeOne = ["1", "2", "3", "-"]
    static let gradeTwo = ["A", "B", "C", "D", "E", "-"]
    static let gradeThree = ["P", "C", "-"]

    public init() {}

    public func anx(_ map: MapGraph) -> String {
        var next = 0
        func id() -> String { next += 1; return "ID\(next)" }
        var lines = [#"<?xml version="1.0" encoding="utf-8"?>"#, "<Chart>",
                     #"<ApplicationVersion Major="9" Minor="0" Point="0" Build="0"/>"#,
                     "<StrengthCollection>", #"<Strength Id="\#(id())" Name="Default" DotStyle="DotStyleSolid"/>"#,
                     "</StrengthCollection>"]
        for (element, items) in [("GradeOne", ANXWriter.gradeOne), ("GradeTwo", ANXWriter.gradeTwo), ("GradeThree", ANXWriter.gradeThree)] {
            lines += ["<\(element)>", "<StringCollection>"]
            lines += items.map { #"<String Id="\#(id())" Text="\#($0)"/>"# }
            lines += ["</StringCollection>", "</\(element)>"]
        }
        // Attribute classes and link types, in the order first used.
        var classes: [(name: String, id: String)] = []
        func classID(_ name: String) -> String {
            if let known = classes.first(where: { $0.name == name }) { return known.id }
            classes.append((name, id()))
            return classes[classes.count - 1].id
        }
        var linkTypes: [(name: String, id: String)] = []
        func linkTypeID(_ name: String) -> String {
            if let known = linkTypes.first(where: { $0.name == name }) { return known.id }
            linkTypes.append((name, id()))
            return linkTypes[linkTypes.count - 1].id
        }
        var items: [String] = []
        var entityNumber: [String: Int] = [:]
        for (index, node) in map.nodes.enumerated() {
            entityNumber[node.id] = index + 1
            let x = (index % 12) * 160, y = (index / 12) * 160
            let item = id()
            items.append(#"<ChartItem Id="\#(item)" Label="\#(XMLText.escape(node.label))" GradeOneIndex="3" GradeTwoIndex="5" "#
                         + #"GradeThreeIndex="2" XPosition="\#(x)">"#)
            items.append(#"<End X="\#(x)" Y="\#(y)" Z="0">"#)
            items.append(#"<Entity EntityId="\#(index + 1)" Identity="\#(XMLText.escape(node.id))" LabelIsIdentity="false">"#)
            items += ["<Icon>", #"<IconStyle Type="\#(XMLText.escape(ANXWriter.iconTypes[node.kind] ?? "Entity"))"/>"#, "</Icon>",
                      "</Entity>", "</End>"]
            items += attributes(MapAttributes.values(node), order: MapAttributes.node.filter { $0 != "label" }, classID)
            items.append("</ChartItem>")
        }
        for edge in map.edges {
            guard let from = entityNumber[edge.from], let to = entityNumber[edge.to] else { continue }
            let best = edge.gradingReport
            let grades = (ANXWriter.gradeOne.firstIndex(of: best?.source ?? "-") ?? 3,
                          ANXWriter.gradeTwo.firstIndex(of: best?.assessment ?? "-") ?? 5,
                          ANXWriter.gradeThree.firstIndex(of: best?.handling ?? "-") ?? 2)
            var opening = #"<ChartItem Id="\#(id())" Label="\#(XMLText.escape(edge.kind))""#
            if let date = edge.firstSeen ?? edge.lastSeen { opening += #" DateSet="true""# + #" DateTime="\#(date)T00:00:00.000""# }
            opening += #" GradeOneIndex="\#(grades.0)" GradeTwoIndex="\#(grades.1)" GradeThreeIndex="\#(grades.2)">"#
            items.append(opening)
            items.append(#"<Link End1Id="\#(from)" End2Id="\#(to)">"#)
            let type = linkTypeID(edge.kind)
            items.append(#"<LinkStyle Strength="Default" Type="\#(XMLText.escape(edge.kind))" LinkTypeReference="\#(type)"/>"#)
            items.append("</Link>")
            items += attributes(MapAttributes.values(edge), order: MapAttributes.edge, classID)
            items.append("</ChartItem>")
        }
        lines.append("<AttributeClassCollection>")
        lines += classes.map { #"<AttributeClass Id="\#($0.id)" Name="\#($0.name)" Type="AttText" IsUser="true" "#
            + #"UserCanAdd="true" UserCanRemove="true" ShowValue="true"/>"# }
        lines += ["</AttributeClassCollection>", "<LinkTypeCollection>"]
        lines += linkTypes.map { #"<LinkType Id="\#($0.id)" Name="\#(XMLText.escape($0.name))"/>"# }
        lines += ["</LinkTypeCollection>", "<ChartItemCollection>"] + items + ["</ChartItemCollection>"]
        lines += ["<PaletteCollection>", #"<Palette Name="cegraph">"#, "<AttributeClassEntryCollection>"]
        lines += classes.map { #"<AttributeClassEntry AttributeClass="\#($0.name)" AttributeClassReference="\#($0.id)"/>"# }
        lines += ["</AttributeClassEntryCollection>", "<LinkTypeEntryCollection>"]
        lines += linkTypes.map { #"<LinkTypeEntry LinkType="\#(XMLText.escape($0.name))" LinkTypeReference="\#($0.id)"/>"# }
        lines += ["</LinkTypeEntryCollection>", "</Palette>", "</PaletteCollection>", "</Chart>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func attributes(_ values: [String: String], order: [String], _ classID: (String) -> String) -> [String] {
        let present = order.compactMap { name in
            values[name].map { #"<Attribute AttributeClass="\#(name)" AttributeClassReference="\#(classID(name))" Value="\#(XMLText.escape($0))"/>"# }
        }
        return present.isEmpty ? [] : ["<AttributeCollection>"] + present + ["</AttributeCollection>"]
    }
}
