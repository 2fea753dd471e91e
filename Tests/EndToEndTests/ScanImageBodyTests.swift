import DeviceProtocols
import Foundation
import Testing
@testable import HardwareSimServer

/// The image bodies `scan-image` accepts: stored PNGs, PGMs, and QR symbols rendered from JSON.
/// PNG and PGM bodies are read by `GreyImage.decodeFile`, whose every refusal is pinned in
/// `ImageFileRefusalTests`; here, that the route reads with it and answers its sentence.
@Suite struct ScanImageBodyTests {
    /// A 7×5 grey ramp with every value distinct enough to catch a misplaced byte.
    private func ramp() throws -> GreyImage {
        try GreyImage(width: 7, height: 5, pixels: (0..<35).map { UInt8(($0 * 37) % 256) })
    }

    /// A PNG file around `raw` (filter byte + pixels per row), of colour type `colour`.
    private func png(width: Int, height: Int, raw: [UInt8], zlib: [UInt8]? = nil, colour: UInt8 = 0) -> [UInt8] {
        func bigEndian(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
        func chunk(_ type: String, _ payload: [UInt8]) -> [UInt8] {
            bigEndian(UInt32(payload.count)) + Array(type.utf8) + payload + bigEndian(PNGEncoder.crc32(Array(type.utf8) + payload))
        }
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, colour, 0, 0, 0]
        return PNGEncoder.signature + chunk("IHDR", header) + chunk("IDAT", zlib ?? PNGEncoder.zlibStored(raw)) + chunk("IEND", [])
    }

    @Test func pngWrittenByPNGEncoder_readsBackPixelForPixel() throws {
        let image = try ramp()
        #expect(try ScanImageBody.image(from: PNGEncoder.encode(image)) == image)
    }

    @Test func pngRowFilters_subUpAverageAndPaeth_areUndone() throws {
        // Given rows encoded with filters 1–4 over known pixels
        let pixels: [[UInt8]] = [[10, 20, 30], [15, 25, 35], [200, 100, 50], [0, 255, 128]]
        func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
            let p = a + b - c
            let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
            return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
        }
        var raw: [UInt8] = []
        for (y, row) in pixels.enumerated() {
            let filter = UInt8(y + 1)
            raw.append(filter)
            for x in row.indices {
                let left = x > 0 ? Int(row[x - 1]) : 0
                let up = y > 0 ? Int(pixels[y - 1][x]) : 0
                let corner = x > 0 && y > 0 ? Int(pixels[y - 1][x - 1]) : 0
                let predictor = [left, up, (left + up) / 2, paeth(left, up, corner)][y]
                raw.append(UInt8(truncatingIfNeeded: Int(row[x]) - predictor))
            }
        }
        // Then the reader restores them
        let image = try ScanImageBody.image(from: png(width: 3, height: 4, raw: raw))
        #expect(image.pixels == pixels.flatMap { $0 })
    }

    @Test func compressedPNG_isRefusedSayingWhatToSendInstead() {
        // One black pixel as zlib writes it: a fixed-Huffman block (BTYPE 01)
        let compressed = png(width: 1, height: 1, raw: [], zlib: [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
        #expect(throws: ScanImageBody.Problem("unsupported image feature: compressed deflate blocks (convert the image to PGM)")) {
            try ScanImageBody.image(from: compressed)
        }
        let colour = png(width: 1, height: 1, raw: [0, 0, 0, 0], colour: 2)
        #expect(throws: ScanImageBody.Problem("unsupported image feature: colour type 2 (only 8-bit greyscale)")) {
            try ScanImageBody.image(from: colour)
        }
    }

    @Test func corruptedPNG_isRefusedByItsChecksum() throws {
        var file = PNGEncoder.encode(try ramp())
        file[file.count - 20] ^= 0xFF  // inside IDAT
        #expect(throws: ScanImageBody.Problem("PNG chunk IDAT fails its CRC")) { try ScanImageBody.image(from: file) }
    }

    @Test func plainAndBinaryPGM_areRead_andSamplesScaledToTheFullRange() throws {
        let plain = try ScanImageBody.image(from: Array("P2\n# a comment\n3 2\n1\n0 1 0\n1 0 1\n".utf8))
        #expect(plain.width == 3 && plain.height == 2)
        #expect(plain.pixels == [0, 255, 0, 255, 0, 255])
        let image = try ramp()
        let binary = try ScanImageBody.image(from: Array("P5 7 5 255\n".utf8) + image.pixels)
        #expect(binary == image)
        #expect(throws: ScanImageBody.Problem("unsupported image feature: 16-bit PGM (maxval 65535)")) {
            try ScanImageBody.image(from: Array("P5 1 1 65535\n".utf8) + [0, 0])
        }
        #expect(throws: ScanImageBody.Problem("malformed image header: height is not a decimal number")) {
            try ScanImageBody.image(from: Array("P2 3 x".utf8))
        }
        #expect(throws: ScanImageBody.Problem("malformed image data: sample 2 is 2, above maxval 1")) {
            try ScanImageBody.image(from: Array("P2 3 1 1\n0 1 2\n".utf8))
        }
    }

    @Test func jsonText_isRenderedAsAQRSymbolThatZbarReadsBack() throws {
        let image = try ScanImageBody.image(from: Array(#"  {"text": "DK-2026-000731|Hồ sơ", "symbology": "qr"}"#.utf8))
        #expect(image.width == image.height)
        #expect(try BarcodeImageDecoder().decode(image).map(\.text) == ["DK-2026-000731|Hồ sơ"])
        #expect(throws: ScanImageBody.Problem("text must not be empty")) {
            try ScanImageBody.image(from: Array(#"{"text": ""}"#.utf8))
        }
        #expect(throws: ScanImageBody.Problem("missing key 'text'")) {
            try ScanImageBody.image(from: Array(#"{"symbology": "qr"}"#.utf8))
        }
    }
}
