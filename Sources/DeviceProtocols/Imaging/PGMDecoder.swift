/// Reads PGM files (Netpbm greyscale), binary (`P5`) or plain (`P2`): the magic, width, height
/// and maxval as ASCII decimals separated by whitespace (with `#` comments up to the end of a
/// line), then width × height samples — in `P5` one byte each after a single whitespace byte, in
/// `P2` ASCII decimals separated by whitespace. Samples are scaled to 0…255 when maxval is below
/// 255; 16-bit files (maxval above 255) are refused. Trailing bytes after the raster (a second
/// image) are ignored.
public enum PGMDecoder {
    /// The magic of a binary PGM.
    public static let binaryMagic: [UInt8] = Array("P5".utf8)
    /// The magic of a plain (ASCII) PGM.
    public static let plainMagic: [UInt8] = Array("P2".utf8)

    /// Whether `bytes` start like a PGM file (`P5` or `P2`).
    public static func recognises(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: binaryMagic) || bytes.starts(with: plainMagic)
    }

    /// The image in `bytes`, at most `maximumPixelCount` pixels.
    /// - Throws: `ImageFileError`.
    public static func decode(_ bytes: [UInt8], maximumPixelCount: Int = GreyImage.maxPixelCount) throws(ImageFileError) -> GreyImage {
        guard recognises(bytes) else { throw .unknownFormat }
        let plain = bytes.starts(with: plainMagic)
        var index = 2
        let width = try field(bytes, &index, name: "width")
        let height = try field(bytes, &index, name: "height")
        let maxValue = try field(bytes, &index, name: "maxval")
        guard (1...65_535).contains(maxValue) else { throw .malformedHeader("maxval \(maxValue)") }
        guard maxValue <= 255 else { throw .unsupported("16-bit PGM (maxval \(maxValue))") }
        guard index < bytes.count, isWhitespace(bytes[index]) else { throw .truncated("header") }
        try GreyImage.checkFileSize(width: width, height: height, limit: maximumPixelCount)
        let count = width * height
        var pixels = plain
            ? try plainSamples(bytes, from: index, count: count, maxValue: maxValue)
            : try binarySamples(bytes, from: index + 1, count: count, maxValue: maxValue)
        if maxValue < 255 {
            for position in pixels.indices {
                let sample = Int(pixels[position])
                pixels[position] = UInt8((sample * 255 + maxValue / 2) / maxValue)
            }
        }
        return try GreyImage.fromFile(width: width, height: height, pixels: pixels, limit: maximumPixelCount)
    }

    /// `count` one-byte samples from `start`, each clamped to `maxValue`.
    private static func binarySamples(_ bytes: [UInt8], from start: Int, count: Int, maxValue: Int) throws(ImageFileError) -> [UInt8] {
        let available = bytes.count - start
        guard available >= count else { throw .truncated("raster (\(available) of \(count) samples)") }
        let ceiling = UInt8(maxValue)
        return bytes[start..<(start + count)].map { min($0, ceiling) }
    }

    /// `count` decimal samples from `start`, each at most `maxValue`.
    private static func plainSamples(_ bytes: [UInt8], from start: Int, count: Int, maxValue: Int) throws(ImageFileError) -> [UInt8] {
        // Each sample takes a digit and a separator: refuse a short file before allocating.
        let available = bytes.count - start
        guard available >= 2 * count else { throw .truncated("raster (\(available) bytes for \(count) plain samples)") }
        var samples: [UInt8] = []
        samples.reserveCapacity(count)
        var index = start
        for position in 0..<count {
            guard let value = try sample(bytes, &index, position: position) else {
                throw .truncated("raster (\(position) of \(count) samples)")
            }
            guard value <= maxValue else { throw .malformedData("sample \(position) is \(value), above maxval \(maxValue)") }
            samples.append(UInt8(value))
        }
        return samples
    }

    /// The next decimal header field after whitespace and comments; at most 9 digits.
    private static func field(_ bytes: [UInt8], _ index: inout Int, name: String) throws(ImageFileError) -> Int {
        skipWhitespaceAndComments(bytes, &index)
        let (value, digits) = number(bytes, &index)
        guard digits <= 9 else { throw .malformedHeader("\(name) has too many digits") }
        guard index < bytes.count else { throw .truncated("header") }
        guard digits > 0 else { throw .malformedHeader("\(name) is not a decimal number") }
        return value
    }

    /// The next plain sample after whitespace and comments, or `nil` when the file ends first.
    private static func sample(_ bytes: [UInt8], _ index: inout Int, position: Int) throws(ImageFileError) -> Int? {
        skipWhitespaceAndComments(bytes, &index)
        guard index < bytes.count else { return nil }
        let (value, digits) = number(bytes, &index)
        guard digits > 0, digits <= 9 else { throw .malformedData("sample \(position) is not a decimal number of 1-9 digits") }
        return value
    }

    /// The decimal number at `index` and how many digits were read: 0 when none, 10 when there
    /// are more than 9 (the value is then meaningless).
    private static func number(_ bytes: [UInt8], _ index: inout Int) -> (value: Int, digits: Int) {
        var value = 0
        var digits = 0
        while index < bytes.count, (0x30...0x39).contains(bytes[index]), digits < 10 {
            value = value * 10 + Int(bytes[index] - 0x30)
            digits += 1
            index += 1
        }
        return (value, digits)
    }

    private static func skipWhitespaceAndComments(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count {
            if isWhitespace(bytes[index]) {
                index += 1
            } else if bytes[index] == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            } else {
                return
            }
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// `image` as a binary PGM file (maxval 255), for tests, tools and camera spools.
    public static func encode(_ image: GreyImage) -> [UInt8] {
        Array("P5\n\(image.width) \(image.height)\n255\n".utf8) + image.pixels
    }
}
