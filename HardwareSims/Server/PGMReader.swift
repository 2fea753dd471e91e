import DeviceProtocols

/// Reads a PGM (netpbm greyscale) file, binary `P5` or plain `P2`, maxval 1–255; samples are
/// scaled to 0–255 (0 black). Comments (`#` to end of line) are allowed in the header.
enum PGMReader {
    /// The image in `bytes`.
    /// - Throws: `ScanImageBody.Problem` naming what is malformed.
    static func image(from bytes: [UInt8]) throws(ScanImageBody.Problem) -> GreyImage {
        var cursor = 2
        let plain = bytes.starts(with: Array("P2".utf8))
        let width = try number(in: bytes, at: &cursor, what: "width")
        let height = try number(in: bytes, at: &cursor, what: "height")
        let maxValue = try number(in: bytes, at: &cursor, what: "maxval")
        guard width >= 1, height >= 1 else { throw .init("PGM width and height must be at least 1") }
        guard (1...255).contains(maxValue) else { throw .init("PGM maxval must be 1–255, not \(maxValue)") }
        let (count, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, count <= GreyImage.maxPixelCount else { throw .init("PGM \(width)×\(height) is too large") }
        var samples: [UInt8] = []
        samples.reserveCapacity(count)
        if plain {
            for index in 0..<count {
                let value = try number(in: bytes, at: &cursor, what: "sample \(index)")
                guard value <= maxValue else { throw .init("PGM sample \(index) exceeds maxval \(maxValue)") }
                samples.append(UInt8(value * 255 / maxValue))
            }
        } else {
            cursor += 1  // the single whitespace after maxval
            guard bytes.count - cursor >= count else {
                throw .init("PGM data is short: \(max(0, bytes.count - cursor)) of \(count) samples")
            }
            for value in bytes[cursor..<(cursor + count)] {
                samples.append(UInt8(Int(min(value, UInt8(maxValue))) * 255 / maxValue))
            }
        }
        do {
            return try GreyImage(width: width, height: height, pixels: samples)
        } catch {
            throw .init("PGM image refused: \(error)")
        }
    }

    /// The next decimal number after whitespace and comments.
    private static func number(in bytes: [UInt8], at cursor: inout Int, what: String) throws(ScanImageBody.Problem) -> Int {
        while cursor < bytes.count {
            if bytes[cursor] == UInt8(ascii: "#") {
                while cursor < bytes.count, bytes[cursor] != 0x0A { cursor += 1 }
            } else if [0x20, 0x09, 0x0A, 0x0D].contains(bytes[cursor]) {
                cursor += 1
            } else {
                break
            }
        }
        var value = 0
        var digits = 0
        while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]), digits < 9 {
            value = value * 10 + Int(bytes[cursor] - 0x30)
            digits += 1
            cursor += 1
        }
        guard digits > 0 else { throw .init("PGM \(what) is missing or not a number") }
        return value
    }
}
