import Testing
@testable import GraphServer

/// A child's recorded details read in words on their page, not as the codes the data
/// contract stores.
@Suite struct CodeWordsTests {
    @Test func recordedCodesReadInWords() {
        #expect(CodeWords.words(field: "living", "childrens_home") == "in a children's home")
        #expect(CodeWords.words(field: "legal_status", "lac") == "looked after child")
        #expect(CodeWords.words(field: "exploitation", "cce") == "criminal exploitation")
        #expect(CodeWords.words(field: "ethnicity", "white_british") == "white british")
        #expect(CodeWords.words(field: "living", "somewhere_new") == "somewhere new", "an unknown code still loses its underscores")
        #expect(CodeWords.words(field: "name", "Synthetic_Name") == "Synthetic_Name", "free text is left as written")
    }
}

extension CodeWordsTests {
    /// A report's counts labelled by a field and its code read in words (issue 21, item 5).
    @Test func countsLabelledByAFieldsCodeReadInWords() {
        #expect(CodeWords.label("concern: cce") == "concern: " + (CodeWords.concerns["cce"] ?? ""))
        #expect(CodeWords.label("ethnicity white_british") == "ethnicity white british")
        #expect(CodeWords.label("gender not_recorded") == "gender not recorded")
        #expect(CodeWords.label("age 13-15") == "age 13-15")
        #expect(CodeWords.agency("childrens_services") == "Children's social care")
        #expect(CodeWords.agency("childrens_services, police, Merseyside Police") == "Children's social care, Police, Merseyside Police")
    }
}
