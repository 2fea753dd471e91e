import Testing
@testable import DeviceProtocols

/// Every way `GreyImage.decodeFile` refuses a file, each with the precise `ImageFileError` a
/// technician reads: unknown format or bad signature, truncation at each level, malformed header
/// or data, bad CRC or Adler-32, unsupported depth, colour type or feature, oversized dimensions.
@Suite struct ImageFileRefusalTests {
    /// One refused file: what is wrong with it, its bytes, and the error expected.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var what: String
        var file: [UInt8]
        var expected: ImageFileError
        var testDescription: String { what }
    }

    typealias PNG = ImageFileDecoderTests

    static func text(_ header: String, _ raster: [UInt8] = []) -> [UInt8] {
        Array(header.utf8) + raster
    }

    static let pgmRefusals: [Refusal] = [
        Refusal(what: "P5 raster short", file: text("P5\n2 2\n255\n", [1, 2, 3]), expected: .truncated("raster (3 of 4 samples)")),
        Refusal(what: "P5 header cut", file: text("P5\n2"), expected: .truncated("header")),
        Refusal(what: "P5 no byte after maxval", file: text("P5\n1 1\n255"), expected: .truncated("header")),
        Refusal(
            what: "P5 16-bit", file: text("P5\n2 2\n65535\n", [UInt8](repeating: 0, count: 8)),
            expected: .unsupported("16-bit PGM (maxval 65535)")),
        Refusal(what: "maxval 0", file: text("P5\n2 2\n0\n"), expected: .malformedHeader("maxval 0")),
        Refusal(what: "empty width", file: text("P5\n0 2\n255\n"), expected: .malformedHeader("size 0×2")),
        Refusal(what: "width not a number", file: text("P5\nx 2\n255\n"), expected: .malformedHeader("width is not a decimal number")),
        Refusal(
            what: "width of ten digits", file: text("P5\n1234567890 1\n255\n"),
            expected: .malformedHeader("width has too many digits")),
        Refusal(
            what: "P2 too few bytes for the samples", file: text("P2\n2 2\n255\n0 1 2"),
            expected: .truncated("raster (6 bytes for 4 plain samples)")),
        Refusal(what: "P2 last sample missing", file: text("P2\n2 1\n255\n0     "), expected: .truncated("raster (1 of 2 samples)")),
        Refusal(what: "P2 sample above maxval", file: text("P2 1 1 15\n16"), expected: .malformedData("sample 0 is 16, above maxval 15")),
        Refusal(
            what: "P2 sample not a number", file: text("P2 2 1 255\n0 x "),
            expected: .malformedData("sample 1 is not a decimal number of 1-9 digits")),
        Refusal(what: "P6 (colour PPM)", file: text("P6\n1 1\n255\n", [0, 0, 0]), expected: .unknownFormat),
        Refusal(what: "GIF", file: text("GIF89a"), expected: .unknownFormat),
        Refusal(what: "empty file", file: [], expected: .unknownFormat),
    ]

    @Test(arguments: pgmRefusals)
    func pgm_refusal_namesWhatIsWrong(_ refusal: Refusal) {
        #expect(throws: refusal.expected) { try GreyImage.decodeFile(refusal.file) }
    }

    /// The sample image as the product writes it.
    static var samplePNG: [UInt8] {
        (try? ImageFileDecoderTests.sampleImage()).map(PNGEncoder.encode) ?? []
    }

    /// `bytes` with the byte at `offset` inverted.
    static func flipped(_ bytes: [UInt8], at offset: Int) -> [UInt8] {
        var copy = bytes
        copy[offset] ^= 0xFF
        return copy
    }

    /// A 1 × 1 PNG whose IDAT is a stored zlib stream of `raw` (filter byte, then pixel).
    static func onePixel(raw: [UInt8]) -> [UInt8] {
        PNG.file(width: 1, height: 1, idat: PNGEncoder.zlibStored(raw))
    }

    static let pngRefusals: [Refusal] = [
        Refusal(what: "bad signature", file: flipped(samplePNG, at: 1), expected: .unknownFormat),
        // Signature 8 + IHDR 25 bytes, then 7 bytes: not even a chunk header
        Refusal(what: "cut after IHDR", file: Array(samplePNG.prefix(40)), expected: .truncated("chunk header")),
        Refusal(what: "cut inside IDAT", file: Array(samplePNG.prefix(60)), expected: .truncated("chunk data")),
        Refusal(
            what: "no IEND",
            file: PNGEncoder.signature + PNG.chunk("IHDR", PNG.header(width: 1, height: 1))
                + PNG.chunk("IDAT", PNGEncoder.zlibStored([0, 0])),
            expected: .truncated("chunk header")),
        Refusal(what: "zlib stream cut", file: PNG.file(width: 1, height: 1, idat: [0x78, 0x01, 0x01]), expected: .truncated("zlib stream")),
        Refusal(what: "image data short", file: onePixel(raw: [0]), expected: .truncated("image data (1 of 2 bytes)")),
        Refusal(
            what: "image data long", file: onePixel(raw: [0, 0, 0]),
            expected: .malformedData("more than the 2 bytes of image data the size allows")),
        Refusal(what: "unknown row filter", file: onePixel(raw: [5, 0]), expected: .malformedData("row 0 has filter type 5 (0-4 exist)")),
        Refusal(
            what: "bad zlib header", file: PNG.file(width: 1, height: 1, idat: [0x78, 0x02, 1, 2, 0, 0xFD, 0xFF]),
            expected: .malformedHeader("zlib header 120 2")),
        Refusal(what: "IHDR CRC", file: flipped(samplePNG, at: 16), expected: .checksumMismatch("IHDR")),
        Refusal(what: "IDAT CRC", file: flipped(samplePNG, at: samplePNG.count - 20), expected: .checksumMismatch("IDAT")),
        Refusal(
            what: "Adler-32",
            file: PNG.file(width: 1, height: 1, idat: flipped(PNGEncoder.zlibStored([0, 0]), at: PNGEncoder.zlibStored([0, 0]).count - 1)),
            expected: .checksumMismatch("IDAT (Adler-32)")),
        Refusal(
            what: "16-bit depth", file: PNG.file(width: 1, height: 1, depth: 16, idat: PNGEncoder.zlibStored([0, 0, 0])),
            expected: .unsupported("bit depth 16 (only 8)")),
        Refusal(
            what: "1-bit depth", file: PNG.file(width: 1, height: 1, depth: 1, idat: PNGEncoder.zlibStored([0, 0])),
            expected: .unsupported("bit depth 1 (only 8)")),
        Refusal(
            what: "interlaced", file: PNG.file(width: 1, height: 1, interlace: 1, idat: PNGEncoder.zlibStored([0, 0])),
            expected: .unsupported("interlaced PNG")),
        Refusal(
            what: "fixed-Huffman deflate, as zlib writes",
            file: PNG.file(width: 1, height: 1, idat: [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]),
            expected: .unsupported("compressed deflate blocks (convert the image to PGM)")),
        Refusal(
            what: "a side over the limit", file: PNG.file(width: 20_000, height: 1, idat: []),
            expected: .tooLarge(width: 20_000, height: 1, limit: GreyImage.maxPixelCount)),
        Refusal(
            what: "an area over the limit", file: PNG.file(width: 16_384, height: 16_384, idat: []),
            expected: .tooLarge(width: 16_384, height: 16_384, limit: GreyImage.maxPixelCount)),
        Refusal(what: "empty height", file: PNG.file(width: 1, height: 0, idat: []), expected: .malformedHeader("size 1×0")),
        Refusal(
            what: "IHDR of 12 bytes",
            file: PNGEncoder.signature + PNG.chunk("IHDR", Array(PNG.header(width: 1, height: 1).prefix(12))),
            expected: .malformedHeader("IHDR length 12")),
        Refusal(
            what: "IDAT first", file: PNGEncoder.signature + PNG.chunk("IDAT", PNGEncoder.zlibStored([0, 0])),
            expected: .malformedHeader("IDAT before IHDR")),
        Refusal(what: "no IHDR", file: PNGEncoder.signature + PNG.chunk("IEND", []), expected: .malformedHeader("no IHDR")),
        Refusal(
            what: "palette chunk",
            file: PNGEncoder.signature + PNG.chunk("IHDR", PNG.header(width: 1, height: 1)) + PNG.chunk("PLTE", [0, 0, 0]),
            expected: .unsupported("critical chunk PLTE")),
        Refusal(
            what: "chunk type not letters", file: PNGEncoder.signature + PNG.chunk("IH1R", PNG.header(width: 1, height: 1)),
            expected: .malformedHeader("chunk type is not four letters")),
    ]

    @Test(arguments: pngRefusals)
    func png_refusal_namesWhatIsWrong(_ refusal: Refusal) {
        #expect(throws: refusal.expected) { try GreyImage.decodeFile(refusal.file) }
    }

    /// Colour types other than greyscale (2 RGB, 3 palette, 4 grey + alpha, 6 RGBA): no reader of
    /// the product has ever decoded them, so they are refused by name rather than misread.
    @Test(arguments: [UInt8(2), 3, 4, 6])
    func png_colourTypesOtherThanGrey_areRefusedByName(colour: UInt8) {
        let file = PNG.file(width: 1, height: 1, colour: colour, idat: PNGEncoder.zlibStored([0, 0, 0, 0, 0]))
        #expect(throws: ImageFileError.unsupported("colour type \(colour) (only 8-bit greyscale)")) {
            try GreyImage.decodeFile(file)
        }
    }

    @Test func png_overTheCallersBound_isRefusedBeforeDecoding() throws {
        let file = PNGEncoder.encode(try ImageFileDecoderTests.sampleImage())
        #expect(throws: ImageFileError.tooLarge(width: 5, height: 3, limit: 10)) {
            try GreyImage.decodeFile(file, maximumPixelCount: 10)
        }
    }

    @Test func everyRefusal_readsAsOneEnglishLine() {
        for refusal in Self.pgmRefusals + Self.pngRefusals {
            let line = refusal.expected.description
            #expect(!line.isEmpty && !line.contains("\n"), "\(refusal.what)")
        }
        #expect(ImageFileError.malformedData("row 0 has filter type 5 (0-4 exist)").description
            == "malformed image data: row 0 has filter type 5 (0-4 exist)")
        #expect(ImageFileError.unknownFormat.description == "not a PGM (P5 or P2) or PNG file")
    }
}
