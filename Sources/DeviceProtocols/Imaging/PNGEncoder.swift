/// Encodes a `GreyImage` as a PNG file: 8-bit greyscale, no interlace, filter 0 on every row.
///
/// The IDAT holds a zlib stream of *stored* (uncompressed) deflate blocks with a correct
/// Adler-32, because Foundation on Linux offers no dependable zlib API; every PNG reader accepts
/// stored blocks. Files are therefore about the size of the raw pixels — fine for previews and
/// documentation, not for archival.
public enum PNGEncoder {
    /// The eight bytes every PNG file starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Largest payload of one stored deflate block (the LEN field is 16 bits).
    public static let maxStoredBlockLength = 65_535

    /// The complete PNG file for `image` (signature, IHDR, one IDAT, IEND). Never fails:
    /// `GreyImage` already bounds the size.
    public static func encode(_ image: GreyImage) -> [UInt8] {
        var file = signature
        var header: [UInt8] = []
        appendBigEndian(UInt32(image.width), to: &header)
        appendBigEndian(UInt32(image.height), to: &header)
        // Bit depth 8, colour type 0 (greyscale), compression 0, filter 0, no interlace.
        header.append(contentsOf: [8, 0, 0, 0, 0])
        appendChunk("IHDR", header, to: &file)
        appendChunk("IDAT", zlibStored(scanlines(of: image)), to: &file)
        appendChunk("IEND", [], to: &file)
        return file
    }

    /// Each row prefixed with filter type 0 (none), as PNG's image data expects.
    static func scanlines(of image: GreyImage) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((image.width + 1) * image.height)
        for y in 0..<image.height {
            raw.append(0)
            raw.append(contentsOf: image.pixels[(y * image.width)..<((y + 1) * image.width)])
        }
        return raw
    }

    /// `data` as a zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4).
    public static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        // CMF 0x78: deflate, 32 KiB window; FLG 0x01 makes (CMF*256 + FLG) a multiple of 31.
        var stream: [UInt8] = [0x78, 0x01]
        stream.reserveCapacity(data.count + data.count / maxStoredBlockLength * 5 + 16)
        var start = 0
        repeat {
            let end = min(start + maxStoredBlockLength, data.count)
            let length = UInt16(end - start)
            stream.append(end == data.count ? 1 : 0)  // BFINAL, BTYPE = 00 (stored)
            stream.append(UInt8(length & 0xFF))
            stream.append(UInt8(length >> 8))
            stream.append(UInt8(~length & 0xFF))
            stream.append(UInt8(~length >> 8))
            stream.append(contentsOf: data[start..<end])
            start = end
        } while start < data.count
        appendBigEndian(adler32(data), to: &stream)
        return stream
    }

    /// Adler-32 checksum (RFC 1950) of `data`; 1 for empty input.
    public static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        // 5552 bytes is the longest run whose sums cannot overflow 32 bits before reduction.
        var index = 0
        while index < data.count {
            let end = min(index + 5552, data.count)
            for byte in data[index..<end] {
                a += UInt32(byte)
                b += a
            }
            a %= 65_521
            b %= 65_521
            index = end
        }
        return (b << 16) | a
    }

    /// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320) of `bytes`, as PNG chunks use;
    /// the check value of "123456789" is 0xCBF43926.
    public static func crc32<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The 256-entry table for `crc32`, built once.
    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    /// Appends length, type, data and CRC (over type and data) of one chunk.
    private static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        appendBigEndian(UInt32(data.count), to: &file)
        file.append(contentsOf: typeBytes)
        file.append(contentsOf: data)
        appendBigEndian(crc32(typeBytes + data), to: &file)
    }

    /// Appends `value` most significant byte first.
    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 24))
        bytes.append(UInt8((value >> 16) & 0xFF))
        bytes.append(UInt8((value >> 8) & 0xFF))
        bytes.append(UInt8(value & 0xFF))
    }
}
