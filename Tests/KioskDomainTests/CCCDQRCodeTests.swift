import Foundation
import Testing
@testable import KioskDomain
import TestSupport

@Suite struct CCCDQRCodeTests {
    static let address = "Số 12, đường Trần Hưng Đạo, phường Vị Thanh, TP. Cần Thơ"
    /// Seed dossier 1: `Nguyễn Thị Thu Hà`, fictional number 093188004821, no old CMND.
    static let haWithoutOldNumber = "093188004821||Nguyễn Thị Thu Hà|12031988|Nữ|\(address)|15062021"
    /// Seed dossier 4: `Phạm Ngọc Ánh`, fictional number 079192003318, old CMND 361234567.
    static let anhWithOldNumber = "079192003318|361234567|Phạm Ngọc Ánh|05081992|Nữ|Quận 6, TP. Hồ Chí Minh|10042021"

    static func salt() throws -> IdentitySalt {
        try #require(IdentitySalt(bytes: [UInt8](repeating: 0x5A, count: 32)))
    }

    /// 20/11/2025, the day the tests pretend it is.
    static func today() throws -> CalendarDay { try #require(CalendarDay(year: 2025, month: 11, day: 20)) }

    @Test func parse_validCardWithoutOldNumber_keepsHashLastFourAndFields() throws {
        // Given the seed owner's card
        let salt = try Self.salt()
        // When
        let card = try CCCDQRCode(parsing: Self.haWithoutOldNumber, salt: salt, today: Self.today())
        // Then
        #expect(card.idNumberHash == "5f4ab849079dd2e7cff1595bad2b275d2f6ed2cfa2fc5116333546523c86e494")
        #expect(card.idNumberLastFour == "4821")
        #expect(card.oldIDNumberHash == nil)
        #expect(card.oldIDNumberLastFour == nil)
        #expect(card.fullName == "Nguyễn Thị Thu Hà")
        #expect(card.birthDate == CalendarDay(year: 1988, month: 3, day: 12))
        #expect(card.gender == .female)
        #expect(card.address == Self.address)
        #expect(card.issueDate == CalendarDay(year: 2021, month: 6, day: 15))
        #expect(card.maskedIDNumber == "********4821")
        #expect(card.maskedName == "Nguyễn T** Thu Hà")
        #expect(card.maskedOldIDNumber == nil)
    }

    @Test func parse_validCardWithOldNumber_hashesBothNumbers() throws {
        let card = try CCCDQRCode(parsing: Self.anhWithOldNumber, salt: Self.salt(), today: Self.today())
        #expect(card.idNumberHash == "a68bdaea931f7f186ea270931ae0d07fe544abb4a493bc6d741cf467bd0189d7")
        #expect(card.idNumberLastFour == "3318")
        #expect(card.oldIDNumberHash == "83748f1d10d62450ce1b0d57984aa3b1f82149892ea8691508f1d37bb25a1c46")
        #expect(card.oldIDNumberLastFour == "4567")
        #expect(card.maskedOldIDNumber == "*****4567")
        #expect(card.fullName == "Phạm Ngọc Ánh")
        #expect(card.birthDate == CalendarDay(year: 1992, month: 8, day: 5))
    }

    @Test func parse_maleHolderFromSeed_readsNam() throws {
        let text = "093090001357||Trần Văn Lộc|01011990|Nam|Vị Thanh, Cần Thơ|20052021"
        let card = try CCCDQRCode(parsing: text, salt: Self.salt(), today: Self.today())
        #expect(card.gender == .male)
        #expect(card.maskedName == "Trần V** Lộc")
    }

    @Test func parse_whenTextIsNFD_normalisesNameGenderAndAddressToNFC() throws {
        // Given a scanner that emits decomposed Vietnamese
        let nfd = Self.haWithoutOldNumber.decomposedForTest
        #expect(nfd.unicodeScalars.count > Self.haWithoutOldNumber.unicodeScalars.count)
        // When
        let card = try CCCDQRCode(parsing: nfd, salt: Self.salt(), today: Self.today())
        // Then every text is NFC, byte for byte
        #expect(Array(card.fullName.utf8) == Array("Nguyễn Thị Thu Hà".utf8))
        #expect(card.gender == .female)
        #expect(Array(card.address.utf8) == Array(Self.address.utf8))
    }

    @Test func parse_trimsScannerLineEndAndFieldSpaces() throws {
        let text = "  093188004821 | | Nguyễn   Thị Thu Hà |12031988| Nữ |\(Self.address) |15062021\r\n"
        let card = try CCCDQRCode(parsing: text, salt: Self.salt(), today: Self.today())
        #expect(card.idNumberLastFour == "4821")
        #expect(card.oldIDNumberHash == nil)
        #expect(card.fullName == "Nguyễn Thị Thu Hà")
    }

    @Test func parse_acceptsIssueOnBirthDayAndToday() throws {
        let text = "093201009900||Huỳnh Gia Bảo|20112025|Nam|Vị Thanh|20112025"
        let card = try CCCDQRCode(parsing: text, salt: Self.salt(), today: Self.today())
        #expect(card.issueDate == card.birthDate)
    }

    @Test func parse_acceptsEthnicMinorityNameWithApostrophe() throws {
        let text = "066190001234||H'Hen Niê|02021990|Nữ|Buôn Ma Thuột|01022022"
        let card = try CCCDQRCode(parsing: text, salt: Self.salt(), today: Self.today())
        #expect(card.fullName == "H'Hen Niê")
    }

    @Test func hash_withSameSalt_isStable_andWithOtherSalt_differs() throws {
        // Given two kiosks, one with another salt
        let other = try #require(IdentitySalt(bytes: Array(UInt8(0)..<16)))
        // When the same card is read three times
        let first = try CCCDQRCode(parsing: Self.haWithoutOldNumber, salt: Self.salt(), today: Self.today())
        let again = try CCCDQRCode(parsing: Self.haWithoutOldNumber, salt: Self.salt(), today: Self.today())
        let elsewhere = try CCCDQRCode(parsing: Self.haWithoutOldNumber, salt: other, today: Self.today())
        // Then
        #expect(first.idNumberHash == again.idNumberHash)
        #expect(first == again)
        #expect(elsewhere.idNumberHash == "761c28f230f4c29fedcd9aa9dd1f13d5766a34f2ea558da2690d462ab3a2f0d0")
        #expect(elsewhere.idNumberHash != first.idNumberHash)
    }

    @Test func hasIDNumber_matchesOnlyTheCardsNumber() throws {
        let salt = try Self.salt()
        let card = try CCCDQRCode(parsing: Self.haWithoutOldNumber, salt: salt, today: Self.today())
        #expect(card.hasIDNumber("093188004821", salt: salt))
        #expect(card.hasIDNumber(" 093188004821\n", salt: salt))
        #expect(!card.hasIDNumber("093188004822", salt: salt))
        #expect(!card.hasIDNumber("", salt: salt))
    }

    @Test func description_mirrorAndReflection_neverShowTheFullNumbers() throws {
        // Given a card with both numbers
        let card = try CCCDQRCode(parsing: Self.anhWithOldNumber, salt: Self.salt(), today: Self.today())
        // When rendered every way a log or debugger would
        var dumped = ""
        dump(card, to: &dumped)
        let renderings = [
            card.description, card.debugDescription, String(describing: card), String(reflecting: card),
            "\(card)", dumped,
        ] + Mirror(reflecting: card).children.map { "\($0.label ?? ""): \($0.value)" }
        // Then only masked values appear
        #expect(card.description == "CCCDQRCode(id: ********3318, name: Phạm N** Ánh)")
        #expect(String(reflecting: card) == "CCCDQRCode(id: ********3318, name: Phạm N** Ánh)")
        #expect(Mirror(reflecting: card).children.map(\.label) == ["idNumber", "oldIDNumber", "fullName"])
        for text in renderings {
            #expect(!text.contains("079192003318"))
            #expect(!text.contains("361234567"))
            #expect(!text.contains(card.idNumberHash))
            #expect(!text.contains("Phạm Ngọc Ánh"))
            #expect(!text.contains("Quận 6"))
        }
    }

    @Test func identitySalt_refusesShortOrLongKeys_andHidesItsBytes() throws {
        #expect(IdentitySalt(bytes: [UInt8](repeating: 1, count: 15)) == nil)
        #expect(IdentitySalt(bytes: [UInt8](repeating: 1, count: 65)) == nil)
        let salt = try Self.salt()
        #expect(salt.description == "IdentitySalt(<redacted>)")
        #expect(String(reflecting: salt) == "IdentitySalt(<redacted>)")
        #expect(Mirror(reflecting: salt).children.isEmpty)
    }

    @Test func identitySalt_random_isDeterministicForASeed() {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        let a = IdentitySalt.random(using: &first).hexDigest(of: "093188004821")
        let b = IdentitySalt.random(using: &second).hexDigest(of: "093188004821")
        #expect(a == b)
        #expect(a.count == 64)
    }
}

extension String {
    /// The text in Unicode normalisation form D, as some scanners emit it.
    var decomposedForTest: String { decomposedStringWithCanonicalMapping }
}
