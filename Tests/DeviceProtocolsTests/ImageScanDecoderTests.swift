import KioskHAL
import Testing
@testable import DeviceProtocols

/// Symbols found in one frame → scan outcomes: order, types, checks.
@Suite struct ImageScanDecoderTests {
    static func symbol(_ text: String, type: UInt32 = DecodedSymbol.qrTypeCode) -> DecodedSymbol {
        symbol(bytes: Array(text.utf8), type: type)
    }

    static func symbol(bytes: [UInt8], type: UInt32 = DecodedSymbol.qrTypeCode) -> DecodedSymbol {
        DecodedSymbol(typeName: type == 64 ? "QR-Code" : "CODE-128", typeCode: type, bytes: bytes, quality: 1)
    }

    @Test func outcomes_putQRCodesFirst_keepTheirTypes_andCollapseRepeats() {
        let decoder = ImageScanDecoder(maximumLength: 64)
        let symbols = [Self.symbol("4006381333931", type: 128), Self.symbol("HS-1"), Self.symbol("HS-1"), Self.symbol("Hồ sơ")]
        #expect(decoder.outcomes(for: symbols) == [
            .scanned(Scan(text: "HS-1", symbology: "Q1", source: .image)),
            .scanned(Scan(text: "Hồ sơ", symbology: "Q1", source: .image)),
            .scanned(Scan(text: "4006381333931", symbology: "C0", source: .image)),
        ])
    }

    @Test func outcome_refusesHostilePayloads() {
        let decoder = ImageScanDecoder(maximumLength: 4)
        #expect(decoder.outcome(for: Self.symbol("HS-12")) == .rejected(.tooLong(limit: 4)))
        #expect(decoder.outcome(for: Self.symbol("HS-1")) == .scanned(Scan(text: "HS-1", symbology: "Q1", source: .image)))
        #expect(decoder.outcome(for: Self.symbol(bytes: [0xC3, 0x28])) == .rejected(.invalidUTF8))
        #expect(decoder.outcome(for: Self.symbol(bytes: [0x41, 0x0A])) == .rejected(.controlCharacter(0x0A)))
        #expect(decoder.outcome(for: Self.symbol(bytes: [])) == .rejected(.emptyPayload))
    }

    @Test func aimIdentifiers_followZBarTypes() {
        #expect(ImageScanDecoder.aimIdentifier(forZBarType: 64) == "Q1")
        #expect(ImageScanDecoder.aimIdentifier(forZBarType: 13) == "E0")
        #expect(ImageScanDecoder.aimIdentifier(forZBarType: 8) == "E4")
        #expect(ImageScanDecoder.aimIdentifier(forZBarType: 9) == nil)  // UPC-E has no entry
    }

    @Test func outcomes_ofARealFrame_comeFromZBar() throws {
        // Given a rendered QR decoded by zbar
        let image = try QRMatrix(text: "HS-2026-000123").rasterised(moduleSize: 4)
        let symbols = try BarcodeImageDecoder().decode(image)
        // Then it becomes one QR scan
        #expect(ImageScanDecoder().outcomes(for: symbols) == [.scanned(Scan(text: "HS-2026-000123", symbology: "Q1", source: .image))])
    }
}
