import BenchmarkSupport
import DeviceProtocols
import Foundation

extension ReceiptBench {
    /// What `Benchmarks/python/escpos_receipt.py` prints.
    struct PythonResult: Decodable {
        let samples: Int
        let p50: Double
        let p99: Double
        let cpuP50: Double
        let cpuP99: Double
        let jobBytes: Int
        let imageHeight: Int
        let python: String
        let pillow: String
        let pythonEscpos: String
        let qrcode: String
    }

    /// The same receipt made by python-escpos + Pillow in a child process, then the ratio of its
    /// p50 to ours. The Python job is printed by the emulator and its QR decoded, so both sides
    /// are known to produce a working receipt of the same content.
    static func pythonComparison(python: String, script: String, ours: Encoded) throws -> [BenchmarkRecord.Measurement] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("receipt-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.json")
        let jobFile = folder.appendingPathComponent("python.job")
        let profile = ours.profile
        let spec: [String: Any] = [
            "receipt": BenchReceipt.pythonValues(BenchReceipt.handIn),
            "profile": [
                "widthDots": profile.widthDots, "sideMarginDots": profile.sideMarginDots,
                "bodyPixelSize": profile.bodyPixelSize, "titlePixelSize": profile.titlePixelSize,
                "qrModuleSize": profile.qrModuleSize,
            ],
            "regularFont": FontFace.defaultPath(), "boldFont": TextRasteriser.defaultBoldPath,
            "warmup": warmup, "samples": pythonSamples,
        ]
        try JSONSerialization.data(withJSONObject: spec).write(to: input)

        let before = loadAverage()
        let output = try run(python, [script, input.path, "--job-out", jobFile.path])
        let result: PythonResult
        do {
            result = try JSONDecoder().decode(PythonResult.self, from: output)
        } catch {
            throw BenchError("\(script) printed no result JSON: \(String(decoding: output, as: UTF8.self))")
        }
        let pythonJob = [UInt8](try Data(contentsOf: jobFile))
        let page = try printedPage(pythonJob, paperWidth: profile.widthDots)
        let symbols = try BarcodeImageDecoder().decode(try page.greyImage())
        guard symbols.count == 1, symbols[0].text == BenchReceipt.handIn.dossierCode else {
            throw BenchError("the python-escpos receipt's QR decoded to \(symbols.map { $0.text ?? "<binary>" })")
        }
        let ratio = result.p50 / ours.measurement.p50
        let versions = "Python \(result.python), python-escpos \(result.pythonEscpos), Pillow \(result.pillow), qrcode \(result.qrcode)"
        return [
            .init(
                name: "python-escpos + Pillow: same receipt → ESC/POS bytes, \(profile.widthDots) dots", unit: "ms",
                samples: result.samples, p50: result.p50, p99: result.p99,
                note: "wall clock; Benchmarks/python/escpos_receipt.py, time.perf_counter, \(warmup) warm-up runs, fonts loaded once; "
                    + "thread CPU time p50 \(format(result.cpuP50)) ms, p99 \(format(result.cpuP99)) ms; "
                    + "\(versions); job \(result.jobBytes) bytes, page \(page.height) rows (ours \(ours.job.count) bytes), "
                    + "its QR decodes to the dossier code; \(loadNote(before))"),
            .init(
                name: "python-escpos p50 / ours p50, \(profile.widthDots) dots", unit: "×", samples: result.samples,
                p50: ratio, p99: result.p99 / ours.measurement.p99, reference: ours.measurement.p50,
                ratioToReference: ratio, goal: "≥ 5 × faster than python-escpos",
                note: "wall clock: p50 field = python p50 / ours p50, p99 field = python p99 / ours p99, reference = our p50 in ms; "
                    + "thread CPU time: python p50 / ours p50 = \(format(result.cpuP50 / ours.cpu.p50))"),
        ]
    }

    /// Runs `executable` with `arguments`, stderr passed through; its stdout, or an error when
    /// it cannot start or exits non-zero.
    static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = arguments
        let pipe = Pipe()
        child.standardOutput = pipe
        do {
            try child.run()
        } catch {
            throw BenchError("cannot start \(executable): \(error) (run Benchmarks/python/setup)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else {
            throw BenchError("\(executable) \(arguments.joined(separator: " ")) exited with status \(child.terminationStatus)")
        }
        return output
    }
}
