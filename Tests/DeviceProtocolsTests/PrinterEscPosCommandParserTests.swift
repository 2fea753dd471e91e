import Testing
import TestSupport
@testable import DeviceProtocols

@Suite struct PrinterEscPosCommandParserTests {
    /// A receipt-like job: opening, an image that spans three strips and contains `10 04 01`
    /// in its data, feeds, alignments and both cut forms.
    private func sampleJob() throws -> EscPosJob {
        var rng = SplitMix64(seed: 0xE5C0_5001)
        let widthBytes = 3
        var packed = rng.bytes(widthBytes * 7)
        packed.replaceSubrange(4..<7, with: [0x10, 0x04, 0x01])
        let bitmap = try MonoBitmap(width: widthBytes * 8, height: 7, packedRows: packed)
        var job = try EscPosJob(maxStripRows: 3)
        job.begin(alignment: .center)
        try job.image(bitmap)
        job.align(.left)
        job.feed(lines: 5)
        job.cut(.partial, feed: 20)
        job.cut(.full)
        return job
    }

    private func commands(_ items: [EscPosParsedItem]) -> [EscPosCommand] {
        items.compactMap { if case let .command(command) = $0 { command } else { nil } }
    }

    @Test func feed_whenWholeJobAtOnce_returnsTheBuildersCommands() throws {
        // Given
        let job = try sampleJob()
        var parser = EscPosCommandParser()

        // When
        let items = parser.feed(job.bytes)

        // Then
        #expect(items == job.commands.map { .command($0) })
        #expect(job.commands.count == 10) // 3 opening + 3 strips + align, feed, 2 cuts
        #expect(parser.isAtCommandBoundary)
    }

    @Test func feed_whenByteByByte_returnsTheSameCommands() throws {
        let job = try sampleJob()
        var parser = EscPosCommandParser()
        var items: [EscPosParsedItem] = []
        for byte in job.bytes {
            items += parser.feed([byte])
        }
        #expect(items == job.commands.map { .command($0) })
    }

    @Test(arguments: [1, 2, 42, 0xDEAD_BEEF] as [UInt64])
    func feed_whenRandomChunks_returnsTheSameCommands(seed: UInt64) throws {
        // Given the job's bytes cut at random places, including inside headers and image data
        let job = try sampleJob()
        let bytes = job.bytes
        var rng = SplitMix64(seed: seed)
        var parser = EscPosCommandParser()
        var items: [EscPosParsedItem] = []

        // When
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + 1 + rng.below(12))
            items += parser.feed(Array(bytes[start..<end]))
            start = end
        }

        // Then
        #expect(items == job.commands.map { .command($0) }, "seed \(seed)")
    }

    @Test func feed_whenStatusQueryBytesInsideImageData_keepsThemAsData() throws {
        // Given an 8×3 image whose data is exactly 10 04 01
        let bytes: [UInt8] = [0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x03, 0x00, 0x10, 0x04, 0x01]
        var parser = EscPosCommandParser()

        // When the header arrives, then the data
        let first = parser.feed(Array(bytes[0..<8]))
        let insideData = parser.isInsideImageData
        let rest = parser.feed(Array(bytes[8...]))

        // Then no status query is reported; the image holds the three bytes
        #expect(first.isEmpty)
        #expect(insideData)
        let bitmap = try MonoBitmap(width: 8, height: 3, packedRows: [0x10, 0x04, 0x01])
        #expect(rest == [.command(.rasterImage(bitmap, scale: .normal))])
        // and the same bytes outside image data are a query
        #expect(parser.feed([0x10, 0x04, 0x01]) == [.command(.statusQuery(.printer))])
    }

    @Test func feed_whenAskedToReportQueriesInImageData_reportsThemAndKeepsTheData() throws {
        // Given a parser that plays the real printer's habit, and an 8×5 image whose data
        // holds 10 04 04 split across two chunks, plus a 10 04 09 that is no query
        let bytes: [UInt8] = [0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x05, 0x00, 0x10, 0x04, 0x04, 0x04, 0x09]
        var parser = EscPosCommandParser(reportsQueriesInImageData: true)

        // When
        let items = parser.feed(Array(bytes[0..<10])) + parser.feed(Array(bytes[10...]))

        // Then the query is reported before the image, which still holds all five bytes
        let bitmap = try MonoBitmap(width: 8, height: 5, packedRows: [0x10, 0x04, 0x04, 0x04, 0x09])
        #expect(items == [.statusQueryInImageData(.paperSensor), .command(.rasterImage(bitmap, scale: .normal))])
    }

    @Test func feed_whenInputIsTruncated_waitsForTheRest() throws {
        // Given a raster header and half its data, and a cut missing its n
        var parser = EscPosCommandParser()

        // When / Then nothing is reported until the command completes
        #expect(parser.feed([0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x01, 0x00, 0xFF]).isEmpty)
        #expect(!parser.isAtCommandBoundary)
        let image = parser.feed([0xC0, 0x1D, 0x56, 0x42])
        #expect(image == [.command(.rasterImage(try MonoBitmap(width: 16, height: 1, packedRows: [0xFF, 0xC0]), scale: .normal))])
        #expect(!parser.isAtCommandBoundary)
        #expect(parser.feed([0x08]) == [.command(.cut(EscPosCut(.partial, feedBeforeCut: 8)))])
        #expect(parser.isAtCommandBoundary)
    }

    @Test func feed_whenUnknownBytes_reportsThemAndResyncs() {
        // Given a text byte, an unknown ESC command, an out-of-range align, a bad DLE EOT n,
        // an empty image header, then a valid init
        var parser = EscPosCommandParser()
        let items = parser.feed([
            0x41,
            0x1B, 0x21,
            0x1B, 0x61, 0x07,
            0x10, 0x04, 0x05,
            0x1D, 0x76, 0x30, 0x00, 0x00, 0x00, 0x05, 0x00,
            0x1B, 0x40,
        ])

        // Then
        #expect(items == [
            .unknown([0x41]),
            .unknown([0x1B, 0x21]),
            .unknown([0x1B, 0x61, 0x07]),
            .unknown([0x10, 0x04, 0x05]),
            .unknown([0x1D, 0x76, 0x30, 0x00, 0x00, 0x00, 0x05, 0x00]),
            .command(.initialize),
        ])
    }

    @Test func feed_whenAsciiParameterForms_acceptsThem() {
        var parser = EscPosCommandParser()
        let items = parser.feed([0x1B, 0x61, 0x32, 0x1D, 0x56, 0x30, 0x1D, 0x56, 0x31, 0x10, 0x04, 0x04])
        #expect(commands(items) == [
            .align(.right), .cut(EscPosCut(.full)), .cut(EscPosCut(.partial)), .statusQuery(.paperSensor),
        ])
    }

    @Test func feed_whenImageIsOversized_skipsItsDataWithoutReadingCommands() {
        // Given a header for 65535×65535 bytes: far beyond what the parser rebuilds
        var parser = EscPosCommandParser()
        let items = parser.feed([0x1D, 0x76, 0x30, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x1B, 0x40])

        // Then the header is reported and the following bytes count as skipped data
        #expect(items == [.oversizedImage(widthBytes: 65_535, height: 65_535)])
        #expect(parser.isInsideImageData)
    }
}
