import Testing
@testable import GraphCore

struct NormaliseTests {
    @Test(arguments: [("ab12 cde", "AB12CDE"), ("AB12CDE", "AB12CDE"), (" zz-01 aaa ", "ZZ01AAA"), ("k1", "K1")])
    func vrmIsUpperCaseWithoutSpaces(input: String, expected: String) {
        #expect(Normalise.vrm(input) == expected)
    }

    @Test(arguments: ["", "a", "AB12 CDÉ", "AB12!CDE", "ABCDEFGHIJK"])
    func vrmRejectsWhatCannotBeARegistration(input: String) {
        #expect(Normalise.vrm(input) == nil)
    }

    @Test(arguments: [
        ("07700 900123", "+447700900123"), ("07700900123", "+447700900123"), ("+44 7700 900123", "+447700900123"),
        ("0044 7700 900123", "+447700900123"), ("+44 (0)7700 900123", "+447700900123"), ("447700900123", "+447700900123"),
        ("0151 496 0000", "+441514960000"), ("+33 6 12 34 56 78", "+33612345678"),
    ])
    func phoneIsE164(input: String, expected: String) {
        #expect(Normalise.phone(input) == expected)
    }

    @Test(arguments: ["", "12345", "07700 90012x", "+44 77", "+0123456789", "0770"])
    func phoneRejectsWhatCannotBeANumber(input: String) {
        #expect(Normalise.phone(input) == nil)
    }

    @Test func phoneSearchFormsIncludeTheNationalForm() {
        #expect(Normalise.phoneSearchForms("+447700900123") == ["447700900123", "07700900123"])
    }

    @Test(arguments: [("@Night_Owl", "night_owl"), ("  @@night_owl ", "night_owl"), ("NIGHT.owl", "night.owl")])
    func handleIsLowerCaseWithoutAt(input: String, expected: String) {
        #expect(Normalise.handle(input) == expected)
    }

    @Test(arguments: ["", "@", "night owl"])
    func handleRejectsEmptyOrSpaced(input: String) {
        #expect(Normalise.handle(input) == nil)
    }

    @Test(arguments: [("l11aa", "L1 1AA"), ("ch41 5ab", "CH41 5AB"), ("  WA10  1AB ", "WA10 1AB"), ("M1 1AE", "M1 1AE"), ("gir0aa", "GIR 0AA")])
    func postcodeHasOneSpace(input: String, expected: String) {
        #expect(Normalise.postcode(input) == expected)
    }

    @Test(arguments: ["", "L1", "123 456", "LL1 ABC", "L1 1A!"])
    func postcodeRejectsNonPostcodes(input: String) {
        #expect(Normalise.postcode(input) == nil)
    }
}
