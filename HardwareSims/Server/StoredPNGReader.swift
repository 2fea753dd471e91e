import DeviceProtocols

/// Reads the PNGs `PNGEncoder` writes: 8-bit greyscale, not interlaced, image data in stored
/// (uncompressed) deflate blocks; any of the five row filters. Anything else is refused with
/// the reason, since there is no inflate implementation to decode compressed data.
enum StoredPNGReader {
    /// The image in `bytes`.
    /// - Throws: `ScanImageBody.Problem` naming what is unsupported or malformed.
    static func image(from bytes: [UInt8]) throws(ScanImageBody.Problem) -> GreyImage {
        var cursor = PNGEncoder.signature.count
        var header: [UInt8]?
        var data: [UInt8] = []
        while cursor + 8 <= bytes.count {
            let length = Int(bigEndian32(bytes, cursor))
            let type = String(decoding: bytes[(cursor + 4)..<(cursor + 8)], as: UTF8.self)
            let start = cursor + 8
            guard length >= 0, start + length + 4 <= bytes.count else { throw .init("PNG chunk \(type) is truncated") }
            let payload = Array(bytes[start..<(start + length)])
            switch type {
            case "IHDR": header = payload
            case "IDAT": data += payload
            case "IEND": cursor = bytes.count
            default: break
            }
            cursor = min(bytes.count, start + length + 4)
        }
        guard let header, header.count == 13 else { throw .init("PNG has no valid IHDR chunk") }
        let width = Int(bigEndian32(header, 0))
        let height = Int(bigEndian32(header, 4))
        guard header[8] == 8, header[9] == 0 else {
            throw .init("only 8-bit greyscale PNGs are read (bit depth \(header[8]), colour type \(header[9]))")
        }
        guard header[12] == 0 else { throw .init("interlaced PNGs are not read") }
        guard width >= 1, height >= 1, width <= GreyImage.maxDimension, height <= GreyImage.maxDimension else {
            throw .init("PNG size \(width)×\(height) is outside the image limits")
        }
        let raw = try storedDeflatePayload(data)
        guard raw.count >= (width + 1) * height else {
            throw .init("PNG image data is short: \(raw.count) of \((width + 1) * height) bytes")
        }
        let pixels = try unfiltered(raw, width: width, height: height)
        do {
            return try GreyImage(width: width, height: height, pixels: pixels)
        } catch {
            throw .init("PNG image refused: \(error)")
        }
    }

    /// The bytes of a zlib stream made only of stored deflate blocks.
    private static func storedDeflatePayload(_ stream: [UInt8]) throws(ScanImageBody.Problem) -> [UInt8] {
        guard stream.count >= 2, stream[0] & 0x0F == 8 else { throw .init("PNG image data is not a zlib stream") }
        var cursor = 2
        var output: [UInt8] = []
        var final = false
        while !final {
            guard cursor < stream.count else { throw .init("PNG image data is truncated") }
            final = stream[cursor] & 1 == 1
            guard (stream[cursor] >> 1) & 3 == 0 else {
                throw .init("compressed PNGs are not read: send a PGM, or a PNG with stored deflate blocks such as the printer's page PNGs")
            }
            guard cursor + 5 <= stream.count else { throw .init("PNG image data is truncated") }
            let length = Int(stream[cursor + 1]) | Int(stream[cursor + 2]) << 8
            let complement = Int(stream[cursor + 3]) | Int(stream[cursor + 4]) << 8
            guard length ^ complement == 0xFFFF else { throw .init("PNG stored block length check failed") }
            cursor += 5
            guard cursor + length <= stream.count else { throw .init("PNG image data is truncated") }
            output += stream[cursor..<(cursor + length)]
            cursor += length
        }
        return output
    }

    /// Undoes the per-row filters (none, sub, up, average, Paeth) for one byte per pixel.
    private static func unfiltered(_ raw: [UInt8], width: Int, height: Int) throws(ScanImageBody.Problem) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let filter = raw[y * (width + 1)]
            let source = y * (width + 1) + 1
            for x in 0..<width {
                let left = x > 0 ? Int(pixels[y * width + x - 1]) : 0
                let up = y > 0 ? Int(pixels[(y - 1) * width + x]) : 0
                let corner = x > 0 && y > 0 ? Int(pixels[(y - 1) * width + x - 1]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4: predictor = paeth(left, up, corner)
                default: throw .init("PNG row \(y) has unknown filter \(filter)")
                }
                pixels[y * width + x] = UInt8(truncatingIfNeeded: Int(raw[source + x]) + predictor)
            }
        }
        return pixels
    }

    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
        if pa <= pb, pa <= pc { return a }
        return pb <= pc ? b : c
    }

    private static func bigEndian32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
