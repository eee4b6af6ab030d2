/// The notification pass's half in the graph: which cross-border links around a child must
/// be told to whom.
extension GraphView {
    /// The cross-border links within `hops` links of `child`, each as a duty to tell every
    /// area on its far side: the MASH of a local authority other than `home`, and the CE police
    /// lead of a force other than `home`'s. One duty per link, area and contact.
    public func crossBorderDuties(child: Int32, home: SnapshotArea, hops: Int) -> [CrossBorderDuty] {
        let ball = neighbourhood(of: child, hops: hops)
        let walks = self.walks(from: child, order: ball.entities, hops: ball.hops)
        var duties: [CrossBorderDuty] = []
        var seen = Set<String>()
        for link in links(among: ball.entities) {
            let (from, to) = snapshot.ends(link)
            guard let a = snapshot.area(of: from), let b = snapshot.area(of: to), borderLabel(a, b) != nil else { continue }
            for (entity, area) in [(from, a), (to, b)] {
                // The walk to this end through the link, so that the reason names the crossing.
                let other = entity == from ? to : from
                let walk = walks[other].flatMap { $0.contains(entity) ? nil : $0 + [entity] } ?? walks[entity] ?? [other, entity]
                var targets: [(String, CrossBorderDuty.Contact)] = []
                if !area.isForce, area.code != home.code { targets.append((area.code, .mash)) }
                if area.force != home.force { targets.append((snapshot.areas[area.force].code, .cePoliceLead)) }
                for (code, contact) in targets where seen.insert("\(link) \(code) \(contact.rawValue)").inserted {
                    duties.append(CrossBorderDuty(linkRowid: snapshot.links.rowid[Int(link)], area: code, contact: contact,
                                                  reason: dutyWords(child: child, walk: walk, link: link, area: area),
                                                  records: walk.map(snapshot.ref)))
                }
            }
        }
        return duties
    }

    /// `CH1: an adult in Wigan, linked directly (associates_with)`, or `2 links out`.
    func dutyWords(child: Int32, walk: [Int32], link: Int32, area: SnapshotArea) -> String {
        let far = walk.last ?? child
        let kind = snapshot.kind(far).rawValue
        let article = "aeiou".contains(kind.first ?? "x") ? "an" : "a"
        let steps = max(1, walk.count - 1)
        return "\(snapshot.ref(child)): \(article) \(kind) in \(area.name), "
            + (steps == 1 ? "linked directly" : "\(steps) links out") + " (\(snapshot.linkKind(link).rawValue))"
    }
}
