import GraphCore
import Testing

/// The need-to-know rules on their typed inputs. Each "breaks an input" case checks that a
/// missing or unknown value hides the record: it never shows one.
struct AccessTests {
    static let liverpool = "E08000012", merseyside = "merseyside"
    static let analyst = Access(role: .analyst, scope: .wholePicture)
    static let coordinator = Access(role: .maccseCoordinator, scope: Scope(areas: [liverpool]))
    static let member = Access(role: .panelMember, scope: Scope(areas: nil, panels: [liverpool]), children: ["CH1": 1])

    @Test func theOnePermissionTableDeniesByDefault() {
        #expect(Role.auditor.permissions == [.readAudit])
        #expect(Role.admin.permissions == [.manageAccounts, .readSettings, .changeSettings])
        for role in Role.allCases where role != .analyst && role != .ccsetCoordinator && role != .marthrChair {
            #expect(!role.may(.readHandlingCodeC), "\(role) reads code C")
            #expect(!role.isPolice)
        }
        #expect(Role.holding(.readHandlingCodeC) == [.analyst, .ccsetCoordinator, .marthrChair])
        #expect(Access.nobody.may(.readPicture) == false && Permission.allCases.allSatisfy { !Access.nobody.may($0) })
        #expect(Permission.allCases.allSatisfy { Access.commandLine.may($0) })
    }

    @Test func handlingCodeCIsForThePoliceAndAnUnknownCodeForNoOne() {
        #expect(Self.analyst.maySee(handling: .c) && Self.analyst.maySee(handling: .p))
        #expect(!Self.coordinator.maySee(handling: .c) && Self.coordinator.maySee(handling: .p))
        // Broken inputs: no code, an unknown code, an unreadable grading.
        #expect(!Self.analyst.maySee(handling: nil))
        #expect(!Self.analyst.maySee(grading: "2B X") && !Self.analyst.maySee(grading: nil) && !Self.member.maySee(grading: ""))
        #expect(Self.analyst.maySee(grading: "2B C") && !Self.member.maySee(grading: "2B C"))
        // A panel audience holds code C back from the police too.
        #expect(!Self.analyst.narrowed(to: .panel).readsHandlingCodeC && Self.analyst.narrowed(to: .police).readsHandlingCodeC)
    }

    @Test func aScopeCoversItsAreasAndTheirForceAndAMissingAreaNowhere() {
        let byForce = Access(role: .analyst, scope: Scope(areas: [Self.merseyside]))
        #expect(byForce.maySeeChild(ref: "CH9", area: Self.liverpool, force: Self.merseyside))
        #expect(!byForce.maySeeChild(ref: "CH9", area: "E06000007", force: "cheshire"))
        // Broken inputs: a child with no area, an area whose force is unknown.
        #expect(!byForce.maySeeChild(ref: "CH9", area: nil, force: nil))
        #expect(!Self.coordinator.maySeeChild(ref: "CH9", area: "E08000014", force: nil))
        #expect(Self.coordinator.maySeeChild(ref: "CH9", area: Self.liverpool, force: nil))
        #expect(Self.analyst.maySeeChild(ref: "CH9", area: nil, force: nil), "the whole picture holds children with no area")
        #expect(!Scope(areas: []).covers(area: Self.liverpool, force: Self.merseyside))
    }

    @Test func aPanelMemberSeesTheirAgendaChildrenAndNoOtherChild() {
        #expect(Self.member.maySeeChild(ref: "CH1", area: Self.liverpool, force: Self.merseyside))
        #expect(!Self.member.maySeeChild(ref: "CH2", area: Self.liverpool, force: Self.merseyside))
        // Broken input: their agenda not read. They see no child, never every child.
        let unread = Access(role: .panelMember, scope: Scope(areas: nil, panels: [Self.liverpool]), children: nil)
        #expect(!unread.maySeeChild(ref: "CH1", area: Self.liverpool, force: Self.merseyside))
        #expect(unread.children == [:])
        // Adults reached through their children's links appear on maps; no adult's page opens.
        #expect(Self.member.admits(kind: .adult, ref: "AD1", area: "E08000015", force: Self.merseyside))
        #expect(!Self.member.mayOpen(kind: .adult, ref: "AD1", area: Self.liverpool, force: Self.merseyside))
        #expect(Self.member.coversWorkflow(area: Self.liverpool, force: nil) && !Self.member.coversWorkflow(area: "E08000015", force: nil))
        #expect(!Self.member.coversWorkflow(area: nil, force: nil))
    }

    @Test func anUnknownKindOrRoleHidesTheRecord() {
        #expect(!Self.analyst.mayOpen(kind: nil, ref: "X1", area: nil, force: nil))
        #expect(!Self.analyst.admits(kind: nil, ref: "X1", area: nil, force: nil))
        #expect(!Access.nobody.mayOpen(kind: .child, ref: "CH1", area: Self.liverpool, force: nil))
        #expect(!Access.nobody.coversWorkflow(area: Self.liverpool, force: nil))
        let auditor = Access(role: .auditor, scope: .wholePicture)
        #expect(!auditor.mayOpen(kind: .child, ref: "CH1", area: Self.liverpool, force: nil) && !auditor.readsHandlingCodeC)
    }

    @Test func partnersGetFreeTextOnlyAsThePartnershipChose() {
        #expect(Self.analyst.freeText == .whole)
        #expect(Self.member.freeText == .withheld && Self.coordinator.freeText == .withheld)
        let shared = Access(role: .panelMember, scope: Scope(areas: nil, panels: [Self.liverpool]), children: [:], partnerFreeText: .pseudonymised)
        #expect(shared.freeText == .pseudonymised)
        // A partner can never be given the text whole.
        let wrong = Access(role: .maccseCoordinator, scope: .wholePicture, partnerFreeText: .whole)
        #expect(wrong.freeText == .withheld)
    }
}
