import BenchmarkSupport
import DeviceProtocols
import Foundation
import HardwareSims

extension ReceiptBench {
    /// One encoder measurement with the job it produced (for the decode and the comparison).
    struct Encoded {
        let measurement: BenchmarkRecord.Measurement
        /// The thread's CPU time per run, p50 and p99 in ms.
        let cpu: (p50: Double, p99: Double)
        let job: [UInt8]
        let profile: PaperProfile
    }

    /// Receipt values → ESC/POS job bytes with a renderer kept across runs (as the printer
    /// driver keeps one: fonts loaded, glyph cache filled by the warm-up).
    static func encodeLatency(profile: PaperProfile) throws -> Encoded {
        let renderer = try ReceiptRenderer(profile: profile)
        let before = loadAverage()
        var job: [UInt8] = []
        let times = try timed(warmup: warmup, samples: samples) {
            job = try BenchReceipt.job(BenchReceipt.handIn, renderer: renderer)
        }
        let rows = try printedRows(job, paperWidth: profile.widthDots)
        let cpu = (p50: Percentile.of(times.cpu, 50), p99: Percentile.of(times.cpu, 99))
        let wide = profile.widthDots == 576
        return Encoded(
            measurement: .init(
                name: "hand-in receipt → ESC/POS bytes, \(profile.widthDots) dots", unit: "ms", samples: times.wall.count,
                p50: Percentile.of(times.wall, 50), p99: Percentile.of(times.wall, 99),
                goal: wide ? "p50 ≤ 5 ms" : nil,
                note: "wall clock; values → document → FreeType text, QR, layout → 1-bit raster → EscPosJob bytes (\(job.count) bytes, \(rows) rows); "
                    + "renderer reused, \(warmup) warm-up runs; thread CPU time p50 \(format(cpu.p50)) ms, p99 \(format(cpu.p99)) ms; \(loadNote(before))"),
            cpu: cpu, job: job, profile: profile)
    }

    /// The same unit of work with a new renderer each run: font files opened, glyph cache empty.
    static func freshRendererLatency(profile: PaperProfile) throws -> BenchmarkRecord.Measurement {
        let before = loadAverage()
        let times = try timed(warmup: 5, samples: 100) {
            _ = try BenchReceipt.job(BenchReceipt.handIn, renderer: try ReceiptRenderer(profile: profile))
        }
        return .init(
            name: "hand-in receipt → ESC/POS bytes, \(profile.widthDots) dots, new renderer each run", unit: "ms",
            samples: times.wall.count, p50: Percentile.of(times.wall, 50), p99: Percentile.of(times.wall, 99),
            note: "wall clock; as above but fonts loaded and every glyph rasterised again in each run (the cost of not keeping a renderer); "
                + "thread CPU time p50 \(format(Percentile.of(times.cpu, 50))) ms; \(loadNote(before))")
    }

    /// Printed page → `GreyImage` → zbar; every decode must read the dossier code back.
    static func decodeLatency(job: [UInt8]) throws -> BenchmarkRecord.Measurement {
        let page = try printedPage(job, paperWidth: 576)
        let decoder = BarcodeImageDecoder()
        let expected = BenchReceipt.handIn.dossierCode
        let before = loadAverage()
        let times = try timed(warmup: 10, samples: decodeSamples) {
            let symbols = try decoder.decode(try page.greyImage())
            guard symbols.count == 1, symbols[0].isQRCode, symbols[0].text == expected else {
                throw BenchError("the printed page decoded to \(symbols.map { $0.text ?? "<binary>" }), expected only \(expected)")
            }
        }
        return .init(
            name: "QR decode of the printed page (zbar)", unit: "ms", samples: times.wall.count,
            p50: Percentile.of(times.wall, 50), p99: Percentile.of(times.wall, 99),
            note: "wall clock; thread CPU time p50 \(format(Percentile.of(times.cpu, 50))) ms; the 576-dot job printed by EscPosPrinterEmulatorCore; page \(page.width)×\(page.height) → GreyImage → BarcodeImageDecoder, "
                + "text checked equal to the dossier code every run; \(loadNote(before))")
    }

    /// The one complete, cut page the emulator prints from `job`.
    static func printedPage(_ job: [UInt8], paperWidth: Int) throws -> PrintedPage {
        var printer = try EscPosPrinterEmulatorCore(paperWidth: paperWidth)
        _ = printer.receive(job, at: .zero)
        guard printer.pages.count == 1, let page = printer.pages.first, page.isComplete, page.cut == .partial else {
            throw BenchError("the emulator printed \(printer.pages.count) page(s) from the job, expected one partially cut page")
        }
        return page
    }

    /// `value` with two decimals.
    static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// Rows of the page the emulator prints from `job`.
    static func printedRows(_ job: [UInt8], paperWidth: Int) throws -> Int {
        try printedPage(job, paperWidth: paperWidth).height
    }
}
