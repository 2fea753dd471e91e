import Testing
@testable import KioskDomain

@Suite struct CCCDQRCodeMalformedTests {
    /// A card text with one field replaced; the others are those of a valid seed card.
    private func card(
        id: String = "093188004821", old: String = "", name: String = "Nguyễn Thị Thu Hà",
        birth: String = "12031988", gender: String = "Nữ", address: String = "Vị Thanh, Cần Thơ",
        issue: String = "15062021"
    ) -> String {
        [id, old, name, birth, gender, address, issue].joined(separator: "|")
    }

    private func parse(_ text: String) throws -> CCCDQRCode {
        try CCCDQRCode(parsing: text, salt: CCCDQRCodeTests.salt(), today: CCCDQRCodeTests.today())
    }

    @Test func parse_theBaselineCard_succeeds() throws {
        #expect(try parse(card()).idNumberLastFour == "4821")
    }

    @Test(arguments: ["", "   ", "\r\n", " \t \n"])
    func parse_whenEmpty_throwsEmpty(text: String) {
        #expect(throws: CCCDQRError.empty) { try parse(text) }
    }

    @Test func parse_whenTenKilobytes_throwsTooLongUnread() {
        #expect(throws: CCCDQRError.tooLong(byteCount: 10_240)) { try parse(String(repeating: "9", count: 10_240)) }
        #expect(throws: CCCDQRError.tooLong(byteCount: 513)) { try parse(String(repeating: "9", count: 513)) }
    }

    @Test func parse_whenFieldCountIsWrong_throwsWrongFieldCount() {
        #expect(throws: CCCDQRError.wrongFieldCount(1)) { try parse("093188004821") }
        #expect(throws: CCCDQRError.wrongFieldCount(6)) {
            try parse("093188004821||Nguyễn Thị Thu Hà|12031988|Nữ|15062021")
        }
        #expect(throws: CCCDQRError.wrongFieldCount(8)) { try parse(card() + "|extra") }
    }

    @Test(arguments: [
        (UInt32(0x00), "\u{0}"), (0x07, "\u{7}"), (0x202E, "\u{202E}"), (0x09, "\t"), (0x200B, "\u{200B}"),
        (0x85, "\u{85}"), (0x2028, "\u{2028}"), (0xE000, "\u{E000}"),
    ])
    func parse_whenControlOrFormatCharacterInside_throwsDisallowedCharacter(codePoint: UInt32, character: String) {
        #expect(throws: CCCDQRError.disallowedCharacter(codePoint: codePoint)) {
            try parse(card(name: "Nguyễn Thị\(character) Thu Hà"))
        }
    }

    @Test func parse_whenNULPrecedesText_throwsDisallowedCharacter() {
        #expect(throws: CCCDQRError.disallowedCharacter(codePoint: 0)) { try parse("\u{0}" + card()) }
    }

    @Test(arguments: ["09318800482", "0931880048211", "09318800482A", "0931 8800482", "", "０９３１８８００４８２１", "-93188004821"])
    func parse_whenIDNumberIsNotTwelveDigits_throwsInvalidIDNumber(id: String) {
        #expect(throws: CCCDQRError.invalidIDNumber) { try parse(card(id: id)) }
    }

    @Test(arguments: ["000188004821", "097188004821", "999188004821"])
    func parse_whenProvinceCodeOutOfRange_throwsUnknownProvinceCode(id: String) {
        #expect(throws: CCCDQRError.unknownProvinceCode) { try parse(card(id: id)) }
    }

    @Test func parse_acceptsProvinceCodesAtBothEnds() throws {
        #expect(try parse(card(id: "001188004821")).idNumberLastFour == "4821")
        #expect(try parse(card(id: "096188004821")).idNumberLastFour == "4821")
    }

    @Test(arguments: ["36123456", "3612345678", "36123456A", "093188004821"])
    func parse_whenOldNumberIsNotNineDigits_throwsInvalidOldIDNumber(old: String) {
        #expect(throws: CCCDQRError.invalidOldIDNumber) { try parse(card(old: old)) }
    }

    @Test func parse_whenNameIsBlank_throwsEmptyName() {
        #expect(throws: CCCDQRError.emptyName) { try parse(card(name: "   ")) }
        #expect(throws: CCCDQRError.emptyName) { try parse(card(name: "")) }
    }

    @Test(arguments: ["Nguyễn 2", "<script>", "' OR 1=1 --", "Hà;", "Nguyễn_Hà"])
    func parse_whenNameHasNonLetters_throwsInvalidName(name: String) {
        #expect(throws: CCCDQRError.invalidName) { try parse(card(name: name)) }
    }

    @Test(arguments: ["31021988", "29021987", "00011988", "12131988", "1988-03-", "1203198", "12/03/88", "31121899", "21112025"])
    func parse_whenBirthDateIsNotARealPastDay_throwsInvalidBirthDate(birth: String) {
        #expect(throws: CCCDQRError.invalidBirthDate) { try parse(card(birth: birth)) }
    }

    @Test func parse_acceptsLeapDay() throws {
        #expect(try parse(card(birth: "29021988")).birthDate == CalendarDay(year: 1988, month: 2, day: 29))
    }

    @Test(arguments: ["Nu", "nam", "NAM", "Male", "F", "", "Nữa"])
    func parse_whenGenderIsUnknown_throwsInvalidGender(gender: String) {
        #expect(throws: CCCDQRError.invalidGender) { try parse(card(gender: gender)) }
    }

    @Test func parse_whenAddressIsBlank_throwsEmptyAddress() {
        #expect(throws: CCCDQRError.emptyAddress) { try parse(card(address: " ")) }
    }

    @Test(arguments: ["31022021", "15132021", "", "2021061"])
    func parse_whenIssueDateIsNotARealDay_throwsInvalidIssueDate(issue: String) {
        #expect(throws: CCCDQRError.invalidIssueDate) { try parse(card(issue: issue)) }
    }

    @Test func parse_whenIssuedBeforeBirth_throwsIssueDateBeforeBirth() {
        #expect(throws: CCCDQRError.issueDateBeforeBirth) { try parse(card(birth: "12031988", issue: "11031988")) }
    }

    @Test func parse_whenIssuedAfterToday_throwsIssueDateInFuture() {
        #expect(throws: CCCDQRError.issueDateInFuture) { try parse(card(issue: "21112025")) }
    }

    @Test func errors_neverCarryTheScannedText() {
        let all: [CCCDQRError] = [
            .empty, .tooLong(byteCount: 600), .disallowedCharacter(codePoint: 0x202E), .wrongFieldCount(6),
            .invalidIDNumber, .unknownProvinceCode, .invalidOldIDNumber, .emptyName, .invalidName,
            .invalidBirthDate, .invalidGender, .emptyAddress, .invalidIssueDate, .issueDateBeforeBirth,
            .issueDateInFuture,
        ]
        #expect(Set(all.map(\.description)).count == all.count)
        #expect(CCCDQRError.invalidIDNumber.description == "the ID number is not 12 digits")
    }
}
