import Foundation
import Testing
@testable import DeviceProtocols

/// Renders the two 80 mm sample receipts (and the hand-in one on 58 mm) as PNG; with `KIOSK_WRITE_RECEIPT_SAMPLES=1` in the
/// environment it also writes them to `docs/receipts/` (how the committed samples were made).
@Suite struct ReceiptSampleImageTests {
    @Test func samples_renderToValidPNGs_andAreWrittenOnRequest() throws {
        // Given both sample documents on 80 mm paper, and the hand-in receipt on 58 mm
        let rasteriser = try TextRasteriser()
        let samples: [(String, PaperProfile, ReceiptDocument)] = [
            ("hand-in-80mm.png", .mm80, ReceiptSamples.handIn.document()),
            ("hand-out-80mm.png", .mm80, ReceiptSamples.handOut.document()),
            ("hand-in-58mm.png", .mm58, ReceiptSamples.handIn.document()),
        ]
        let write = ProcessInfo.processInfo.environment["KIOSK_WRITE_RECEIPT_SAMPLES"] == "1"
        let folder = ReceiptSamples.packageRoot.appendingPathComponent("docs/receipts")

        for (name, profile, document) in samples {
            // When rendered and encoded
            let renderer = ReceiptRenderer(profile: profile, rasteriser: rasteriser)
            let started = ContinuousClock.now
            let image = try renderer.render(document)
            let elapsed = ContinuousClock.now - started
            let png = PNGEncoder.encode(image)

            // Then the PNG announces the receipt's size
            #expect(Array(png.prefix(8)) == PNGEncoder.signature)
            let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == profile.widthDots)
            #expect(height == image.height)
            if write {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(png).write(to: folder.appendingPathComponent(name))
                print("\(name): \(image.width)×\(image.height), rendered in \(elapsed)")
            }
        }
    }
}
