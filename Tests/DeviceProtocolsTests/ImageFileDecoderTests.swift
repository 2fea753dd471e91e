import Testing
@testable import DeviceProtocols

/// PGM (P5, P2) and PNG files read into `GreyImage` by `GreyImage.decodeFile`; what is refused,
/// and why, is in `ImageFileRefusalTests`.
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

    @Test func plainPGM_isRead_withCommentsAnywhere_andScaledToTheFullRange() throws {
        // Given a plain PGM of maxval 1 with comments between the fields and the samples
        let file = Array("P2\n# a comment\n3 2\n1\n0 1 0 # first row\n1 0 1".utf8)
        // Then it is read, 0 black and maxval white
        let image = try GreyImage.decodeFile(file)
        #expect(image.width == 3 && image.height == 2)
        #expect(image.pixels == [0, 255, 0, 255, 0, 255])
    }

    @Test func plainAndBinaryPGM_ofTheSameImage_decodeAlike() throws {
        let sample = try Self.sampleImage()
        // Given the sample written as plain text with maxval 255
        let plain = "P2\n\(sample.width) \(sample.height)\n255\n" + sample.pixels.map(String.init).joined(separator: " ") + "\n"
        // Then it decodes to what the binary form decodes to
        #expect(try GreyImage.decodeFile(Array(plain.utf8)) == sample)
        #expect(try GreyImage.decodeFile(PGMDecoder.encode(sample)) == sample)
    }

    @Test func pgm_refusesAnImageOverTheBound_beforeAllocatingIt() throws {
        let sample = try Self.sampleImage()
        // A header announcing 16 000 × 16 000 with no raster behind it, binary or plain
        for magic in ["P5", "P2"] {
            #expect(throws: ImageFileError.tooLarge(width: 16000, height: 16000, limit: GreyImage.maxPixelCount)) {
                try GreyImage.decodeFile(Array("\(magic)\n16000 16000\n255\n".utf8))
            }
        }
        // A side over the limit, however small the area
        #expect(throws: ImageFileError.tooLarge(width: 20000, height: 1, limit: GreyImage.maxPixelCount)) {
            try GreyImage.decodeFile(Array("P5\n20000 1\n255\n".utf8))
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

    /// Signature, IHDR (8-bit grey unless told), one IDAT holding `idat`, IEND.
    static func file(
        width: Int, height: Int, depth: UInt8 = 8, colour: UInt8 = 0, interlace: UInt8 = 0, idat: [UInt8]
    ) -> [UInt8] {
        PNGEncoder.signature + chunk("IHDR", header(width: width, height: height, depth: depth, colour: colour, interlace: interlace))
            + chunk("IDAT", idat) + chunk("IEND", [])
    }

    /// The 13 bytes of an IHDR.
    static func header(width: Int, height: Int, depth: UInt8 = 8, colour: UInt8 = 0, interlace: UInt8 = 0) -> [UInt8] {
        be(UInt32(width)) + be(UInt32(height)) + [depth, colour, 0, 0, interlace]
    }

    /// One chunk: length, type, data, CRC over type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be(UInt32(data.count)) + body + be(PNGEncoder.crc32(body))
    }

    static func be(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
