import DeviceProtocols
import TestSupport
import Testing
@testable import HardwareSims

/// Builders shared by the printer emulator tests: real jobs from `EscPosJob`, a seeded
/// chunker, and readers that decode the emulator's answers with the real decoders.
enum PrinterTestSupport {
    /// The text every test QR carries.
    static let qrText = "DK-2026-000731|https://kiosk.example/tra-cuu?ma=DK000731"

    /// A `width`-dot bitmap holding the QR of `qrText`, centred, with its quiet zone.
    static func qrBitmap(width: Int = 576) throws -> MonoBitmap {
        let matrix = try QRMatrix(text: qrText)
        let moduleSize = try #require(matrix.largestModuleSize(fittingSide: min(width, 400)))
        let symbol = try matrix.rasterised(moduleSize: moduleSize)
        var canvas = try GreyImage(width: width, height: symbol.height)
        let left = (width - symbol.width) / 2
        for y in 0..<symbol.height {
            for x in 0..<symbol.width where symbol.pixel(x: x, y: y) == GreyImage.black {
                canvas.fillRectangle(x: left + x, y: y, width: 1, height: 1, value: GreyImage.black)
            }
        }
        return try MonoBitmap(canvas)
    }

    /// Lines fed after the image by `receiptJob`.
    static let feedLines: UInt8 = 3
    /// Motion units fed before the partial cut by `receiptJob`.
    static let cutFeed: UInt8 = 12

    /// init, kanji off, centre, the raster of `bitmap`, feed, partial cut.
    static func receiptJob(_ bitmap: MonoBitmap, maxStripRows: Int = 256) throws -> EscPosJob {
        var job = try EscPosJob(maxStripRows: maxStripRows)
        job.begin(alignment: .center)
        try job.image(bitmap)
        job.feed(lines: feedLines)
        job.cut(.partial, feed: cutFeed)
        return job
    }

    /// The page `receiptJob(bitmap)` must print on `core`: the bitmap, then blank feed rows.
    static func expectedPage(_ bitmap: MonoBitmap, on core: EscPosPrinterEmulatorCore) throws -> MonoBitmap {
        let blankRows = Int(feedLines) * core.lineHeight + Int(cutFeed)
        return try MonoBitmap(
            width: bitmap.width, height: bitmap.height + blankRows,
            packedRows: bitmap.rows + [UInt8](repeating: 0, count: blankRows * bitmap.bytesPerRow))
    }

    /// Feeds `bytes` in random chunks of 1...`maxChunk` bytes; returns the replies.
    static func feedInChunks(
        _ bytes: [UInt8], to core: inout EscPosPrinterEmulatorCore, seed: UInt64, maxChunk: Int = 700
    ) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        var replies: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let size = min(Int.random(in: 1...maxChunk, using: &generator), bytes.count - index)
            replies += core.receive(Array(bytes[index..<(index + size)]), at: .zero)
            index += size
        }
        return replies
    }

    /// The four queries `10 04 1` … `10 04 4` in order.
    static let allQueries: [UInt8] = EscPosStatusRequest.allCases.flatMap(\.queryBytes)

    /// The QR texts zbar finds on `page`.
    static func qrTexts(on page: PrintedPage) throws -> [String] {
        try BarcodeImageDecoder().decode(try page.greyImage())
            .filter { $0.typeCode == DecodedSymbol.qrTypeCode }
            .compactMap(\.text)
    }
}
