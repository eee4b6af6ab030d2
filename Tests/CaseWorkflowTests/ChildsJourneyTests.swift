import GraphCore
import GraphQuery
import GraphStore
import Testing
@testable import CaseWorkflow

/// The child's journey and the duties to tell others (issue 19; seeds 000/001, 002, 003 §3):
/// placements out of area, the front door where the child lives, the notification log, a
/// child found in another force, and the handover at 18.
struct ChildsJourneyTests {
    /// A Wigan child, a Sefton children's home, a place in Flintshire (North Wales Police),
    /// an adult in Wigan linked to CH1, and one linked only on code-C intelligence.
    static let journey: [String] = [
        #"{"record":"entity","id":"CH9","kind":"child","name":"Child Nine","dob":"2010-06-01","area":"E08000010"}"#,
        #"{"record":"entity","id":"LO9","kind":"location","name":"Home Nine","location_type":"childrens_home","area":"E08000014"}"#,
        #"{"record":"entity","id":"LO8","kind":"location","name":"Beach Eight","location_type":"park","area":"W06000005"}"#,
        #"{"record":"entity","id":"AD9","kind":"adult","name":"Adult Nine","area":"E08000010"}"#,
        #"{"record":"entity","id":"AD8","kind":"adult","name":"Adult Eight","area":"E08000011"}"#,
        #"{"record":"intel","id":"IN90","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","text":"Synthetic.","about":["CH1"]}"#,
        #"{"record":"intel","id":"IN91","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"C","handling_conditions":"Police only.","text":"Synthetic.","about":["CH1"]}"#,
        #"{"record":"link","from":"CH1","to":"AD9","kind":"associates_with","first_seen":"2026-02-20","intel":["IN90"]}"#,
        #"{"record":"link","from":"CH1","to":"AD8","kind":"associates_with","first_seen":"2026-02-20","intel":["IN91"]}"#,
    ]

    @Test func aWiganChildPlacedInSeftonIsReferredToSeftonAndWiganIsTold() throws {
        let fixture = try WorkflowFixture(Self.journey)
        let placed = try fixture.workflow.recordPlacement(PlacementInput(
            child: "CH9", kind: .childrensHome, location: "LO9", startedOn: date("2026-03-02")), on: date("2026-03-02"), by: fixture.viewer)
        #expect(placed.isNew && placed.notifications.count == 2)
        // The front door is where the child lives: Sefton, not Wigan.
        let referral = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH9", receivedOn: date("2026-03-05"), referrer: "Duty worker", agency: "education", concern: .cce), by: fixture.viewer)
        #expect(referral.area == "E08000014")
        // Before the placement began, the child's home area.
        let earlier = try fixture.workflow.recordReferral(ReferralInput(
            child: "CH9", receivedOn: date("2026-02-20"), referrer: "Duty worker", agency: "education", concern: .cce), by: fixture.viewer)
        #expect(earlier.area == "E08000010")
        // Sefton tells Wigan's home social worker; Wigan tells Sefton's MASH.
        let tasks = try fixture.workflow.notifications(area: nil, by: fixture.viewer)
        let home = try #require(tasks.first { $0.contact == .homeSocialWorker })
        #expect(home.area == "E08000014" && home.toArea == "E08000010" && home.source == .placement && home.childRef == "CH9")
        #expect(home.reason.contains("Wigan") && home.reason.contains("Sefton") && home.dueOn == "2026-03-03")
        let mash = try #require(tasks.first { $0.contact == .mash })
        #expect(mash.area == "E08000010" && mash.toArea == "E08000014")
        // The case, opened at Sefton's front door, shows both authorities.
        try fixture.workflow.screenReferral(referral.ref, outcome: .section47, on: date("2026-03-05"), by: fixture.viewer)
        let ceCase = try fixture.workflow.openCase(referral: referral.ref, on: date("2026-03-05"), by: fixture.viewer)
        let detail = try fixture.workflow.caseDetail(ceCase, asOf: date("2026-09-20"), by: fixture.viewer)
        #expect(detail.area == "E08000014" && detail.placements.first?.placingArea == "E08000010" && detail.placements.first?.area == "E08000014")
        #expect(detail.notifications.count == 2)
        // Overdue from the day after it is due, until done; done is a disclosure.
        let overdue = try fixture.workflow.timescales(on: date("2026-03-04"), area: "E08000014", by: fixture.viewer)
        #expect(overdue.contains { $0.kind == "notification" && $0.ref == home.ref })
        _ = try fixture.workflow.completeNotification(home.ref, on: date("2026-03-04"), how: .phone,
                                                      disclosed: "The placement and the concern", note: nil, by: fixture.viewer)
        #expect(try !fixture.workflow.timescales(on: date("2026-03-04"), area: "E08000014", by: fixture.viewer)
            .contains { $0.ref == home.ref })
        let entries = try fixture.store.auditEntries(limit: 20)
        #expect(entries.contains { $0.operation == "disclosure" && $0.records.contains(home.ref) && $0.recipients.contains("Wigan") })
        // Done once: a second time is refused.
        #expect(throws: WorkflowError.self) {
            _ = try fixture.workflow.completeNotification(home.ref, on: date("2026-03-05"), how: .email, disclosed: "again", note: nil,
                                                          by: fixture.viewer)
        }
    }

    @Test func anIncomingPlacementIsScreenedAndOnlyACERiskTellsTheHomeSocialWorker() throws {
        let fixture = try WorkflowFixture(Self.journey)
        let placed = try fixture.workflow.recordPlacement(PlacementInput(
            child: "CH9", livesIn: "E08000014", kind: .foster, placement: "Foster carers in Sefton", startedOn: date("2026-03-02"),
            incoming: true), on: date("2026-03-02"), by: fixture.viewer)
        #expect(placed.notifications.isEmpty)
        #expect(try fixture.workflow.timescales(on: date("2026-03-03"), area: "E08000014", by: fixture.viewer)
            .contains { $0.kind == "placement_screening" && $0.ref == placed.ref })
        let screened = try fixture.workflow.recordPlacement(PlacementInput(child: "CH9", ref: placed.ref, ceRisk: true, screenedOn: date("2026-03-03")),
                                                            on: date("2026-03-03"), by: fixture.viewer)
        #expect(screened.notifications.count == 1)
        #expect(try !fixture.workflow.timescales(on: date("2026-03-04"), area: "E08000014", by: fixture.viewer)
            .contains { $0.kind == "placement_screening" })
    }

    @Test func aChildFoundInNorthWalesRaisesTheDutiesToTellThere() throws {
        let fixture = try WorkflowFixture(Self.journey)
        let episode = try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-01")), by: fixture.viewer)
        let found = try fixture.workflow.recordMissing(MissingInput(child: "CH1", foundOn: date("2026-04-02"), foundAt: "LO8"),
                                                       by: fixture.viewer)
        #expect(found.notifications.count == 2)
        let tasks = try fixture.workflow.notifications(area: "E08000012", by: fixture.viewer)
        #expect(Set(tasks.map(\.toArea)) == ["W06000005", "north_wales"])
        let police = try #require(tasks.first { $0.toArea == "north_wales" })
        #expect(police.contact == .cePoliceLead && police.toForce && police.missingRef == episode.ref && police.source == .missing)
        #expect(police.reason.contains("Flintshire") && police.raisedOn == "2026-04-02")
        // Recording the same episode's finding again raises nothing new: the place is not new.
        let again = try fixture.workflow.recordMissing(MissingInput(child: "CH1", episode: episode.ref, foundOn: date("2026-04-02"), foundAt: "LO8"),
                                                       by: fixture.viewer)
        #expect(again.notifications.isEmpty)
        #expect(try fixture.workflow.notifications(area: "E08000012", by: fixture.viewer).count == 2)
    }

    @Test func theNotificationPassTellsEachCrossBorderLinkOnceAndNeverOnCodeCAlone() throws {
        let fixture = try WorkflowFixture(Self.journey)
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let engine = QueryEngine(store: fixture.store)
        let pass = try fixture.workflow.notificationPass(engine: engine, on: date("2026-03-03"), by: fixture.viewer)
        // CH1 (Liverpool) — AD9 (Wigan, Greater Manchester): Wigan's MASH and GMP's CE police
        // lead. AD8 (Knowsley) rests only on code C: not told to partners.
        let tasks = try fixture.workflow.notifications(area: nil, by: fixture.viewer)
        #expect(pass.raised.count == 2 && pass.cases == 1, "\(tasks.map(\.reason))")
        #expect(Set(tasks.map(\.toArea)) == ["E08000010", "greater_manchester"])
        #expect(tasks.allSatisfy { $0.caseRef == ceCase && $0.source == .crossBorder && $0.reason.contains("an adult in Wigan, linked directly (associates_with)") })
        #expect(!tasks.contains { $0.toArea == "E08000011" })
        // Run again: nothing new.
        #expect(try fixture.workflow.notificationPass(engine: engine, on: date("2026-03-04"), by: fixture.viewer).raised.isEmpty)
        // Done, then run again: a link told is not told twice.
        for task in tasks {
            _ = try fixture.workflow.completeNotification(task.ref, on: date("2026-03-04"), how: .secureEmail, disclosed: "The link",
                                                          note: nil, by: fixture.viewer)
        }
        #expect(try fixture.workflow.notificationPass(engine: engine, on: date("2026-03-05"), by: fixture.viewer).raised.isEmpty)
        // A new link into Wigan is a new task for each of them again.
        try fixture.load([#"{"record":"entity","id":"AD7","kind":"adult","name":"Adult Seven","area":"E08000010"}"#,
                          #"{"record":"link","from":"CH1","to":"AD7","kind":"associates_with","first_seen":"2026-03-05","intel":["IN90"]}"#])
        let next = try fixture.workflow.notificationPass(engine: engine, on: date("2026-03-06"), by: fixture.viewer)
        #expect(next.raised.count == 2)
    }

    @Test func aDutyIsRaisedByHandAndRefusedWhenItNamesNoOne() throws {
        let fixture = try WorkflowFixture(Self.journey)
        let ref = try fixture.workflow.raiseNotification(child: "CH1", to: "cheshire", contact: .cePoliceLead, source: .arrest,
                                                         because: "Arrested with drugs in Chester", on: date("2026-03-04"), by: fixture.viewer)
        let task = try #require(try fixture.workflow.notifications(area: "E08000012", by: fixture.viewer).first { $0.ref == ref })
        #expect(task.source == .arrest && task.toForce && task.area == "E08000012")
        let before = try fixture.auditCount()
        func field(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let error as WorkflowError { return error.field } catch { return "\(error)" }
        }
        #expect(field { _ = try fixture.workflow.raiseNotification(child: "CH1", to: "E08000010", contact: .cePoliceLead, source: .arrest,
                                                                   because: "x", on: date("2026-03-04"), by: fixture.viewer) } == "contact")
        #expect(field { _ = try fixture.workflow.raiseNotification(child: "CH1", to: "E08000012", contact: .mash, source: .other,
                                                                   because: "x", on: date("2026-03-04"), by: fixture.viewer) } == "to")
        #expect(field { _ = try fixture.workflow.raiseNotification(child: "CH1", to: "cheshire", contact: .cePoliceLead, source: .arrest,
                                                                   because: "  ", on: date("2026-03-04"), by: fixture.viewer) } == "because")
        #expect(field { _ = try fixture.workflow.completeNotification(ref, on: date("2026-03-03"), how: .phone, disclosed: "x", note: nil,
                                                                      by: fixture.viewer) } == "on")
        #expect(field { _ = try fixture.workflow.completeNotification(ref, on: date("2026-03-04"), how: .phone, disclosed: "", note: nil,
                                                                      by: fixture.viewer) } == "disclosed")
        #expect(field { _ = try fixture.workflow.completeNotification("NOT-999999", on: date("2026-03-04"), how: .phone, disclosed: "x",
                                                                      note: nil, by: fixture.viewer) } == "notification")
        #expect(try fixture.auditCount() == before)
    }

    @Test func aChildWhoTurns18IsHandedOverToAdultServices() throws {
        let fixture = try WorkflowFixture(Self.journey)
        // CH2 was born on 15 September 2008: 18 on 15 September 2026.
        let (_, ceCase) = try fixture.openCase(child: "CH2", received: "2026-03-02")
        #expect(try !fixture.workflow.timescales(on: date("2026-09-14"), area: "E08000012", by: fixture.viewer)
            .contains { $0.kind == "handover" })
        let due = try #require(try fixture.workflow.timescales(on: date("2026-09-16"), area: "E08000012", by: fixture.viewer)
            .first { $0.kind == "handover" })
        #expect(due.ref == ceCase && due.due == date("2026-09-15"))
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.handOver(case: ceCase, to: "adult_services", on: date("2026-03-10"), by: fixture.viewer)
        }
        try fixture.workflow.handOver(case: ceCase, to: "adult_services", on: date("2026-09-16"), by: fixture.viewer)
        let detail = try fixture.workflow.caseDetail(ceCase, asOf: date("2026-09-20"), by: fixture.viewer)
        #expect(detail.status == "closed" && detail.closure == "reached_18" && detail.handoverTo == "adult_services"
                && detail.handoverOn == "2026-09-16" && detail.turns18On == "2026-09-15")
        #expect(try !fixture.workflow.timescales(on: date("2026-09-17"), area: "E08000012", by: fixture.viewer)
            .contains { $0.kind == "handover" })
    }

    @Test func missingEpisodesFeedTheAssessmentFormAndTheQuarterlyReport() throws {
        let fixture = try WorkflowFixture(Self.journey)
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-04-01")
        let first = try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-02")), by: fixture.viewer)
        try fixture.workflow.recordMissing(MissingInput(child: "CH1", episode: first.ref, foundOn: date("2026-04-03"), foundAt: "LO8",
                                                        interview: .done), by: fixture.viewer)
        try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-05-10"), from: .care), by: fixture.viewer)
        try fixture.workflow.recordMissing(MissingInput(child: "CH2", reportedOn: date("2026-05-11")), by: fixture.viewer)
        let form = try fixture.workflow.assessmentForm(case: ceCase, by: fixture.viewer)
        #expect(form.missing.total == 2 && form.missing.stillMissing && form.missing.lastReportedOn == "2026-05-10")
        #expect(form.missing.foundAt == ["Beach Eight (Flintshire)"] && form.missing.interviewsNotDone == 0)
        #expect(form.missing.words.contains("Reported missing 2 times") && form.missing.words.contains("missing now"))
        let report = try fixture.workflow.quarterlyReport(area: "E08000012", quarter: "2026Q2", by: fixture.viewer)
        let measure = try #require(report.measures.first { $0.title == "Missing episodes reported in the quarter" })
        let counts = Dictionary(uniqueKeysWithValues: measure.counts.map { ($0.label, $0.value) })
        #expect(counts["episodes"] == 3 && counts["children reported missing"] == 2 && counts["of them children in MACCSE"] == 1)
        #expect(counts["children missing more than once"] == 1 && counts["found in another authority or force"] == 1)
        #expect(counts["found outside the force"] == 1 && counts["return home interviews done"] == 1)
        #expect(counts["return home interviews not done"] == 0)
    }

    static func coordinator(_ area: String) -> Viewer {
        Viewer(name: "coordinator-" + area, purpose: "t", access: Access(role: .maccseCoordinator, scope: Scope(areas: [area])))
    }

    @Test func anAuthorityLimitedCoordinatorRecordsAndReadsOnlyWhatIsTheirs() throws {
        let fixture = try WorkflowFixture(Self.journey)
        let liverpool = Self.coordinator("E08000012"), wigan = Self.coordinator("E08000010")
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        // Found in Flintshire, outside Liverpool's scope: recorded, and the place named only by its area.
        try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-01")), by: liverpool)
        let found = try fixture.workflow.recordMissing(MissingInput(child: "CH1", foundOn: date("2026-04-02"), foundAt: "LO8",
                                                                    foundWith: "Child Three"), by: liverpool)
        #expect(found.notifications.count == 2)
        let episode = try #require(try fixture.workflow.missingEpisodes(child: "CH1", by: liverpool).first)
        #expect(episode.foundAtRef == nil && episode.foundAtLabel == "a place in Flintshire" && episode.foundWith == "Child 1")
        #expect(try fixture.workflow.missingEpisodes(child: "CH1", by: fixture.viewer).first?.foundAtRef == "LO8")
        #expect(try fixture.workflow.assessmentForm(case: ceCase, by: liverpool).missing.foundAt == ["a place in Flintshire"])
        #expect(try fixture.workflow.assessmentForm(case: ceCase, by: fixture.viewer).missing.foundAt == ["Beach Eight (Flintshire)"])
        // Liverpool's log: its own tasks, the records only the child.
        let tasks = try fixture.workflow.notifications(area: nil, by: liverpool)
        #expect(tasks.count == 2 && tasks.allSatisfy { $0.records == ["CH1"] })
        #expect(try fixture.workflow.notifications(area: nil, by: wigan).isEmpty)
        // Wigan's child, placed in Sefton: Liverpool cannot see the placements; Wigan records one,
        // and its referral's front door is Sefton's, which it is told in words.
        #expect(throws: WorkflowError.self) { _ = try fixture.workflow.placements(child: "CH9", by: liverpool) }
        let placed = try fixture.workflow.recordPlacement(PlacementInput(child: "CH9", kind: .childrensHome, location: "LO9",
                                                                         startedOn: date("2026-03-02")), on: date("2026-03-02"), by: wigan)
        #expect(placed.notifications.count == 2)
        do {
            _ = try fixture.workflow.recordReferral(ReferralInput(child: "CH9", receivedOn: date("2026-03-05"), referrer: "Teacher",
                                                                  agency: "education", concern: .cce), by: wigan)
            Issue.record("a referral to another front door was recorded")
        } catch let error as WorkflowError {
            #expect(error.field == "area" && error.message.contains("Sefton"), "\(error)")
        }
        // Wigan sees its own task (tell Sefton's MASH), not Sefton's.
        #expect(try fixture.workflow.notifications(area: nil, by: wigan).map(\.toArea) == ["E08000014"])
        // Sefton's coordinator, with the child placed there in their need-to-know (as the
        // server reads it, ``Access/placedChildren``), records the referral at its front door
        // and reads its task naming the child; without it, the task names "a child".
        let id = try #require(try fixture.store.reading { try $0.entityRowid(for: "CH9") })
        let sefton = Viewer(name: "sefton", purpose: "t", access: Access(role: .maccseCoordinator, scope: Scope(areas: ["E08000014"]),
                                                                          placedChildren: ["CH9": id]))
        let referral = try fixture.workflow.recordReferral(ReferralInput(child: "CH9", receivedOn: date("2026-03-05"), referrer: "Teacher",
                                                                         agency: "education", concern: .cce), by: sefton)
        #expect(referral.area == "E08000014")
        let told = try #require(try fixture.workflow.notifications(area: nil, by: sefton).first)
        #expect(told.childRef == "CH9" && told.reason.contains("CH9") && told.contact == .homeSocialWorker)
        let unplaced = Self.coordinator("E08000014")
        let hidden = try #require(try fixture.workflow.notifications(area: nil, by: unplaced).first)
        #expect(hidden.childRef == nil && hidden.childLabel == nil && !hidden.reason.contains("CH9") && hidden.reason.contains("a child placed"))
        #expect(throws: WorkflowError.self) { _ = try fixture.workflow.placements(child: "CH9", by: unplaced) }
        // Knowing the child through the placement is not placing them: Sefton may not record a
        // new placement, nor put the end of Wigan's later; it may bring the end forward.
        do {
            _ = try fixture.workflow.recordPlacement(PlacementInput(child: "CH9", livesIn: "E08000014", kind: .foster, placement: "Carers",
                                                                    startedOn: date("2026-03-06")), on: date("2026-03-06"), by: sefton)
            Issue.record("a placement by an authority that knows the child only through one")
        } catch let error as WorkflowError {
            #expect(error.field == "child")
        }
        _ = try fixture.workflow.recordPlacement(PlacementInput(child: "CH9", ref: placed.ref, endedOn: date("2026-06-30")),
                                                 on: date("2026-03-06"), by: sefton)
        #expect(throws: WorkflowError.self) {
            _ = try fixture.workflow.recordPlacement(PlacementInput(child: "CH9", ref: placed.ref, endedOn: date("2027-06-30")),
                                                     on: date("2026-03-06"), by: sefton)
        }
        // Sefton's case, once the child is no longer theirs to know: the case's own record
        // stays, the child's wider record (Wigan's referrals, missing episodes, flags) does not.
        try fixture.workflow.screenReferral(referral.ref, outcome: .section47, on: date("2026-03-05"), by: sefton)
        let seftonCase = try fixture.workflow.openCase(referral: referral.ref, on: date("2026-03-05"), by: sefton)
        _ = try fixture.workflow.recordReferral(ReferralInput(child: "CH9", area: "E08000010", receivedOn: date("2026-07-01"),
                                                              referrer: "Teacher", agency: "education", concern: .cce), by: wigan)
        try fixture.workflow.recordMissing(MissingInput(child: "CH9", reportedOn: date("2026-07-02")), by: wigan)
        let known = try fixture.workflow.caseDetail(seftonCase, asOf: date("2026-07-03"), by: sefton)
        #expect(known.referrals.count == 2 && known.missingEpisodes.count == 1)
        let later = try fixture.workflow.caseDetail(seftonCase, asOf: date("2026-07-03"), by: unplaced)
        #expect(later.referrals.map(\.ref) == [referral.ref] && later.missingEpisodes.isEmpty && later.flags.isEmpty)
        #expect(later.placements.map(\.ref) == [placed.ref], "the placement in Sefton is Sefton's own record")
    }

    @Test func anEpisodeIsUpdatedWithoutLosingWhatWasRecordedAndItsDutiesAreNotRaisedTwice() throws {
        let fixture = try WorkflowFixture(Self.journey)
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let first = try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-01")), by: fixture.viewer)
        // A second episode while the child is still missing is refused.
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-02")), by: fixture.viewer)
        }
        let found = try fixture.workflow.recordMissing(MissingInput(child: "CH1", foundOn: date("2026-04-02"), foundAt: "LO8",
                                                                    foundWith: "an older male"), by: fixture.viewer)
        for task in found.notifications {
            _ = try fixture.workflow.completeNotification(task, on: date("2026-04-03"), how: .phone, disclosed: "The finding", note: nil,
                                                          by: fixture.viewer)
        }
        // The interview recorded with the day found given again: the place and company stay,
        // the note is kept, and nothing is raised again.
        let again = try fixture.workflow.recordMissing(MissingInput(child: "CH1", episode: first.ref, foundOn: date("2026-04-02"),
                                                                    foundAt: "LO8", interview: .done, note: "Spoke with the worker"),
                                                       by: fixture.viewer)
        #expect(again.notifications.isEmpty)
        let episode = try #require(try fixture.workflow.missingEpisodes(child: "CH1", by: fixture.viewer).first)
        #expect(episode.foundAtRef == "LO8" && episode.foundWith == "an older male" && episode.note == "Spoke with the worker")
        #expect(try fixture.workflow.notifications(area: nil, by: fixture.viewer).isEmpty)
        // Missing twice and three times within the window: the case joins the next agenda once.
        let second = try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-10")), by: fixture.viewer)
        #expect(second.addedToAgenda == ceCase && second.timesInWindow == 2)
        try fixture.workflow.recordMissing(MissingInput(child: "CH1", foundOn: date("2026-04-11")), by: fixture.viewer)
        let third = try fixture.workflow.recordMissing(MissingInput(child: "CH1", reportedOn: date("2026-04-20")), by: fixture.viewer)
        #expect(third.addedToAgenda == nil && third.timesInWindow == 3)
        // A duty raised by hand twice is one task, with both reasons.
        let one = try fixture.workflow.raiseNotification(child: "CH1", to: "cheshire", contact: .cePoliceLead, source: .arrest,
                                                         because: "Arrested in Chester", on: date("2026-04-21"), by: fixture.viewer)
        let two = try fixture.workflow.raiseNotification(child: "CH1", to: "cheshire", contact: .cePoliceLead, source: .arrest,
                                                         because: "Arrested again in Chester", on: date("2026-04-22"), by: fixture.viewer)
        #expect(one == two)
        let task = try #require(try fixture.workflow.notifications(area: nil, by: fixture.viewer).first { $0.ref == one })
        #expect(task.reason == "Arrested in Chester\nArrested again in Chester")
    }

    @Test func theAlertScanRunsTheNotificationPassInTheSameTransaction() throws {
        let fixture = try WorkflowFixture(Self.journey)
        try fixture.openCase(child: "CH1", received: "2026-03-02")
        let (_, pass) = try fixture.workflow.scanAlertsAndNotify(engine: QueryEngine(store: fixture.store), on: date("2026-03-03"),
                                                                 by: fixture.viewer)
        #expect(pass.raised.count == 2 && pass.cases == 1)
        // Not before the 18th birthday, nor to a family.
        let (_, ceCase) = try fixture.openCase(child: "CH2", received: "2026-03-02")
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.handOver(case: ceCase, to: "adult_services", on: date("2026-09-14"), by: fixture.viewer)
        }
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.handOver(case: ceCase, to: "family", on: date("2026-09-16"), by: fixture.viewer)
        }
    }

    @Test func anAssessmentWhoseRecordsCrossABorderRaisesTheDutiesForItsChild() throws {
        // Without the journey's links: CH1's only cross-border link comes from the assessment.
        let fixture = try WorkflowFixture()
        let (_, ceCase) = try fixture.openCase(child: "CH1", received: "2026-03-02")
        let input = AssessmentInput(
            caseRef: ceCase, assessedOn: date("2026-03-09"), isReview: false, concern: .cce, agencies: ["police", "childrens_services"],
            answers: ["professionals_involved": "Social worker", "referral_reason": "criminal", "scaling": .number("3"),
                      "harm_statement": "may_be_experiencing_harm", "imminent_risk": .bool(false)],
            grading: Grading("2B P")!, summary: "Synthetic assessment.",
            graph: [["record": "entity", "id": "AD6", "kind": "adult", "name": "Adult Six", "area": "E08000010"],
                    ["record": "link", "from": "CH1", "to": "AD6", "kind": "associates_with"]])
        let (record, pass) = try fixture.workflow.recordAssessment(input, notifying: QueryEngine(store: fixture.store), on: date("2026-03-09"),
                                                                   by: fixture.viewer)
        #expect(record.ref == "ASMT-000001")
        #expect(pass?.raised.count == 2, "Wigan's MASH and Greater Manchester Police's CE police lead")
        let tasks = try fixture.workflow.notifications(area: "E08000012", by: fixture.viewer)
        #expect(Set(tasks.map(\.toArea)) == ["E08000010", "greater_manchester"] && tasks.allSatisfy { $0.raisedOn == "2026-03-09" })
    }
}
