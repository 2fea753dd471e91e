import Foundation
import Testing
@testable import KioskDomain

@Suite struct DossierCodeTests {
    @Test func everySeedDossierCode_parsesInItsFormAndRoundTrips() throws {
        // Given every MaHoSo of the seed data
        let codes = try SeedData.dossiers().map(\.code)
        #expect(codes.count == 8)
        for text in codes {
            // When
            let code = try DossierCode(validating: text)
            // Then the text is kept as is and parses again to the same value
            #expect(code.rawValue == text)
            #expect(code.description == text)
            #expect(try DossierCode(validating: code.rawValue) == code)
            #expect(code.form == (text.hasPrefix("G09.20-") ? .lenient : .strict))
        }
    }

    @Test func parse_strictExample_splitsUnitDateAndSequence() throws {
        let code = try DossierCode(validating: "000.28.21.H28-251107-0012")
        #expect(code.form == .strict)
        #expect(code.unitCode == "000.28.21.H28")
        #expect(code.receptionDate == CalendarDay(year: 2025, month: 11, day: 7))
        #expect(code.sequence == "0012")
    }

    @Test func parse_ministryStyleCode_isLenientWithEightDigitDateAndSevenDigitSequence() throws {
        let code = try DossierCode(validating: "G09.20-20260609-0092637")
        #expect(code.form == .lenient)
        #expect(code.unitCode == "G09.20")
        #expect(code.receptionDate == CalendarDay(year: 2026, month: 6, day: 9))
        #expect(code.sequence == "0092637")
    }

    @Test(arguments: [
        ("000.28.21.h28-251107-0012", "000.28.21.H28-251107-0012", DossierCode.Form.strict),
        ("  g09.20-20260609-0092637\r\n", "G09.20-20260609-0092637", .lenient),
        ("\t000.29.06.H29-250310-0042 ", "000.29.06.H29-250310-0042", .strict),
        ("000.28.21.H28-20251107-0012", "000.28.21.H28-20251107-0012", .lenient),
        ("000.28.21.H28-251107-00012", "000.28.21.H28-251107-00012", .lenient),
        ("000.28.21.H28-240229-0001", "000.28.21.H28-240229-0001", .strict),
        ("H28.UBND-251107-1234567", "H28.UBND-251107-1234567", .lenient),
    ])
    func parse_normalisesCaseAndSpaceAndNamesTheForm(text: String, normalised: String, form: DossierCode.Form) throws {
        let code = try DossierCode(validating: text)
        #expect(code.rawValue == normalised)
        #expect(code.form == form)
    }

    @Test func lowerAndUpperCase_areTheSameCode() throws {
        let lower = try DossierCode(validating: "000.28.21.h28-251107-0012")
        let upper = try DossierCode(validating: "000.28.21.H28-251107-0012")
        #expect(lower == upper)
        #expect(Set([lower, upper]).count == 1)
    }

    @Test(arguments: [
        ("", DossierCodeError.empty),
        ("   ", .empty),
        (" \t\r\n ", .empty),
        (String(repeating: "0", count: 10_240), .tooLong(length: 10_240)),
        (String(repeating: " ", count: 65), .tooLong(length: 65)),
        ("\u{0}000.28.21.H28-251107-0012", .invalidCharacter("\u{0}")),
        ("000.28.21.H28-251107-0012\u{0}", .invalidCharacter("\u{0}")),
        ("000.28.21.H28\u{7}-251107-0012", .invalidCharacter("\u{7}")),
        ("000.28.21.H28-251107-\u{202E}0012", .invalidCharacter("\u{202E}")),
        ("000.28.21.Đ28-251107-0012", .invalidCharacter("Đ")),
        ("HỒSƠ-251107-0012", .invalidCharacter("Ồ")),
        ("000.28.21.H28-251107-００12", .invalidCharacter("０")),
        ("' OR 1=1 --", .invalidCharacter("'")),
        ("000.28.21.H28-251107-0012' OR 1=1 --", .invalidCharacter("'")),
        ("000.28.21.H28-251107-0012;DROP TABLE", .invalidCharacter(";")),
        ("000.28.21.H28 251107 0012", .invalidCharacter(" ")),
        ("000.28.21.H28_251107_0012", .invalidCharacter("_")),
        ("000.28.21.H28-251107", .wrongShape),
        ("000.28.21.H28-251107-0012-1", .wrongShape),
        ("0012", .wrongShape),
        ("-251107-0012", .invalidUnitCode),
        ("AB-251107-0012", .invalidUnitCode),
        ("000..28.21.H28-251107-0012", .invalidUnitCode),
        (".000.28.21.H28-251107-0012", .invalidUnitCode),
        ("ABCDEFGHIJKLMNOPQRSTU-251107-0012", .invalidUnitCode),
        ("000.28.21.H28-250231-0012", .invalidDate),
        ("000.28.21.H28-250229-0012", .invalidDate),
        ("000.28.21.H28-251301-0012", .invalidDate),
        ("000.28.21.H28-251100-0012", .invalidDate),
        ("G09.20-20260231-0092637", .invalidDate),
        ("000.28.21.H28-2511070-0012", .invalidDate),
        ("000.28.21.H28-25110-0012", .invalidDate),
        ("000.28.21.H28--0012", .invalidDate),
        ("000.28.21.H28-251107-012", .invalidSequence),
        ("000.28.21.H28-251107-00120000", .invalidSequence),
        ("000.28.21.H28-251107-00A2", .invalidSequence),
        ("000.28.21.H28-251107-", .invalidSequence),
    ])
    func parse_whenMalformed_throwsTheExactError(text: String, expected: DossierCodeError) {
        #expect(throws: expected) { try DossierCode(validating: text) }
    }

    @Test func parse_acceptsPaddedCodeUpToTheByteLimit() throws {
        // A 25-byte code padded with spaces to exactly 64 bytes is still read
        let padded = "000.28.21.H28-251107-0012" + String(repeating: " ", count: 39)
        #expect(padded.utf8.count == DossierCode.maximumInputLength)
        #expect(try DossierCode(validating: padded).rawValue == "000.28.21.H28-251107-0012")
    }

    @Test func codable_roundTripsAsPlainStringAndRefusesBadCodes() throws {
        let code = try DossierCode(validating: "000.28.21.H28-251107-0012")
        let data = try JSONEncoder().encode([code])
        #expect(String(decoding: data, as: UTF8.self) == #"["000.28.21.H28-251107-0012"]"#)
        #expect(try JSONDecoder().decode([DossierCode].self, from: data) == [code])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([DossierCode].self, from: Data(#"["000.28.21.H28-250231-0012"]"#.utf8))
        }
    }

    @Test func ordering_followsTheNormalisedText() throws {
        let codes = try ["000.28.21.H28-251110-0007", "000.28.21.H28-251107-0012", "G09.20-20260609-0092637"]
            .map { try DossierCode(validating: $0) }
        #expect(codes.sorted().map(\.rawValue)
            == ["000.28.21.H28-251107-0012", "000.28.21.H28-251110-0007", "G09.20-20260609-0092637"])
    }

    @Test func errorDescription_namesCodePointsNotText() {
        #expect(DossierCodeError.invalidCharacter("\u{202E}").description == "the code contains U+202E")
        #expect(DossierCodeError.invalidCharacter("Đ").description == "the code contains U+0110")
        #expect(DossierCodeError.tooLong(length: 10_240).description == "the code is 10240 bytes long (at most 64)")
    }
}
