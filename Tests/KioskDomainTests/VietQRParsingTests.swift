import Foundation
import Testing
@testable import KioskDomain

@Suite struct VietQRParsingTests {
    /// The payload with its CRC appended: `body` must end just before the literal `6304`.
    private func sealed(_ body: String) -> String {
        let withTag = body + "6304"
        return withTag + CRC16CCITTFalse.hexDigits(CRC16CCITTFalse.checksum(of: withTag))
    }

    private let merchant = "38570010A00000072701270006970405011376002010123450208QRIBFTTA"

    @Test func parse_domainWorkedExample_readsEveryField() throws {
        // Given the DOMAIN §7 payload
        let text = VietQRPayloadTests.domainExample
        // When
        let payload = try VietQRPayload(parsing: text)
        // Then
        #expect(payload.bankBIN == "970405")
        #expect(payload.accountNumber == "7600201012345")
        #expect(payload.amount == 100_000)
        #expect(payload.purpose?.text == "LEPHI 251110 0007 KVT01")
        #expect(payload.form == .dynamic)
        #expect(payload.encoded == text)
    }

    @Test func parse_roundTripsBuiltPayloads() throws {
        // Given a dynamic and a static payload
        let built = [
            try VietQRPayload(bankBIN: "970436", accountNumber: "VQR0019", amount: 999_999_999_999, purposeText: "phí"),
            try VietQRPayload(bankBIN: "970405", accountNumber: "7600201012345", amount: nil, purpose: nil),
            try VietQRPayload(bankBIN: "970405", accountNumber: "1", amount: 1, purpose: nil),
        ]
        for original in built {
            // When read back
            let parsed = try VietQRPayload(parsing: original.encoded)
            // Then
            #expect(parsed == original)
        }
    }

    @Test func parse_whenChecksumDigitChanged_throwsChecksumMismatch() {
        let corrupted = String(VietQRPayloadTests.domainExample.dropLast()) + "2"
        #expect(throws: VietQRError.checksumMismatch(expected: "8841", found: "8842")) {
            try VietQRPayload(parsing: corrupted)
        }
    }

    @Test func parse_whenAmountChangedInTransit_throwsChecksumMismatch() {
        let corrupted = VietQRPayloadTests.domainExample.replacingOccurrences(of: "5406100000", with: "5406900000")
        #expect(throws: VietQRError.checksumMismatch(expected: "8797", found: "8841")) {
            try VietQRPayload(parsing: corrupted)
        }
    }

    @Test(arguments: ["884a", "88G1", "88 1"])
    func parse_whenChecksumIsNotUpperHex_throwsMalformedChecksum(crc: String) {
        let text = String(VietQRPayloadTests.domainExample.dropLast(4)) + crc
        #expect(throws: VietQRError.malformedChecksum) { try VietQRPayload(parsing: text) }
    }

    @Test func parse_whenChecksumMissing_throwsUnexpectedField() {
        #expect(throws: VietQRError.unexpectedField(expected: "63", found: "58")) {
            try VietQRPayload(parsing: "000201010212" + merchant + "53037045802VN")
        }
        #expect(throws: VietQRError.unexpectedField(expected: "63", found: nil)) {
            try VietQRPayload(parsing: "")
        }
    }

    @Test func parse_refusesNonPrintableAndOverlongText() {
        #expect(throws: VietQRError.invalidPayloadCharacter(offset: 4)) { try VietQRPayload(parsing: "0002ữ1") }
        #expect(throws: VietQRError.invalidPayloadCharacter(offset: 2)) { try VietQRPayload(parsing: "00\u{0}201") }
        #expect(throws: VietQRError.payloadTooLong(length: 600)) {
            try VietQRPayload(parsing: String(repeating: "0", count: 600))
        }
    }

    @Test func parse_refusesBrokenFieldFraming() {
        #expect(throws: VietQRError.truncatedField(offset: 12)) { try VietQRPayload(parsing: "000201010212385") }
        #expect(throws: VietQRError.truncatedField(offset: 12)) { try VietQRPayload(parsing: "0002010102123857") }
        #expect(throws: VietQRError.malformedFieldHeader(offset: 6)) { try VietQRPayload(parsing: "00020101AB12") }
        #expect(throws: VietQRError.malformedFieldHeader(offset: 0)) { try VietQRPayload(parsing: "A0020101") }
    }

    @Test func parse_whenStaticPayloadHasAmount_throwsUnexpectedField() {
        let text = sealed("000201010211" + merchant + "5303704" + "5406100000" + "5802VN")
        #expect(throws: VietQRError.unexpectedField(expected: "58", found: "54")) { try VietQRPayload(parsing: text) }
    }

    @Test func parse_whenDynamicPayloadLacksAmount_throwsUnexpectedField() {
        let text = sealed("000201010212" + merchant + "5303704" + "5802VN")
        #expect(throws: VietQRError.unexpectedField(expected: "54", found: "58")) { try VietQRPayload(parsing: text) }
    }

    @Test(arguments: [
        ("000201010213" + "38570010A00000072701270006970405011376002010123450208QRIBFTTA" + "53037045802VN", "01"),
        ("000202010211" + "38570010A00000072701270006970405011376002010123450208QRIBFTTA" + "53037045802VN", "00"),
        ("000201010211" + "38570010A00000072801270006970405011376002010123450208QRIBFTTA" + "53037045802VN", "38.00"),
        ("000201010211" + "38560010A00000072701260005970400113760020101234" + "50208QRIBFTTA" + "53037045802VN", "38.01.00"),
        ("000201010211" + "38570010A00000072701270006970405011376002010123a50208QRIBFTTA" + "53037045802VN", "38.01.01"),
        ("000201010211" + "38570010A00000072701270006970405011376002010123450208QRIBFTTC" + "53037045802VN", "38.02"),
        ("000201010211" + "38570010A00000072701270006970405011376002010123450208QRIBFTTA" + "53038405802VN", "53"),
        ("000201010212" + "38570010A00000072701270006970405011376002010123450208QRIBFTTA" + "5303704540105802VN", "54"),
        ("000201010212" + "38570010A00000072701270006970405011376002010123450208QRIBFTTA" + "530370454040100" + "5802VN", "54"),
        ("000201010212" + "38570010A00000072701270006970405011376002010123450208QRIBFTTA" + "5303704540510.505802VN", "54"),
        ("000201010211" + "38570010A00000072701270006970405011376002010123450208QRIBFTTA" + "53037045802US", "58"),
        ("000201010211" + "38570010A00000072701270006970405011376002010123450208QRIBFTTA" + "53037045802VN"
            + "62100806le phi", "62.08"),
        ("000201010211" + "38570010A00000072701270006970405011376002010123450208QRIBFTTA" + "53037045802VN"
            + "62110807LE  PHI", "62.08"),
    ])
    func parse_whenFieldValueBreaksGrammar_throwsInvalidFieldValue(body: String, path: String) {
        #expect(throws: VietQRError.invalidFieldValue(path: path)) { try VietQRPayload(parsing: sealed(body)) }
    }

    @Test func parse_whenExtraFieldsAppear_throwsUnexpectedField() {
        // A merchant name (tag 59) is not part of what this kiosk writes
        let withName = sealed("000201010211" + merchant + "5303704" + "5802VN" + "5907UBND XA")
        #expect(throws: VietQRError.unexpectedField(expected: "63", found: "59")) { try VietQRPayload(parsing: withName) }
        // A bill number (62.01) beside the note
        let withBill = sealed("000201010211" + merchant + "5303704" + "5802VN" + "6214" + "0803ABC" + "0103X12")
        #expect(throws: VietQRError.unexpectedField(expected: nil, found: "01")) { try VietQRPayload(parsing: withBill) }
    }
}
