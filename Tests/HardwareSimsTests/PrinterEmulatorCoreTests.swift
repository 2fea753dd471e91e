import DeviceProtocols
import Testing
@testable import HardwareSims

private typealias Support = PrinterTestSupport

@Suite struct PrinterEmulatorCoreTests {
    @Test func receiptJob_fedWhole_printsOnePageEqualToTheBitmapWithReadableQR() throws {
        // Given a 576-dot printer and a receipt job holding a rendered QR
        var core = try EscPosPrinterEmulatorCore(paperWidth: 576)
        let bitmap = try Support.qrBitmap()
        let job = try Support.receiptJob(bitmap)
        // When the whole job arrives at once
        let replies = core.receive(job.bytes, at: .zero)
        // Then one complete, partially cut page holds exactly the bitmap plus the feed rows
        #expect(replies.isEmpty)
        try #require(core.pages.count == 1)
        let page = core.pages[0]
        #expect(page.cut == .partial)
        #expect(page.isComplete)
        #expect(page.bitmap == (try Support.expectedPage(bitmap, on: core)))
        // And zbar reads the QR text back from the printed page
        #expect(try Support.qrTexts(on: page) == [Support.qrText])
    }

    @Test(arguments: [1, 2, 3, 42, 9001] as [UInt64])
    func receiptJob_fedInRandomChunks_printsTheSamePage(seed: UInt64) throws {
        // Given a job split into strips of 64 rows, so strip headers fall inside chunks
        var core = try EscPosPrinterEmulatorCore(paperWidth: 576)
        let bitmap = try Support.qrBitmap()
        let job = try Support.receiptJob(bitmap, maxStripRows: 64)
        // When it arrives in random chunks
        let replies = Support.feedInChunks(job.bytes, to: &core, seed: seed)
        // Then the page is the same as when fed whole
        #expect(replies.isEmpty)
        try #require(core.pages.count == 1)
        #expect(core.pages[0].bitmap == (try Support.expectedPage(bitmap, on: core)))
        #expect(try Support.qrTexts(on: core.pages[0]) == [Support.qrText])
    }

    @Test func centredNarrowStrip_onWidePaper_isPlacedInTheMiddle() throws {
        // Given a 384-dot printer and an 8-dot-wide all-black strip, centred
        var core = try EscPosPrinterEmulatorCore(paperWidth: 384)
        let strip = try MonoBitmap(width: 8, height: 2, packedRows: [0xFF, 0xFF])
        var job = try EscPosJob()
        job.begin(alignment: .center)
        try job.image(strip)
        job.cut(.full)
        // When it prints
        _ = core.receive(job.bytes, at: .zero)
        // Then its dots sit at 188...195 and nowhere else
        let page = try core.page(0)
        #expect(page.cut == .full)
        #expect(page.width == 384 && page.height == 2)
        #expect(page.bitmap.blackDotCount == 16)
        #expect(page.bitmap.isBlack(x: 188, y: 0) == true)
        #expect(page.bitmap.isBlack(x: 195, y: 1) == true)
        #expect(page.bitmap.isBlack(x: 187, y: 0) == false)
    }

    @Test func initialize_resetsAlignmentToLeft() throws {
        // Given a printer told to align right
        var core = try EscPosPrinterEmulatorCore(paperWidth: 384)
        _ = core.receive(EscPosCommand.align(.right).bytes, at: .zero)
        #expect(core.alignment == .right)
        // When ESC @ arrives
        _ = core.receive(EscPosCommand.initialize.bytes, at: .zero)
        // Then alignment is back to left
        #expect(core.alignment == .left)
    }

    @Test func pagePNG_startsWithTheSignature_andHasThePageSize() throws {
        // Given a printed receipt
        var core = try EscPosPrinterEmulatorCore(paperWidth: 576)
        let bitmap = try Support.qrBitmap()
        _ = core.receive(try Support.receiptJob(bitmap).bytes, at: .zero)
        // When the page is exported as PNG
        let png = try core.pagePNG(0)
        // Then it is a PNG whose IHDR gives the page's width and height
        #expect(Array(png.prefix(8)) == PNGEncoder.signature)
        let page = try core.page(0)
        func be32(_ offset: Int) -> Int { png[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(Array(png[12..<16]) == Array("IHDR".utf8))
        #expect(be32(16) == page.width)
        #expect(be32(20) == page.height)
    }

    @Test func pagePNG_andClearPages_refuseAMissingPage() throws {
        // Given a printer with one page
        var core = try EscPosPrinterEmulatorCore(paperWidth: 384)
        _ = core.receive(EscPosCommand.feedLines(1).bytes + EscPosCommand.cut(EscPosCut(.full)).bytes, at: .zero)
        #expect(core.pages.count == 1)
        // When the pages are cleared
        core.clearPages()
        // Then page 0 no longer exists
        #expect(throws: PrinterControlError.noSuchPage(index: 0, count: 0)) { try core.pagePNG(0) }
    }

    @Test func init_refusesAWidthThatIsNotWholeBytes() {
        #expect(throws: PrinterControlError.invalidPaperWidth(380)) { try EscPosPrinterEmulatorCore(paperWidth: 380) }
    }

    @Test func quadrupleScale_doublesEveryDotBothWays() throws {
        // Given a one-dot strip (top-left dot black) sent at quadruple scale
        var core = try EscPosPrinterEmulatorCore(paperWidth: 384)
        let strip = try MonoBitmap(width: 8, height: 1, packedRows: [0x80])
        _ = core.receive(EscPosCommand.rasterImage(strip, scale: .quadruple).bytes, at: .zero)
        // When the paper is cut
        _ = core.receive(EscPosCommand.cut(EscPosCut(.full)).bytes, at: .zero)
        // Then the page is two rows tall with a 2×2 black square at the left
        let page = try core.page(0)
        #expect(page.height == 2)
        #expect(page.bitmap.blackDotCount == 4)
        #expect(page.bitmap.isBlack(x: 1, y: 1) == true)
    }
}
