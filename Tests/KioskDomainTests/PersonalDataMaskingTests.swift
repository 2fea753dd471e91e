import Foundation
import Testing
@testable import KioskDomain

@Suite struct PersonalDataMaskingTests {
    /// Every person of `data/seed/dossiers.json` (owners and authorised persons) as screens show them.
    static let seedNames: [String: String] = [
        "Nguyễn Thị Thu Hà": "Nguyễn T** Thu Hà",
        "Trần Văn Lộc": "Trần V** Lộc",
        "Lê Hoàng Phúc": "Lê H** Phúc",
        "Phạm Ngọc Ánh": "Phạm N** Ánh",
        "Võ Minh Tâm": "Võ M** Tâm",
        "Huỳnh Gia Bảo": "Huỳnh G** Bảo",
        "Đặng Thị Yến": "Đặng T** Yến",
        "Bùi Văn Ữ": "Bùi V** Ữ",
        "Bùi Thị Ỵến": "Bùi T** Ỵến",
    ]

    @Test func maskedName_ofEverySeedPerson_isTheExpectedText() throws {
        // Given every owner and authorised person in the seed data
        let dossiers = try SeedData.dossiers()
        let names = dossiers.map(\.ownerName) + dossiers.compactMap(\.proxy?.name)
        #expect(names.count == 9)
        for name in names {
            // When / Then (a seed name missing from the table fails here)
            let expected = try #require(Self.seedNames[name], "no expectation for \(name)")
            #expect(PersonalDataMasking.maskedName(name) == expected)
        }
    }

    @Test(arguments: [
        ("Ữ", "Ữ"),
        ("Trần Lộc", "Trần Lộc"),
        ("Nguyễn Thị Thu Hà", "Nguyễn T** Thu Hà"),
        ("Nguyễn Thị Minh Thu Hà", "Nguyễn T** M** Thu Hà"),
        ("Bùi Ỵên Thảo", "Bùi Ỵ** Thảo"),
        ("Lê Ữ Văn", "Lê Ữ** Văn"),
        ("  Trần   Văn\tLộc ", "Trần V** Lộc"),
        ("", ""),
        ("   ", ""),
    ])
    func maskedName_keepsFamilyAndGivenNameAndMasksMiddleNames(name: String, expected: String) {
        #expect(PersonalDataMasking.maskedName(name) == expected)
    }

    @Test func maskedName_whenNFD_returnsNFCWithWholeInitialLetter() {
        // Given a decomposed name whose middle initial carries two marks
        let nfd = "Bùi Ỵên Thảo".decomposedStringWithCanonicalMapping
        // When
        let masked = PersonalDataMasking.maskedName(nfd)
        // Then the initial is the whole composed letter, byte for byte
        #expect(Array(masked.utf8) == Array("Bùi Ỵ** Thảo".utf8))
    }

    @Test func maskedPhoneNumber_ofEverySeedPhone_keepsFirstAndLastTwoDigits() throws {
        let expected: [String: String] = [
            "0912345668": "09******68", "0987654321": "09******21", "0903111222": "09******22",
            "0938000111": "09******11", "0911000222": "09******22", "0977222333": "09******33",
            "0966555444": "09******44", "0944888999": "09******99",
        ]
        let phones = try SeedData.dossiers().map(\.phoneNumber)
        #expect(phones.count == 8)
        for phone in phones {
            let mask = try #require(expected[phone], "no expectation for \(phone)")
            #expect(PersonalDataMasking.maskedPhoneNumber(phone) == mask)
        }
    }

    @Test(arguments: [
        "0912345668", "+84 912 345 668", "+84912345668", "84912345668", "0912 345 668", "0912.345.668",
        "0912-345-668", "(091) 234-5668", "+84 0912 345 668", " 0912345668\n",
    ])
    func maskedPhoneNumber_acceptsCommonWritings(phone: String) {
        #expect(PersonalDataMasking.maskedPhoneNumber(phone) == "09******68")
    }

    @Test func maskedPhoneNumber_ofLandline_keepsElevenDigitShape() {
        #expect(PersonalDataMasking.maskedPhoneNumber("0293 3123 456") == "02*******56")
    }

    @Test(arguments: [
        "", "12345", "091234566", "091234566890", "+1 415 555 0100", "09l2345668", "0912+345668",
        "912345668", String(repeating: "0", count: 40), "０９１２３４５６６８",
    ])
    func maskedPhoneNumber_whenNotAVietnamesePhone_isNil(phone: String) {
        #expect(PersonalDataMasking.maskedPhoneNumber(phone) == nil)
    }

    @Test func maskedIDNumber_ofEverySeedNumber_keepsLastFourDigits() throws {
        let dossiers = try SeedData.dossiers()
        let numbers = dossiers.map(\.ownerIDNumber) + dossiers.compactMap(\.proxy?.idNumber)
        #expect(numbers.count == 9)
        for number in numbers {
            let masked = try #require(PersonalDataMasking.maskedIDNumber(number))
            #expect(masked == "********" + number.suffix(4))
            #expect(!masked.contains(number))
        }
        #expect(PersonalDataMasking.maskedIDNumber("093188004821") == "********4821")
    }

    @Test func maskedIDNumber_ofOldNineDigitNumber_masksFive() {
        #expect(PersonalDataMasking.maskedIDNumber("361234567") == "*****4567")
        #expect(PersonalDataMasking.maskedIDNumber(" 361234567 ") == "*****4567")
    }

    @Test(arguments: ["", "4821", "09318800482", "0931880048211", "09318800482A", "0931 8800 4821"])
    func maskedIDNumber_whenNotNineOrTwelveDigits_isNil(number: String) {
        #expect(PersonalDataMasking.maskedIDNumber(number) == nil)
    }

    @Test func maskedIDNumber_fromLastFour_padsToLength() {
        #expect(PersonalDataMasking.maskedIDNumber(lastFour: "4821", length: 12) == "********4821")
        #expect(PersonalDataMasking.maskedIDNumber(lastFour: "4821", length: 2) == "4821")
    }
}
