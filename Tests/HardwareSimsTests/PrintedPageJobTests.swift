import DeviceProtocols
import HardwareSims
import KioskHAL
import Testing

/// `PrintedPage.shows(_:)`: a page shows a job only with the same picture on top and blank rows below.
@Suite struct PrintedPageJobTests {
    static func page(_ rows: [UInt8]) throws -> PrintedPage {
        PrintedPage(bitmap: try MonoBitmap(width: 16, height: rows.count / 2, packedRows: rows), cut: .partial, isComplete: true)
    }

    @Test func page_showsTheJobOnTopOfBlankFeedRows_andNothingElse() throws {
        let job = try ReceiptPrintJob(id: "j", widthDots: 16, heightDots: 2, packedRows: [0x80, 0x01, 0xFF, 0x00])
        #expect(try Self.page([0x80, 0x01, 0xFF, 0x00, 0x00, 0x00]).shows(job))
        #expect(try !Self.page([0x80, 0x01, 0xFF, 0x00, 0x00, 0x10]).shows(job))
        #expect(try !Self.page([0x80, 0x01, 0xFE, 0x00, 0x00, 0x00]).shows(job))
        #expect(try !Self.page([0x80, 0x01]).shows(job))
        let narrow = try ReceiptPrintJob(id: "n", widthDots: 8, heightDots: 1, packedRows: [0x80])
        #expect(try !Self.page([0x80, 0x00]).shows(narrow))
    }
}
