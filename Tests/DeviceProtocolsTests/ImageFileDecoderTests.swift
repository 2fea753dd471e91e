import Testing
@testable import DeviceProtocols

/// PGM (P5) and PNG reading into `GreyImage`, with every bound and malformation refused.
@Suite struct ImageFileDecoderTests {
    /// A 5 × 3 gradient with every kind of value.
    static func sampleImage() throws -> GreyImage {
        try GreyImage(width: 5, height: 3, pixels: [0, 1, 127, 128, 255, 10, 20, 30, 40, 50, 255, 0, 255, 0, 255])
    }

    @Test func pgm_roundTripsThroughEncodeAndDecode() throws {
        let sample = try Self.sampleImage()
        let decoded = try GreyImage.decodeFile(PGMDecoder.encode(sample))
        #expect(decoded == sample)
    }

    @Test func pgm_acceptsCommentsAndScalesALowMaxval() throws {
        // Given a header with comments and maxval 15
        let file = Array("P5 # made by a camera\n# size follows\n2 1\n15\n".utf8) + [15, 5]
        // Then samples are scaled to 0…255
        let image = try PGMDecoder.decode(file)
        #expect(image.pixels == [255, 85])
    }

    /// `header` as bytes, then `raster`.
    static func pgm(_ header: String, _ raster: [UInt8] = []) -> [UInt8] {
        Array(header.utf8) + raster
    }

    static let malformedFiles: [(file: [UInt8], expected: ImageFileError)] = [
        (pgm("P5\n2 2\n255\n", [1, 2, 3]), .truncated("raster")),
        (pgm("P5\n2 2\n65535\n", [UInt8](repeating: 0, count: 8)), .unsupported("16-bit PGM (maxval 65535)")),
        (pgm("P5\n0 2\n255\n"), .malformedHeader("size 0×2")),
        (pgm("P5\nx 2\n255\n"), .malformedHeader("width is not a decimal number")),
        (pgm("P5\n2"), .truncated("header")),
        (pgm("P2\n1 1\n255\n0"), .unknownFormat),
    ]

    @Test(arguments: malformedFiles)
    func pgm_refusesMalformedFiles(file: [UInt8], expected: ImageFileError) {
        #expect(throws: expected) { try GreyImage.decodeFile(file) }
    }

    @Test func pgm_refusesAnImageOverTheBound_beforeAllocatingIt() throws {
        let sample = try Self.sampleImage()
        // A header announcing 16 000 × 16 000 with no raster behind it
        let file = Array("P5\n16000 16000\n255\n".utf8)
        #expect(throws: ImageFileError.tooLarge(width: 16000, height: 16000, limit: GreyImage.maxPixelCount)) {
            try GreyImage.decodeFile(file)
        }
        #expect(throws: ImageFileError.tooLarge(width: 5, height: 3, limit: 10)) {
            try GreyImage.decodeFile(PGMDecoder.encode(sample), maximumPixelCount: 10)
        }
    }

    @Test func png_readsTheProductsOwnOutput() throws {
        let qr = try QRMatrix(text: "HS-2026-000123").rasterised(moduleSize: 3)
        #expect(try GreyImage.decodeFile(PNGEncoder.encode(qr)) == qr)
        let sample = try Self.sampleImage()
        #expect(try PNGDecoder.decode(PNGEncoder.encode(sample)) == sample)
    }

    @Test(arguments: UInt8(0)...4)
    func png_undoesEveryRowFilter(filter: UInt8) throws {
        let sample = try Self.sampleImage()
        // Given the sample filtered with one filter type on every row
        let file = Self.png(sample, filteredWith: filter)
        // Then decoding gives the original pixels back
        #expect(try PNGDecoder.decode(file) == sample)
    }

    @Test func png_refusesCorruptedAndCompressedFiles() throws {
        let sample = try Self.sampleImage()
        var corrupted = PNGEncoder.encode(sample)
        corrupted[corrupted.count - 20] ^= 0xFF  // inside IDAT
        #expect(throws: ImageFileError.checksumMismatch("IDAT")) { try PNGDecoder.decode(corrupted) }
        // A fixed-Huffman deflate block (BTYPE 01), as zlib writes
        let compressed = Self.file(width: 1, height: 1, idat: [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
        #expect(throws: ImageFileError.unsupported("compressed deflate blocks (convert the image to PGM)")) {
            try PNGDecoder.decode(compressed)
        }
        let truncated = Array(PNGEncoder.encode(sample).prefix(40))
        #expect(throws: ImageFileError.self) { try PNGDecoder.decode(truncated) }
    }

    // MARK: - Building PNG files by hand

    /// A PNG of `image` whose rows all use `filter` (0 none, 1 sub, 2 up, 3 average, 4 Paeth).
    static func png(_ image: GreyImage, filteredWith filter: UInt8) -> [UInt8] {
        var raw: [UInt8] = []
        for y in 0..<image.height {
            raw.append(filter)
            for x in 0..<image.width {
                let value = Int(image.pixel(x: x, y: y) ?? 0)
                let left = Int(image.pixel(x: x - 1, y: y) ?? 0)
                let up = Int(image.pixel(x: x, y: y - 1) ?? 0)
                let upLeft = Int(image.pixel(x: x - 1, y: y - 1) ?? 0)
                let predictor = switch filter {
                case 1: left
                case 2: up
                case 3: (left + up) / 2
                case 4: paeth(left, up, upLeft)
                default: 0
                }
                raw.append(UInt8(truncatingIfNeeded: value - predictor))
            }
        }
        return file(width: image.width, height: image.height, idat: PNGEncoder.zlibStored(raw))
    }

    static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
        return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
    }

    /// Signature, IHDR (8-bit grey), one IDAT holding `idat`, IEND.
    static func file(width: Int, height: Int, idat: [UInt8]) -> [UInt8] {
        var header = be(UInt32(width)) + be(UInt32(height))
        header += [8, 0, 0, 0, 0]
        return PNGEncoder.signature + chunk("IHDR", header) + chunk("IDAT", idat) + chunk("IEND", [])
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be(UInt32(data.count)) + body + be(PNGEncoder.crc32(body))
    }

    static func be(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
