import Testing
@testable import KioskDomain

@Suite struct CRC16CCITTFalseTests {
    @Test func checksum_ofCatalogueCheckString_is29B1() {
        // Given the catalogue's check input
        let input = "123456789"
        // When
        let crc = CRC16CCITTFalse.checksum(of: input)
        // Then
        #expect(crc == 0x29B1)
        #expect(CRC16CCITTFalse.hexDigits(crc) == "29B1")
    }

    @Test func checksum_ofNothing_isTheInitialValue() {
        #expect(CRC16CCITTFalse.checksum(of: "") == 0xFFFF)
    }

    @Test func checksum_ofDomainWorkedExample_is8841() {
        // Given the DOMAIN §7 payload up to and including the literal 6304
        let body = "00020101021238570010A00000072701270006970405011376002010123450208QRIBFTTA"
            + "530370454061000005802VN62270823LEPHI 251110 0007 KVT016304"
        // When / Then
        #expect(CRC16CCITTFalse.hexDigits(CRC16CCITTFalse.checksum(of: body)) == "8841")
    }

    @Test func update_inPieces_equalsOneCall() {
        // Given a checksum fed in three pieces
        var crc = CRC16CCITTFalse()
        crc.update(with: "123".utf8)
        crc.update(with: "45".utf8)
        crc.update(with: "6789".utf8)
        // Then it matches the one-call result
        #expect(crc.value == 0x29B1)
    }

    @Test func checksum_ofSingleByteA_isKnownValue() {
        // "A" under CRC-16/CCITT-FALSE is 0xB915 (independent reference value)
        #expect(CRC16CCITTFalse.checksum(of: "A") == 0xB915)
    }

    @Test func hexDigits_padsToFourUpperCaseDigits() {
        #expect(CRC16CCITTFalse.hexDigits(0x0A3F) == "0A3F")
        #expect(CRC16CCITTFalse.hexDigits(0) == "0000")
        #expect(CRC16CCITTFalse.hexDigits(0xFFFF) == "FFFF")
    }

    @Test func parseHexDigits_acceptsOnlyFourUpperCaseDigits() {
        #expect(CRC16CCITTFalse.parseHexDigits("29B1") == 0x29B1)
        #expect(CRC16CCITTFalse.parseHexDigits("0000") == 0)
        #expect(CRC16CCITTFalse.parseHexDigits("29b1") == nil)
        #expect(CRC16CCITTFalse.parseHexDigits("29B") == nil)
        #expect(CRC16CCITTFalse.parseHexDigits("29B10") == nil)
        #expect(CRC16CCITTFalse.parseHexDigits("G9B1") == nil)
        #expect(CRC16CCITTFalse.parseHexDigits("+9B1") == nil)
    }
}
