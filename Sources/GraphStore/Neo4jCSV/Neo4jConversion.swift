import GraphCore

/// One conversion in progress: node files first, then relationship files, then the links
/// gathered from them, as FORMAT.md JSON Lines.
///
/// Entities are written in file order as their nodes are read; links are gathered by their
/// ends and kind and written at the end, so every line is a whole record.
struct Neo4jConversion {
    /// The JSON Lines written so far.
    private(set) var lines: [String] = []
    private(set) var summary = Neo4jCSVSummary()
    private var nodes: [String: Neo4jNode] = [:]
    private var calls: [String: PoleCall] = [:]
    private var callOrder: [String] = []
    private var links: [PendingLink] = []
    private var linkIndex: [String: Int] = [:]

    /// Reads one node or relationship file; every node file must come before the first
    /// relationship file.
    ///
    /// - Throws: ``InputError`` naming the file, line and column of the first problem.
    mutating func read(_ file: Neo4jFile) throws(InputError) {
        var reader = CSVReader(bytes: try file.contents(), file: file.path)
        guard let first = try reader.next() else {
            throw InputError("the file is empty; expected a header row", at: SourceLocation(file: file.path, line: 1))
        }
        let header = try Neo4jHeader(first.cells.map { $0.trimmingWhitespace() },
                                     at: SourceLocation(file: file.path, line: first.line))
        let note = file.role == .nodes ? PoleEntity.note(for: file.named) : PoleRelationship.note(for: file.named)
        summary.files.append(Neo4jCSVSummary.File(name: file.name, note: note))
        let index = summary.files.count - 1
        switch file.role {
        case .nodes:
            try header.require([.id, .label])
            var checked: Set<String> = []
            while let raw = try reader.next() {
                let row = try Neo4jRow(header: header, row: raw, file: file.path)
                summary.files[index].rows += 1
                try readNode(row, file: index, checked: &checked)
            }
        case .relationships:
            try header.require([.startID, .endID, .type])
            while let raw = try reader.next() {
                let row = try Neo4jRow(header: header, row: raw, file: file.path)
                summary.files[index].rows += 1
                try readRelationship(row, file: index)
            }
        }
    }

    /// Turns the calls into `contacted` links and writes every link.
    mutating func finish() {
        for id in callOrder {
            let call = calls[id]!
            let ends = call.callers + call.called
            if let problem = call.problem {
                drop(file: call.file, problem)
                for end in ends { drop(file: end.file, problem) }
                continue
            }
            summary.files[call.file].mapped += 1
            for end in ends { summary.files[end.file].mapped += 1 }
            let slot = link(from: call.callers[0].phone, to: call.called[0].phone, kind: .contacted, origin: call.location)
            links[slot].seen(on: call.date)
            links[slot].calls += 1
        }
        for link in links {
            lines.append(JSONValue.object(link.record).jsonText)
            summary.origins.append(link.origin)
            summary.links[link.kind, default: 0] += 1
        }
    }

    // MARK: - Nodes

    private mutating func readNode(_ row: Neo4jRow, file: Int, checked: inout Set<String>) throws(InputError) {
        let id = try row.required(.id)
        let labels = try row.required(.label).split(separator: ";").map { String($0).trimmingWhitespace() }
        let label = labels.first(where: PoleEntity.labels.contains) ?? labels[0]
        if let previous = nodes[id] {
            throw row.error("\(Excerpt(id)) is already the :ID of the node at \(previous.location)", column: row.header.index(of: .id))
        }
        if checked.insert(label).inserted {
            try row.header.require([], properties: PoleEntity.requiredColumns(of: label))
        }
        let ref = Neo4jCSVConverter.id(label: label, nodeID: id)
        guard let entity = try PoleEntity.map(label: label, id: id, row: row) else {
            nodes[id] = Neo4jNode(label: label, ref: nil, kind: nil, location: row.location)
            if label == "PhoneCall" {
                guard let date = try row.date("call_date") else {
                    throw row.error("empty; a PhoneCall needs the date of the call", property: "call_date")
                }
                calls[id] = PoleCall(date: date, location: row.location, file: file)
                callOrder.append(id)
            } else {
                drop(file: file, nil)
            }
            return
        }
        var object = entity.fields
        object["record"] = .string("entity")
        object["id"] = .string(ref)
        object["kind"] = .string(entity.kind.rawValue)
        // The importer checks the same rules, but could only name a line of the converted file.
        do {
            _ = try RecordDecoder.decode(object, at: row.location)
        } catch {
            if let column = error.field.flatMap({ entity.columns[$0] }) { throw row.error(error.message, property: column) }
            throw error
        }
        lines.append(JSONValue.object(object).jsonText)
        summary.origins.append(row.location)
        summary.entities[entity.kind, default: 0] += 1
        if entity.usedPhoneFallback { summary.phoneFallbacks += 1 }
        summary.files[file].mapped += 1
        nodes[id] = Neo4jNode(label: label, ref: ref, kind: entity.kind, location: row.location)
    }

    // MARK: - Relationships

    private mutating func readRelationship(_ row: Neo4jRow, file: Int) throws(InputError) {
        let start = try node(row, .startID)
        let end = try node(row, .endID)
        let type = try row.required(.type)
        switch PoleRelationship.map(type: type, from: start.label, to: end.label, familyRelation: row.text("rel_type")) {
        case .link(let kind, let reversed, let basis):
            let (from, to) = reversed ? (end, start) : (start, end)
            guard let fromRef = from.ref, let toRef = to.ref, let fromKind = from.kind, let toKind = to.kind,
                  kind.allows(from: fromKind, to: toKind) else {
                drop(file: file, "\(type) from \(start.label) to \(end.label)")
                return
            }
            guard fromRef != toRef else {
                drop(file: file, "\(type) from a node to itself")
                return
            }
            let slot = link(from: fromRef, to: toRef, kind: kind, origin: row.location)
            if let basis, !links[slot].basis.contains(basis) { links[slot].basis.append(basis) }
            summary.files[file].mapped += 1
        case .callEnd(let caller):
            let callID = try row.required(.startID)
            let phone = PoleCall.End(phone: end.ref!, file: file)
            if caller { calls[callID]!.callers.append(phone) } else { calls[callID]!.called.append(phone) }
        case .dropped(let reason):
            drop(file: file, reason)
        }
    }

    /// The node a relationship's start or end names.
    private func node(_ row: Neo4jRow, _ role: Neo4jHeader.Role) throws(InputError) -> Neo4jNode {
        let id = try row.required(role)
        guard let node = nodes[id] else {
            throw row.error("no node has the :ID \(Excerpt(id))", column: row.header.index(of: role))
        }
        return node
    }

    /// The slot of the link with these ends and kind, made when it is new.
    private mutating func link(from: String, to: String, kind: LinkKind, origin: SourceLocation) -> Int {
        let key = "\(from)\u{0}\(to)\u{0}\(kind.rawValue)"
        if let slot = linkIndex[key] { return slot }
        links.append(PendingLink(from: from, to: to, kind: kind, origin: origin))
        linkIndex[key] = links.count - 1
        return links.count - 1
    }

    /// Counts a row as dropped, and why when the file's note does not say.
    private mutating func drop(file: Int, _ reason: String?) {
        summary.files[file].dropped += 1
        if let reason { summary.files[file].reasons[reason, default: 0] += 1 }
    }
}
