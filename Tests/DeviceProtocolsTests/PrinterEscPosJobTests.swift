import Testing
@testable import DeviceProtocols

@Suite struct PrinterEscPosJobTests {
    @Test func bytes_whenReceiptFrameIsBuilt_areTheGoldenSequence() throws {
        // Given init, Kanji off, centre, feed 3, partial cut after 16, full cut after 0
        var job = try EscPosJob()
        job.initialize()
        job.cancelKanjiMode()
        job.align(.center)
        job.feed(lines: 3)
        job.cut(.partial, feed: 16)
        job.cut(.full, feed: 0)

        // When / Then
        #expect(job.bytes == [
            0x1B, 0x40,
            0x1C, 0x2E,
            0x1B, 0x61, 0x01,
            0x1B, 0x64, 0x03,
            0x1D, 0x56, 0x42, 0x10,
            0x1D, 0x56, 0x41, 0x00,
        ])
        #expect(job.byteCount == job.bytes.count)
    }

    @Test func bytes_whenAlignmentsAndPlainCuts_matchTheTable() throws {
        var job = try EscPosJob()
        job.begin(alignment: .right)
        job.align(.left)
        job.cut(.full)
        job.cut(.partial)
        #expect(job.bytes == [0x1B, 0x40, 0x1C, 0x2E, 0x1B, 0x61, 0x02, 0x1B, 0x61, 0x00, 0x1D, 0x56, 0x00, 0x1D, 0x56, 0x01])
    }

    @Test func image_whenTenByThree_emitsTwoBytesPerRowAndSixDataBytes() throws {
        // Given a 10×3 bitmap: a diagonal of the first three dots, plus dot 9 on row 2
        let bitmap = try MonoBitmap(width: 10, height: 3, packedRows: [0x80, 0x00, 0x40, 0x00, 0x20, 0x40])
        var job = try EscPosJob()

        // When
        try job.image(bitmap)

        // Then header: m = 0, xL xH = 2 0, yL yH = 3 0, then exactly 6 data bytes
        #expect(job.bytes == [0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00, 0x80, 0x00, 0x40, 0x00, 0x20, 0x40])
    }

    @Test func image_whenScaled_writesTheModeByte() throws {
        let bitmap = try MonoBitmap(width: 8, height: 1, packedRows: [0xAA])
        var job = try EscPosJob()
        try job.image(bitmap, scale: .quadruple)
        #expect(job.bytes == [0x1D, 0x76, 0x30, 0x03, 0x01, 0x00, 0x01, 0x00, 0xAA])
    }

    @Test func image_when600Rows_splitsInto256_256_88WithExactHeaders() throws {
        // Given a 576-dot (72-byte) image whose row r is filled with byte r % 256
        let widthBytes = 72
        var packed: [UInt8] = []
        for row in 0..<600 {
            packed += [UInt8](repeating: UInt8(row % 256), count: widthBytes)
        }
        let bitmap = try MonoBitmap(width: 576, height: 600, packedRows: packed)
        var job = try EscPosJob()

        // When
        try job.image(bitmap)
        let bytes = job.bytes

        // Then three strips with headers yL yH = 00 01, 00 01, 58 00
        let headerA: [UInt8] = [0x1D, 0x76, 0x30, 0x00, 0x48, 0x00, 0x00, 0x01]
        let headerC: [UInt8] = [0x1D, 0x76, 0x30, 0x00, 0x48, 0x00, 0x58, 0x00]
        let stripA = 8 + 72 * 256
        let stripC = 8 + 72 * 88
        #expect(bytes.count == 2 * stripA + stripC)
        #expect(Array(bytes[0..<8]) == headerA)
        #expect(Array(bytes[stripA..<(stripA + 8)]) == headerA)
        #expect(Array(bytes[(2 * stripA)..<(2 * stripA + 8)]) == headerC)
        // and the data is the picture, in order, without the headers
        let data = Array(bytes[8..<stripA]) + Array(bytes[(stripA + 8)..<(2 * stripA)]) + Array(bytes[(2 * stripA + 8)...])
        #expect(data == packed)
    }

    @Test func image_whenStripRowsConfigured_usesThatHeight() throws {
        let bitmap = try MonoBitmap(width: 8, height: 5, packedRows: [1, 2, 3, 4, 5])
        var job = try EscPosJob(maxStripRows: 2)
        try job.image(bitmap)
        #expect(job.bytes == [
            0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 1, 2,
            0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 3, 4,
            0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 5,
        ])
    }

    @Test func init_whenStripRowsOutOfBounds_throws() {
        #expect(throws: EscPosJobError.invalidStripRows(0)) { try EscPosJob(maxStripRows: 0) }
        #expect(throws: EscPosJobError.invalidStripRows(65_536)) { try EscPosJob(maxStripRows: 65_536) }
    }

    @Test func statusQueries_areTenFourN() {
        #expect(EscPosStatusRequest.allCases.map(\.queryBytes) == [
            [0x10, 0x04, 0x01], [0x10, 0x04, 0x02], [0x10, 0x04, 0x03], [0x10, 0x04, 0x04],
        ])
        #expect(EscPosCommand.statusQuery(.paperSensor).bytes == [0x10, 0x04, 0x04])
    }
}
