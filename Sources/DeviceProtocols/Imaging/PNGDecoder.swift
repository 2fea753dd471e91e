/// Reads the PNG files this product writes (`PNGEncoder`) and others like them: 8-bit
/// greyscale, not interlaced, any of the five row filters, every chunk's CRC checked.
///
/// Deflate is supported for *stored* blocks only (with the zlib header and Adler-32 checked):
/// Foundation on Linux offers no dependable zlib, and the product's own PNGs are stored. A
/// file with Huffman-compressed blocks (most PNGs from other tools) is refused as
/// `.unsupported`; convert it to PGM (`P5`) first, which every camera tool can write.
public enum PNGDecoder {
    /// The image in `bytes`, at most `maximumPixelCount` pixels.
    /// - Throws: `ImageFileError`.
    public static func decode(_ bytes: [UInt8], maximumPixelCount: Int = GreyImage.maxPixelCount) throws(ImageFileError) -> GreyImage {
        guard bytes.starts(with: PNGEncoder.signature) else { throw .unknownFormat }
        var index = PNGEncoder.signature.count
        var header: (width: Int, height: Int)?
        var compressed: [UInt8] = []
        while true {
            let (type, data) = try chunk(bytes, &index)
            switch type {
            case "IHDR": header = try parseHeader(data, limit: maximumPixelCount)
            case "IDAT":
                guard header != nil else { throw .malformedHeader("IDAT before IHDR") }
                guard compressed.count + data.count <= 2 * GreyImage.maxPixelCount else {
                    throw .unsupported("image data larger than \(2 * GreyImage.maxPixelCount) bytes")
                }
                compressed += data
            case "IEND":
                guard let header else { throw .malformedHeader("no IHDR") }
                let rowLength = header.width + 1
                let raw = try inflateStored(compressed, expected: rowLength * header.height)
                let pixels = try unfilter(raw, width: header.width, height: header.height)
                return try GreyImage.fromFile(width: header.width, height: header.height, pixels: pixels, limit: maximumPixelCount)
            default:
                // Ancillary chunks (lower-case first letter) are skipped; unknown critical ones refused.
                if let first = type.utf8.first, first < UInt8(ascii: "a") {
                    throw .unsupported("critical chunk \(type)")
                }
            }
        }
    }

    /// The chunk at `index` (type and data), after its CRC was checked; advances `index`.
    private static func chunk(_ bytes: [UInt8], _ index: inout Int) throws(ImageFileError) -> (String, ArraySlice<UInt8>) {
        guard bytes.count - index >= 12 else { throw .truncated("chunk header") }
        let length = Int(bigEndian(bytes, at: index))
        guard length <= 0x7FFF_FFFF, bytes.count - index - 12 >= length else { throw .truncated("chunk data") }
        let typeBytes = bytes[(index + 4)..<(index + 8)]
        guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            throw .malformedHeader("chunk type is not four letters")
        }
        let type = String(decoding: typeBytes, as: UTF8.self)
        let data = bytes[(index + 8)..<(index + 8 + length)]
        let stored = bigEndian(bytes, at: index + 8 + length)
        guard PNGEncoder.crc32(bytes[(index + 4)..<(index + 8 + length)]) == stored else { throw .checksumMismatch(type) }
        index += 12 + length
        return (type, data)
    }

    /// Width and height from IHDR, refusing anything but 8-bit greyscale without interlace.
    private static func parseHeader(_ data: ArraySlice<UInt8>, limit: Int) throws(ImageFileError) -> (width: Int, height: Int) {
        guard data.count == 13 else { throw .malformedHeader("IHDR length \(data.count)") }
        let base = data.startIndex
        let width = Int(bigEndian(Array(data), at: 0))
        let height = Int(bigEndian(Array(data), at: 4))
        let (depth, colour, compression, filter, interlace) =
            (data[base + 8], data[base + 9], data[base + 10], data[base + 11], data[base + 12])
        guard compression == 0, filter == 0 else { throw .malformedHeader("compression \(compression), filter \(filter)") }
        guard colour == 0 else { throw .unsupported("colour type \(colour) (only 8-bit greyscale)") }
        guard depth == 8 else { throw .unsupported("bit depth \(depth) (only 8)") }
        guard interlace == 0 else { throw .unsupported("interlaced PNG") }
        try GreyImage.checkFileSize(width: width, height: height, limit: limit)
        return (width, height)
    }

    /// The payload of a zlib stream made of stored deflate blocks, exactly `expected` bytes.
    private static func inflateStored(_ stream: [UInt8], expected: Int) throws(ImageFileError) -> [UInt8] {
        guard stream.count >= 6 else { throw .truncated("zlib stream") }
        let (method, flags) = (stream[0], stream[1])
        guard method & 0x0F == 8, (Int(method) * 256 + Int(flags)) % 31 == 0, flags & 0x20 == 0 else {
            throw .malformedHeader("zlib header \(method) \(flags)")
        }
        var output: [UInt8] = []
        output.reserveCapacity(expected)
        var index = 2
        var final = false
        while !final {
            guard stream.count - index >= 5 else { throw .truncated("deflate block") }
            final = stream[index] & 1 == 1
            guard (stream[index] >> 1) & 3 == 0 else { throw .unsupported("compressed deflate blocks (convert the image to PGM)") }
            let length = Int(stream[index + 1]) | Int(stream[index + 2]) << 8
            let complement = Int(stream[index + 3]) | Int(stream[index + 4]) << 8
            guard length ^ complement == 0xFFFF else { throw .malformedHeader("stored block length check") }
            index += 5
            guard stream.count - index >= length else { throw .truncated("deflate block") }
            guard output.count + length <= expected else {
                throw .malformedData("more than the \(expected) bytes of image data the size allows")
            }
            output += stream[index..<(index + length)]
            index += length
        }
        guard output.count == expected else { throw .truncated("image data (\(output.count) of \(expected) bytes)") }
        guard stream.count - index >= 4 else { throw .truncated("Adler-32") }
        guard bigEndian(stream, at: index) == PNGEncoder.adler32(output) else { throw .checksumMismatch("IDAT (Adler-32)") }
        return output
    }

    /// Reverses the per-row filters (none, sub, up, average, Paeth) of a one-byte-per-pixel image.
    private static func unfilter(_ raw: [UInt8], width: Int, height: Int) throws(ImageFileError) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let filter = raw[y * (width + 1)]
            let source = y * (width + 1) + 1
            let row = y * width
            for x in 0..<width {
                let left = x > 0 ? Int(pixels[row + x - 1]) : 0
                let up = y > 0 ? Int(pixels[row - width + x]) : 0
                let upLeft = x > 0 && y > 0 ? Int(pixels[row - width + x - 1]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4: predictor = paeth(left, up, upLeft)
                default: throw .malformedData("row \(y) has filter type \(filter) (0-4 exist)")
                }
                pixels[row + x] = UInt8(truncatingIfNeeded: Int(raw[source + x]) + predictor)
            }
        }
        return pixels
    }

    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    private static func bigEndian(_ bytes: [UInt8], at index: Int) -> UInt32 {
        UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16 | UInt32(bytes[index + 2]) << 8 | UInt32(bytes[index + 3])
    }
}
