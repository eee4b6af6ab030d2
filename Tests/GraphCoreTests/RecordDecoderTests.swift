import Testing
@testable import GraphCore

struct RecordDecoderTests {
    let here = SourceLocation(file: "in.jsonl", line: 7)

    func decode(_ text: String) throws -> InputRecord {
        guard case .object(let object) = try JSONParser.parse(text) else { throw InputError("not an object") }
        return try RecordDecoder.decode(object, at: here)
    }

    @Test func entityFieldsAreNormalisedAndUnknownFieldsKept() throws {
        let record = try decode(#"{"record":"entity","id":"V1","kind":"vehicle","vrm":"ab12 cde","colour":"blue","fleet_no":7}"#)
        guard case .entity(let entity) = record else { Issue.record("not an entity"); return }
        #expect(entity.fields["vrm"] == .string("AB12CDE"))
        #expect(entity.fields["fleet_no"] == .number("7"))
        #expect(entity.fields["record"] == nil)
    }

    @Test func intelKeepsLegacyGradingAsGiven() throws {
        let record = try decode(#"{"record":"intel","id":"I1","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","legacy_grading":"B2 4","about":["C1"]}"#)
        guard case .intel(let intel) = record else { Issue.record("not intel"); return }
        #expect(intel.grading.description == "2B P")
        #expect(intel.legacyGrading == "B2 4")
        #expect(intel.about == ["C1"])
    }

    /// A record may update only some fields, so completeness is checked on what will be stored.
    @Test(arguments: [
        (EntityKind.child, #"{"dob":"2012-01-01"}"#, "name", "required for a child"),
        (.vehicle, #"{"make":"Ford"}"#, "vrm", "required for a vehicle"),
        (.handle, #"{"handle":"x"}"#, "platform", "required for a handle"),
        (.operation, #"{"name":"A","opened":"2026-02-01","closed":"2026-01-01"}"#, "closed", "before opened"),
    ])
    func storedAttributesMustBeComplete(kind: EntityKind, attributes: String, field: String, message: String) throws {
        let object = try #require(try JSONParser.parse(attributes).objectValue)
        do {
            try RecordDecoder.checkComplete(kind, object)
            Issue.record("accepted \(attributes)")
        } catch {
            #expect(error.field == field && error.message.contains(message), "\(error)")
        }
    }

    @Test func unknownFieldsOfEveryRecordTypeAreKept() throws {
        guard case .area(let area) = try decode(#"{"record":"area","code":"X","name":"Y","area_type":"police_force","region":"north_west"}"#),
              case .intel(let intel) = try decode(#"{"record":"intel","id":"I","date":"2026-01-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","kind":"referral"}"#)
        else { Issue.record("wrong record types"); return }
        #expect(area.extra == ["region": .string("north_west")])
        #expect(intel.extra == ["kind": .string("referral")])
    }

    /// Every rule a single line can break: the field named and a message a user can act on.
    @Test(arguments: [
        (#"{"id":"X"}"#, "record", "missing"),
        (#"{"record":"person","id":"X"}"#, "record", "unknown record type"),
        (#"{"record":"entity","kind":"child","name":"A"}"#, "id", "missing"),
        (#"{"record":"entity","id":"","kind":"child","name":"A"}"#, "id", "empty"),
        (#"{"record":"entity","id":"X","kind":"suspect","name":"A"}"#, "kind", "unknown entity kind"),
        (#"{"record":"entity","id":"X","kind":"child","name":"  "}"#, "name", "empty"),
        (#"{"record":"entity","id":"X\u0000Y","kind":"child","name":"A"}"#, "id", "control characters"),
        (#"{"record":"link","from":"A","to":"B\u0001","kind":"associates_with"}"#, "to", "control characters"),
        (#"{"record":"intel","id":"I","date":"3025-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P"}"#, "date", "not a date"),
        (#"{"record":"entity","id":"X","kind":"child","name":"A","dob":"01/02/2012"}"#, "dob", "not a date"),
        (#"{"record":"entity","id":"X","kind":"child","name":"A","living":"street"}"#, "living", "is not one of"),
        (#"{"record":"entity","id":"X","kind":"child","name":"A","risk":"merseyside:11"}"#, "risk", "not a risk level"),
        (#"{"record":"entity","id":"X","kind":"child","name":"A","sen":"yes"}"#, "sen", "expected true or false"),
        (#"{"record":"entity","id":"X","kind":"child","name":"A","aliases":"Fox"}"#, "aliases", "expected a list"),
        (#"{"record":"entity","id":"X","kind":"vehicle","vrm":"AB 12 !"}"#, "vrm", "not a vehicle registration"),
        (#"{"record":"entity","id":"X","kind":"phone","number":"12345"}"#, "number", "not a phone number"),
        (#"{"record":"entity","id":"X","kind":"location","name":"A","postcode":"NOWHERE"}"#, "postcode", "not a UK postcode"),
        (#"{"record":"entity","id":"X","kind":"location","name":"A","lat":91}"#, "lat", "outside"),
        (#"{"record":"entity","id":"X","kind":"group","name":"A","group_type":"club"}"#, "group_type", "is not one of"),
        (#"{"record":"intel","id":"I","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P"}"#, "date", "missing"),
        (#"{"record":"intel","id":"I","date":"2026-03-01","source_evaluation":"4","intelligence_assessment":"B","handling_code":"P"}"#, "source_evaluation", "not valid"),
        (#"{"record":"intel","id":"I","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"F","handling_code":"P"}"#, "intelligence_assessment", "not valid"),
        (#"{"record":"intel","id":"I","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"b","handling_code":"P"}"#, "intelligence_assessment", "not valid"),
        (#"{"record":"intel","id":"I","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"X"}"#, "handling_code", "not valid"),
        (#"{"record":"intel","id":"I","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"C"}"#, "handling_conditions", "required"),
        (#"{"record":"intel","id":"I","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"C","handling_conditions":"  "}"#, "handling_conditions", "required"),
        (#"{"record":"intel","id":"I","date":"2026-03-01","source_evaluation":"2","intelligence_assessment":"B","handling_code":"P","about":"C1"}"#, "about", "expected a list"),
        (#"{"record":"link","to":"B","kind":"associates_with"}"#, "from", "missing"),
        (#"{"record":"link","from":"A","to":"B","kind":"knows"}"#, "kind", "unknown link kind"),
        (#"{"record":"link","from":"A","to":"A","kind":"associates_with"}"#, "to", "cannot join"),
        (#"{"record":"link","from":"A","to":"B","kind":"associates_with","first_seen":"2026-02-01","last_seen":"2026-01-01"}"#, "last_seen", "before first_seen"),
        (#"{"record":"link","from":"A","to":"B","kind":"associates_with","intel":[1]}"#, "intel", "expected a list"),
        (#"{"record":"area","code":"X","name":"Y","area_type":"local_authority"}"#, "force", "required for a local authority"),
        (#"{"record":"area","code":"X","name":"Y","area_type":"police_force","force":"z"}"#, "force", "does not name a force"),
        (#"{"record":"area","code":"X","name":"Y","area_type":"county"}"#, "area_type", "not valid"),
    ])
    func badRecordsNameTheFieldAndLine(text: String, field: String, message: String) throws {
        do {
            _ = try decode(text)
            Issue.record("accepted \(text)")
        } catch let error as InputError {
            #expect(error.field == field)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.location == here)
            #expect(error.description.hasPrefix("in.jsonl:7: field '\(field)': "))
        }
    }
}
