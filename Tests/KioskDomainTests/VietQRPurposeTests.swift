import Testing
@testable import KioskDomain

@Suite struct VietQRPurposeTests {
    @Test(arguments: [
        ("Lệ phí", "LE PHI"),
        ("Lệ phí hộ tịch", "LE PHI HO TICH"),
        ("Đăng ký đất đai", "DANG KY DAT DAI"),
        ("đ", "D"),
        ("Ưu đãi Ơn", "UU DAI ON"),
        ("lephi 251110 0007 kvt01", "LEPHI 251110 0007 KVT01"),
        ("Phí: 100.000đ (#A-7)!", "PHI 100.000D A-7"),
        ("  LE\t\tPHI \n 2025  ", "LE PHI 2025"),
        ("Phí 手数料 ß", "PHI"),
        ("Le\u{0323}\u{0302} phi\u{0301}", "LE PHI"),
        ("Bùi Văn Ữ", "BUI VAN U"),
        ("25/11/2025", "25112025"),
    ])
    func reduce_mapsToUpperCaseASCIIWithSingleSpaces(input: String, expected: String) {
        #expect(VietQRPurpose.reduce(input) == expected)
    }

    @Test func init_whenReducedTextFits_keepsIt() throws {
        let purpose = try VietQRPurpose("Lệ phí 251110 0007 kvt01")
        #expect(purpose.text == "LE PHI 251110 0007 KVT01")
        #expect(purpose.description == "LE PHI 251110 0007 KVT01")
    }

    @Test func init_acceptsExactlyTwentyFiveCharacters() throws {
        let text = "ABCDEFGHIJ KLMNOPQRS 1234"
        #expect(text.count == 25)
        #expect(try VietQRPurpose(text).text == text)
    }

    @Test func init_whenTwentySixCharacters_throwsPurposeTooLong() {
        #expect(throws: VietQRError.purposeTooLong(length: 26)) {
            try VietQRPurpose("ABCDEFGHIJ KLMNOPQRS 12345")
        }
    }

    @Test func init_whenLongVietnameseText_throwsPurposeTooLong() {
        #expect(throws: VietQRError.purposeTooLong(length: 32)) {
            try VietQRPurpose("Lệ phí đăng ký khai sinh cho con")
        }
    }

    @Test func initTruncating_whenLong_cutsToTwentyFiveAndDropsTrailingSpace() throws {
        // Given a note reducing to 32 characters whose 25th is a space
        let purpose = try VietQRPurpose(truncating: "Lệ phí đăng ký khai sinh cho con")
        // Then the cut drops the dangling space
        #expect(purpose.text == "LE PHI DANG KY KHAI SINH")
    }

    @Test func initTruncating_whenShort_keepsEverything() throws {
        #expect(try VietQRPurpose(truncating: "phí").text == "PHI")
    }

    @Test(arguments: ["", "   ", "!!!", "手数料", "\u{0301}\u{0323}"])
    func init_whenNothingSurvives_throwsPurposeEmpty(input: String) {
        #expect(throws: VietQRError.purposeEmpty) { try VietQRPurpose(input) }
        #expect(throws: VietQRError.purposeEmpty) { try VietQRPurpose(truncating: input) }
    }
}
