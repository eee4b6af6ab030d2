import GraphCore
import Testing
@testable import CaseWorkflow

/// The disruption register through a notice's life (seed 003): drafted by the coordinator,
/// approved (by whom, their rank or role), served, breached, expiring (a reminder on the
/// overdue list), renewed or ended; and who may see it.
struct NoticeLifecycleTests {
    static let intel = [
        #"{"record":"intel","id":"IN-B1","date":"2026-05-02","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","text":"Seen with the child."}"#,
        #"{"record":"intel","id":"IN-C1","date":"2026-05-03","source_evaluation":"2","intelligence_assessment":"B","handling_code":"C","handling_conditions":"Police only","text":"Police only."}"#,
    ]

    func draftCAWN(_ fixture: WorkflowFixture, expires: String = "2026-10-31") throws -> String {
        try fixture.workflow.draftDisruption(DisruptionInput(subject: "AD1", tool: .cawn, expiresOn: date(expires), child: "CH1"),
                                             on: date("2026-04-20"), by: fixture.viewer)
    }

    @Test func aNoticeIsDraftedApprovedServedBreachedAndEnded() throws {
        let fixture = try WorkflowFixture(Self.intel)
        let workflow = fixture.workflow, viewer = fixture.viewer
        // A CAWN still names the child it protects.
        let noChild = try #require(throws: WorkflowError.self) {
            try workflow.draftDisruption(DisruptionInput(subject: "AD1", tool: .cawn), on: date("2026-04-20"), by: viewer)
        }
        #expect(noChild.field == "child")
        let ref = try draftCAWN(fixture)
        #expect(try workflow.disruption(ref, asOf: date("2026-04-20"), by: viewer).state == .drafted)

        // Refusals: serving an unapproved notice, a breach before it is served.
        let unapproved = try #require(throws: WorkflowError.self) {
            try workflow.serveDisruption(ref, on: date("2026-04-22"), expires: nil, by: viewer)
        }
        #expect(unapproved.kind == .conflict && unapproved.message.contains("has not been approved"), "\(unapproved)")
        let early = try #require(throws: WorkflowError.self) {
            try workflow.recordBreach(ref, BreachInput(breachedOn: date("2026-04-21"), record: "OCC-1", note: "Seen"), today: date("2026-04-21"),
                                      by: viewer)
        }
        #expect(early.message.contains("has not been served"), "\(early)")
        let noRank = try #require(throws: WorkflowError.self) {
            try workflow.approveDisruption(ref, approver: "C Officer", role: " ", on: date("2026-04-21"), by: viewer)
        }
        #expect(noRank.field == "approver_role")

        try workflow.approveDisruption(ref, approver: "C Officer", role: "Chief Inspector", on: date("2026-04-21"), by: viewer)
        #expect(throws: WorkflowError.self) {
            try workflow.approveDisruption(ref, approver: "C Officer", role: "Chief Inspector", on: date("2026-04-21"), by: viewer)
        }
        let beforeApproval = try #require(throws: WorkflowError.self) {
            try workflow.serveDisruption(ref, on: date("2026-04-20"), expires: nil, by: viewer)
        }
        #expect(beforeApproval.field == "served_on")
        try workflow.serveDisruption(ref, on: date("2026-04-22"), expires: nil, by: viewer)
        let served = try workflow.disruption(ref, asOf: date("2026-05-01"), by: viewer)
        #expect(served.state == .inForce && served.approvedBy == "C Officer" && served.approverRole == "Chief Inspector")
        #expect(served.expiresOn == "2026-10-31" && served.childRef == "CH1")

        // Breaches: before service, to come, without a record, with an unknown report: refused.
        let cases: [(BreachInput, String)] = [
            (BreachInput(breachedOn: date("2026-04-21"), record: "OCC-1", note: "Seen"), "breached_on"),
            (BreachInput(breachedOn: date("2026-06-01"), record: "OCC-1", note: "Seen"), "breached_on"),
            (BreachInput(breachedOn: date("2026-05-02"), note: "Seen"), "record"),
            (BreachInput(breachedOn: date("2026-05-02"), intel: "IN-NONE", note: "Seen"), "intel"),
            (BreachInput(breachedOn: date("2026-05-02"), record: "OCC-1", note: " "), "note"),
        ]
        for (input, field) in cases {
            let error = try #require(throws: WorkflowError.self) {
                try workflow.recordBreach(ref, input, today: date("2026-05-10"), by: viewer)
            }
            #expect(error.field == field, "\(error)")
        }
        try workflow.recordBreach(ref, BreachInput(breachedOn: date("2026-05-02"), intel: "IN-B1", note: "Seen with the child at the address"),
                                  today: date("2026-05-10"), by: viewer)
        try workflow.recordBreach(ref, BreachInput(breachedOn: date("2026-05-09"), record: "OCC-2026-77", note: "Messaged the child"),
                                  today: date("2026-05-10"), by: viewer)
        let breached = try workflow.disruption(ref, asOf: date("2026-05-10"), by: viewer)
        #expect(breached.breached && breached.breachCount == 2 && breached.lastBreachedOn == "2026-05-09")
        #expect(breached.breaches.map(\.intelRef) == ["IN-B1", nil] && breached.breaches.last?.recordRef == "OCC-2026-77")
        #expect(breached.history.map(\.event) == ["drafted", "approved", "served", "breached", "breached"])
        let register = try workflow.disruptionRegister(DisruptionFilter(show: .breached), asOf: date("2026-05-10"), by: viewer)
        #expect(register.disruptions.map(\.ref) == [ref] && register.counts["breached"] == 1 && register.counts["in_force"] == 1)

        // Ended, with its outcome; an ended notice is not renewed, nor ended again, nor breached after.
        #expect(throws: WorkflowError.self) { try workflow.endDisruption(ref, outcome: " ", on: date("2026-05-20"), by: viewer) }
        try workflow.endDisruption(ref, outcome: "Subject charged with child abduction", on: date("2026-05-20"), by: viewer)
        let renewal = try #require(throws: WorkflowError.self) {
            try workflow.renewDisruption(ref, expires: date("2027-04-30"), asNewNotice: false, on: date("2026-05-21"), by: viewer)
        }
        #expect(renewal.kind == .conflict && renewal.message.contains("not renewed"), "\(renewal)")
        #expect(throws: WorkflowError.self) { try workflow.endDisruption(ref, outcome: "Again", on: date("2026-05-21"), by: viewer) }
        #expect(throws: WorkflowError.self) {
            try workflow.recordBreach(ref, BreachInput(breachedOn: date("2026-05-21"), record: "OCC-3", note: "Seen"), today: date("2026-05-22"),
                                      by: viewer)
        }
        let ended = try workflow.disruption(ref, asOf: date("2026-05-21"), by: viewer)
        #expect(ended.state == .ended && !ended.inForce && ended.outcome == "Subject charged with child abduction")
    }

    @Test func aReminderAppearsTheSettingsDaysBeforeExpiryAndNotBefore() throws {
        let fixture = try WorkflowFixture()
        let workflow = fixture.workflow, viewer = fixture.viewer
        let ref = try workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cceWarningNotice, servedOn: date("2026-01-05"),
                                                                expiresOn: date("2026-07-31")), by: viewer)
        func reminders(_ day: String, area: String? = nil) throws -> [TimescaleItem] {
            try workflow.timescales(on: date(day), area: area, by: viewer).filter { $0.kind == "notice_expiry" }
        }
        // 28 days by default: from 3 July.
        #expect(try reminders("2026-07-02").isEmpty)
        let first = try #require(try reminders("2026-07-03").first)
        #expect(first.ref == ref && first.due == date("2026-07-31") && !first.isOverdue && first.rule.contains("renew or end it"))
        #expect(try workflow.disruption(ref, asOf: date("2026-07-03"), by: viewer).state == .expiring)
        #expect(try workflow.disruption(ref, asOf: date("2026-07-02"), by: viewer).state == .inForce)
        #expect(try reminders("2026-07-03", area: "E08000012").count == 1)
        #expect(try reminders("2026-07-03", area: "E08000014").isEmpty)
        // Past expiry it stays, late, until renewed or ended.
        #expect(try reminders("2026-08-10").first?.isOverdue == true)
        // The setting, per area: 10 days for Liverpool.
        try workflow.updateSettings(["noticeReminderDays": .number("10")], for: "E08000012", by: viewer)
        #expect(try reminders("2026-07-20").isEmpty)
        #expect(try reminders("2026-07-21").count == 1)
        #expect(throws: WorkflowError.self) { try workflow.updateSettings(["noticeReminderDays": .number("0")], for: nil, by: viewer) }
        // Renewed to a later expiry: off the list until the new reminder.
        try workflow.renewDisruption(ref, expires: date("2027-07-31"), asNewNotice: false, on: date("2026-07-25"), by: viewer)
        #expect(try reminders("2026-07-25").isEmpty)
        let history = try workflow.disruption(ref, asOf: date("2026-07-25"), by: viewer).history
        #expect(history.last?.detail == "expiry moved from 2026-07-31 to 2027-07-31")
        // Ended: no reminder.
        try workflow.endDisruption(ref, outcome: "Subject moved out of the area", on: date("2026-08-01"), by: viewer)
        #expect(try reminders("2027-07-30").isEmpty)
    }

    @Test func aRenewalAsANewNoticeReplacesTheOldOneWhenServed() throws {
        let fixture = try WorkflowFixture()
        let workflow = fixture.workflow, viewer = fixture.viewer
        let old = try workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cawn, servedOn: date("2026-01-05"),
                                                                expiresOn: date("2026-07-31"), child: "CH1"), by: viewer)
        let new = try workflow.renewDisruption(old, expires: date("2027-07-31"), asNewNotice: true, on: date("2026-07-10"), by: viewer)
        #expect(new != old)
        #expect(throws: WorkflowError.self) {
            try workflow.renewDisruption(old, expires: nil, asNewNotice: true, on: date("2026-07-10"), by: viewer)
        }
        let draft = try workflow.disruption(new, asOf: date("2026-07-10"), by: viewer)
        #expect(draft.state == .drafted && draft.renewsRef == old && draft.childRef == "CH1")
        // The old one stays in force until the new one is served.
        #expect(try workflow.disruption(old, asOf: date("2026-07-10"), by: viewer).renewedByRef == new)
        #expect(try workflow.disruption(old, asOf: date("2026-07-10"), by: viewer).inForce)
        try workflow.approveDisruption(new, approver: "C Officer", role: "Chief Inspector", on: date("2026-07-15"), by: viewer)
        try workflow.serveDisruption(new, on: date("2026-07-20"), expires: nil, by: viewer)
        let replaced = try workflow.disruption(old, asOf: date("2026-07-21"), by: viewer)
        #expect(replaced.state == .renewed && replaced.endedOn == "2026-07-20")
        #expect(try workflow.disruption(new, asOf: date("2026-07-21"), by: viewer).state == .inForce)
        // The alert rule reads CAWNs in force: only the new one.
        let inForce = try workflow.disruptionRegister(DisruptionFilter(show: .inForce), asOf: date("2026-07-21"), by: viewer)
        #expect(inForce.disruptions.map(\.ref) == [new])
        #expect(throws: WorkflowError.self) {
            try workflow.renewDisruption(old, expires: date("2028-01-01"), asNewNotice: false, on: date("2026-07-22"), by: viewer)
        }
    }

    @Test func theRegistersFiltersCountsAndPages() throws {
        let fixture = try WorkflowFixture()
        let workflow = fixture.workflow, viewer = fixture.viewer
        for day in 1...5 {
            try workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cceWarningNotice, servedOn: date("2026-01-0\(day)"),
                                                          expiresOn: date("2026-12-31")), by: viewer)
        }
        try workflow.recordDisruption(DisruptionInput(subject: "AD2", tool: .asbPower, servedOn: date("2026-02-01"),
                                                      expiresOn: date("2026-03-10")), by: viewer)
        _ = try draftCAWN(fixture)
        let all = try workflow.disruptionRegister(DisruptionFilter(pageSize: 3), asOf: date("2026-04-21"), by: viewer)
        #expect(all.total == 7 && all.pages == 3 && all.disruptions.count == 3)
        #expect(all.counts == ["all": 7, "in_force": 5, "expiring": 0, "breached": 0, "pending": 1])
        let last = try workflow.disruptionRegister(DisruptionFilter(page: 3, pageSize: 3), asOf: date("2026-04-21"), by: viewer)
        #expect(last.disruptions.count == 1)
        let sefton = try workflow.disruptionRegister(DisruptionFilter(area: "E08000014"), asOf: date("2026-04-21"), by: viewer)
        #expect(sefton.disruptions.map(\.subjectRef) == ["AD2"] && sefton.disruptions.first?.state == .expired)
        let merseyside = try workflow.disruptionRegister(DisruptionFilter(area: "merseyside"), asOf: date("2026-04-21"), by: viewer)
        #expect(merseyside.total == 7)
        #expect(throws: WorkflowError.self) {
            try workflow.disruptionRegister(DisruptionFilter(page: 0), asOf: date("2026-04-21"), by: viewer)
        }
        let pending = try workflow.disruptionRegister(DisruptionFilter(show: .pending), asOf: date("2026-04-21"), by: viewer)
        #expect(pending.disruptions.map(\.tool) == ["cawn"])
    }

    @Test func aViewerWhoMayNotSeeTheSubjectOrChildFindsNoNotice() throws {
        let fixture = try WorkflowFixture()
        let workflow = fixture.workflow, viewer = fixture.viewer
        let sefton = try workflow.recordDisruption(DisruptionInput(subject: "AD2", tool: .cceWarningNotice, servedOn: date("2026-02-01")),
                                                   by: viewer)
        let liverpool = try workflow.recordDisruption(DisruptionInput(subject: "AD1", tool: .cawn, servedOn: date("2026-02-01"), child: "CH1"),
                                                      by: viewer)
        let scoped = Viewer(name: "liverpool-ccset", purpose: "test",
                            access: Access(role: .ccsetCoordinator, scope: Scope(areas: ["E08000012"])))
        let register = try workflow.disruptionRegister(DisruptionFilter(), asOf: date("2026-04-21"), by: scoped)
        #expect(register.disruptions.map(\.ref) == [liverpool] && register.counts["all"] == 1)
        let hidden = try #require(throws: WorkflowError.self) { try workflow.disruption(sefton, asOf: date("2026-04-21"), by: scoped) }
        let missing = try #require(throws: WorkflowError.self) { try workflow.disruption("DISR-999999", asOf: date("2026-04-21"), by: scoped) }
        #expect(hidden.kind == .notFound && missing.kind == .notFound)
        #expect(hidden.message.replacingOccurrences(of: sefton, with: "X") == missing.message.replacingOccurrences(of: "DISR-999999", with: "X"))
        #expect(throws: WorkflowError.self) {
            try workflow.recordBreach(sefton, BreachInput(breachedOn: date("2026-03-01"), record: "OCC", note: "Seen"), today: date("2026-04-21"),
                                      by: scoped)
        }
        // The entity page's notices: the child's protect them; a MACCSE coordinator sees none.
        #expect(try workflow.noticesInForce(about: "CH1", asOf: date("2026-04-21"), by: scoped).map(\.ref) == [liverpool])
        #expect(try workflow.noticesInForce(about: "AD1", asOf: date("2026-04-21"), by: viewer).map(\.ref) == [liverpool])
        let maccse = Viewer(name: "maccse", purpose: "test", access: Access(role: .maccseCoordinator, scope: Scope(areas: ["E08000012"])))
        #expect(try workflow.noticesInForce(about: "CH1", asOf: date("2026-04-21"), by: maccse).isEmpty)
        #expect(try workflow.disruptionRegister(DisruptionFilter(), asOf: date("2026-04-21"), by: maccse).total == 0)
    }
}
