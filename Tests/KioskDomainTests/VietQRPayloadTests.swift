import Testing
@testable import KioskDomain

@Suite struct VietQRPayloadTests {
    static let domainExample = "00020101021238570010A00000072701270006970405011376002010123450208QRIBFTTA"
        + "530370454061000005802VN62270823LEPHI 251110 0007 KVT0163048841"

    @Test func encoded_forDomainWorkedExample_matchesByteForByte() throws {
        // Given the Agribank example of DOMAIN §7
        let payload = try VietQRPayload(
            bankBIN: "970405", accountNumber: "7600201012345", amount: 100_000,
            purposeText: "LEPHI 251110 0007 KVT01")
        // When
        let encoded = payload.encoded
        // Then
        #expect(encoded == Self.domainExample)
        #expect(Array(encoded.utf8) == Array(Self.domainExample.utf8))
        #expect(payload.form == .dynamic)
        #expect(payload.description == Self.domainExample)
    }

    @Test func encoded_whenStaticWithoutPurpose_hasNoAmountAndNoNote() throws {
        // Given a reusable QR with no amount and no note
        let payload = try VietQRPayload(
            bankBIN: "970405", accountNumber: "7600201012345", amount: nil, purpose: nil)
        // When
        let encoded = payload.encoded
        // Then
        #expect(payload.form == .static)
        #expect(encoded == "00020101021138570010A00000072701270006970405011376002010123450208QRIBFTTA"
            + "53037045802VN630461CD")
        #expect(!encoded.contains("5406"))
    }

    @Test func encoded_whenStaticWithPurpose_keepsNoteAndOmitsTag54() throws {
        // Given a static QR whose note is reduced from Vietnamese text
        let payload = try VietQRPayload(
            bankBIN: "970436", accountNumber: "0071000123456", amount: nil,
            purpose: VietQRPurpose("Lệ phí hộ tịch"))
        // When / Then
        #expect(payload.encoded == "00020101021138570010A00000072701270006970436011300710001234560208QRIBFTTA"
            + "53037045802VN62180814LE PHI HO TICH63040394")
    }

    @Test func init_trimsBankBINAndAccount() throws {
        let payload = try VietQRPayload(bankBIN: " 970405\n", accountNumber: "\t7600201012345 ", amount: 1, purpose: nil)
        #expect(payload.bankBIN == "970405")
        #expect(payload.accountNumber == "7600201012345")
    }

    @Test(arguments: ["", "97040", "9704050", "97040A", "970 405", "９７０４０５", "97040٥"])
    func init_whenBankBINIsNotSixASCIIDigits_throwsInvalidBankBIN(bin: String) {
        #expect(throws: VietQRError.invalidBankBIN) {
            try VietQRPayload(bankBIN: bin, accountNumber: "7600201012345", amount: 1000, purpose: nil)
        }
    }

    @Test(arguments: ["", "12345678901234567890", "abc123", "7600-2010", "7600 2010", "TÀIKHOẢN", "76002010;"])
    func init_whenAccountIsMalformed_throwsInvalidAccountNumber(account: String) {
        #expect(throws: VietQRError.invalidAccountNumber) {
            try VietQRPayload(bankBIN: "970405", accountNumber: account, amount: 1000, purpose: nil)
        }
    }

    @Test func init_acceptsNineteenCharacterAccountWithUpperCaseLetters() throws {
        let payload = try VietQRPayload(
            bankBIN: "970422", accountNumber: "VQR1234567890ABCDEF", amount: 5_000, purpose: nil)
        #expect(payload.accountNumber == "VQR1234567890ABCDEF")
        #expect(payload.encoded.contains("0119VQR1234567890ABCDEF"))
    }

    @Test(arguments: [Int64(0), -1, -100_000, Int64.min])
    func init_whenAmountIsNotPositive_throwsAmountNotPositive(amount: Int64) {
        #expect(throws: VietQRError.amountNotPositive(amount)) {
            try VietQRPayload(bankBIN: "970405", accountNumber: "7600201012345", amount: amount, purpose: nil)
        }
    }

    @Test(arguments: [Int64(1_000_000_000_000), Int64.max])
    func init_whenAmountIsAbsurd_throwsAmountTooLarge(amount: Int64) {
        #expect(throws: VietQRError.amountTooLarge(amount)) {
            try VietQRPayload(bankBIN: "970405", accountNumber: "7600201012345", amount: amount, purpose: nil)
        }
    }

    @Test func init_acceptsSmallestAndLargestAmounts() throws {
        let smallest = try VietQRPayload(bankBIN: "970405", accountNumber: "1", amount: 1, purpose: nil)
        let largest = try VietQRPayload(
            bankBIN: "970405", accountNumber: "1", amount: VietQRPayload.maximumAmount, purpose: nil)
        #expect(smallest.encoded.contains("540115802VN"))
        #expect(largest.encoded.contains("5412999999999999" + "5802VN"))
    }

    @Test func init_whenPurposeReducesToNothing_throwsPurposeEmpty() {
        #expect(throws: VietQRError.purposeEmpty) {
            try VietQRPayload(bankBIN: "970405", accountNumber: "7600201012345", amount: 1000, purposeText: "!!! ???")
        }
    }

    @Test func init_whenPurposeIsTooLong_throwsPurposeTooLongWithReducedLength() {
        #expect(throws: VietQRError.purposeTooLong(length: 32)) {
            try VietQRPayload(
                bankBIN: "970405", accountNumber: "7600201012345", amount: 1000,
                purposeText: "Lệ phí đăng ký khai sinh cho con")
        }
    }

    @Test func errors_neverNameTheAccount() {
        #expect(VietQRError.invalidAccountNumber.description == "the account is not 1 to 19 digits or upper-case letters")
        #expect(VietQRError.amountTooLarge(1_000_000_000_000).description
            == "the amount 1000000000000 VND exceeds 999999999999 VND")
    }
}
