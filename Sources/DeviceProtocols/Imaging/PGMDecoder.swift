/// Reads binary PGM files (`P5`, Netpbm greyscale): `P5`, width, height and maxval as ASCII
/// decimals separated by whitespace (with `#` comments up to the end of a line), one whitespace
/// byte, then width × height samples of one byte each. Samples are scaled to 0…255 when maxval
/// is below 255; 16-bit files (maxval above 255) are refused. Trailing bytes after the raster
/// (a second image) are ignored.
public enum PGMDecoder {
    /// The image in `bytes`, at most `maximumPixelCount` pixels.
    /// - Throws: `ImageFileError`.
    public static func decode(_ bytes: [UInt8], maximumPixelCount: Int = GreyImage.maxPixelCount) throws(ImageFileError) -> GreyImage {
        guard bytes.starts(with: Array("P5".utf8)) else { throw .unknownFormat }
        var index = 2
        let width = try field(bytes, &index, name: "width")
        let height = try field(bytes, &index, name: "height")
        let maxValue = try field(bytes, &index, name: "maxval")
        guard (1...65_535).contains(maxValue) else { throw .malformedHeader("maxval \(maxValue)") }
        guard maxValue <= 255 else { throw .unsupported("16-bit PGM (maxval \(maxValue))") }
        guard index < bytes.count, isWhitespace(bytes[index]) else { throw .truncated("header") }
        index += 1
        try GreyImage.checkFileSize(width: width, height: height, limit: maximumPixelCount)
        let count = width * height
        guard bytes.count - index >= count else { throw .truncated("raster") }
        var pixels = Array(bytes[index..<(index + count)])
        if maxValue < 255 {
            for position in pixels.indices {
                let sample = min(Int(pixels[position]), maxValue)
                pixels[position] = UInt8((sample * 255 + maxValue / 2) / maxValue)
            }
        }
        return try GreyImage.fromFile(width: width, height: height, pixels: pixels, limit: maximumPixelCount)
    }

    /// The next decimal field after whitespace and comments; at most 9 digits.
    private static func field(_ bytes: [UInt8], _ index: inout Int, name: String) throws(ImageFileError) -> Int {
        while index < bytes.count {
            if isWhitespace(bytes[index]) {
                index += 1
            } else if bytes[index] == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            } else {
                break
            }
        }
        var value = 0
        var digits = 0
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
            guard digits < 9 else { throw .malformedHeader("\(name) has too many digits") }
            value = value * 10 + Int(bytes[index] - 0x30)
            digits += 1
            index += 1
        }
        guard index < bytes.count else { throw .truncated("header") }
        guard digits > 0 else { throw .malformedHeader("\(name) is not a decimal number") }
        return value
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// `image` as a binary PGM file (maxval 255), for tests, tools and camera spools.
    public static func encode(_ image: GreyImage) -> [UInt8] {
        Array("P5\n\(image.width) \(image.height)\n255\n".utf8) + image.pixels
    }
}
