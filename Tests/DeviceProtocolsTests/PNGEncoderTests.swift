import Foundation
import Testing
@testable import DeviceProtocols

@Suite struct PNGEncoderTests {
    /// A 70 000-pixel image (more than one stored block) with a recognisable pattern.
    static func patternImage() throws -> GreyImage {
        let width = 350
        let height = 200
        let pixels = (0..<(width * height)).map { UInt8(truncatingIfNeeded: ($0 % width) * 7 + ($0 / width) * 3) }
        return try GreyImage(width: width, height: height, pixels: pixels)
    }

    /// The chunks of a PNG file as (type, data, stored CRC); stops at the first malformed length.
    static func chunks(of file: [UInt8]) -> [(type: String, data: [UInt8], crc: UInt32)] {
        var result: [(String, [UInt8], UInt32)] = []
        var index = 8
        func word(_ at: Int) -> UInt32 {
            file[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
        }
        while index + 12 <= file.count {
            let length = Int(word(index))
            guard index + 12 + length <= file.count else { break }
            let type = String(decoding: file[(index + 4)..<(index + 8)], as: UTF8.self)
            let data = Array(file[(index + 8)..<(index + 8 + length)])
            result.append((type, data, word(index + 8 + length)))
            index += 12 + length
        }
        return result
    }

    @Test func checksums_matchTheirStandardCheckValues() {
        // Given the standard check input "123456789"
        let check = Array("123456789".utf8)
        // Then CRC-32 and Adler-32 give the published check values
        #expect(PNGEncoder.crc32(check) == 0xCBF4_3926)
        #expect(PNGEncoder.adler32(check) == 0x091E_01DE)
        #expect(PNGEncoder.adler32([]) == 1)
    }

    @Test func encode_startsWithTheSignature_andEveryChunkCRCIsValid() throws {
        // Given an image that needs two stored deflate blocks
        let image = try Self.patternImage()

        // When encoded
        let file = PNGEncoder.encode(image)
        let chunks = Self.chunks(of: file)

        // Then the layout is signature, IHDR, IDAT, IEND with correct CRCs
        #expect(Array(file.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        for chunk in chunks {
            #expect(PNGEncoder.crc32(Array(chunk.type.utf8) + chunk.data) == chunk.crc, "bad CRC in \(chunk.type)")
        }
        #expect(chunks.first?.data == [0, 0, 1, 94, 0, 0, 0, 200, 8, 0, 0, 0, 0])
        #expect(chunks.map { 12 + $0.data.count }.reduce(8, +) == file.count)
    }

    @Test func encode_decodesBackToTheSamePixels_withPythonZlib() throws {
        // Given an encoded pattern image written to a temporary file
        let image = try Self.patternImage()
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("png-\(UUID().uuidString).png")
        try Data(PNGEncoder.encode(image)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        // When python3's zlib inflates the IDAT and strips the filter bytes
        let script = """
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        i, idat = 8, b''
        while i < len(data):
            n = struct.unpack('>I', data[i:i+4])[0]
            if data[i+4:i+8] == b'IDAT': idat += data[i+8:i+8+n]
            i += 12 + n
        raw = zlib.decompress(idat)
        w, h = struct.unpack('>II', data[16:24])
        rows = [raw[y*(w+1):(y+1)*(w+1)] for y in range(h)]
        assert all(r[0] == 0 for r in rows)
        sys.stdout.buffer.write(b''.join(r[1:] for r in rows))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let decoded = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        // Then the pixels are exactly the original ones
        #expect(process.terminationStatus == 0)
        #expect(Array(decoded) == image.pixels)
    }

    @Test func zlibStored_splitsIntoBlocksOfAtMost65535Bytes() {
        // Given 65 536 bytes (one more than a stored block holds)
        let data = [UInt8](repeating: 0xAB, count: 65_536)

        // When wrapped
        let stream = PNGEncoder.zlibStored(data)

        // Then: header, a non-final full block, a final 1-byte block, Adler-32
        #expect(Array(stream.prefix(7)) == [0x78, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x00])
        #expect(Array(stream[(7 + 65_535)..<(7 + 65_535 + 5)]) == [0x01, 0x01, 0x00, 0xFE, 0xFF])
        #expect(stream.count == 2 + 5 + 65_535 + 5 + 1 + 4)
    }
}
