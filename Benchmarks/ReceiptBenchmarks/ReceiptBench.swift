import BenchmarkSupport
import DeviceProtocols
import Foundation

/// `receipt-bench [RESULTS_DIR] [--python PYTHON] [--script PATH]`: times rendering and
/// encoding the hand-in receipt, the same receipt made by python-escpos with Pillow (when a
/// Python with those packages is given, see `Benchmarks/python/setup`), and decoding the QR of
/// a page the printer emulator rebuilt; writes `RESULTS_DIR/receipt.json` (default
/// `Benchmarks/results`).
@main
struct ReceiptBench {
    /// Runs done and thrown away before timing (caches, page faults, branch predictors).
    static let warmup = 30
    /// Timed runs of our encoder per paper width.
    static let samples = 300
    /// Timed runs of the Python encoder (each is ~20× slower).
    static let pythonSamples = 200
    /// Timed QR decodes.
    static let decodeSamples = 200

    static func main() throws {
        let options = try Options(CommandLine.arguments.dropFirst())
        var measurements: [BenchmarkRecord.Measurement] = []

        let wide = try encodeLatency(profile: .mm80)
        measurements.append(wide.measurement)
        if let python = options.python {
            measurements += try pythonComparison(python: python, script: options.script, ours: wide)
        } else {
            print("no --python given: the python-escpos comparison is skipped (run Benchmarks/python/setup)")
        }
        measurements.append(try encodeLatency(profile: .mm58).measurement)
        measurements.append(try freshRendererLatency(profile: .mm80))
        measurements.append(try decodeLatency(job: wide.job))

        let record = BenchmarkRecord.now(benchmark: "receipt", measurements: measurements)
        let url = try record.write(to: URL(fileURLWithPath: options.output))
        record.summaryLines.forEach { print($0) }
        print("written \(url.path)")
    }

    /// Wall-clock and on-CPU milliseconds of each timed run.
    struct Timings {
        var wall: [Double] = []
        var cpu: [Double] = []
    }

    /// Runs `body` `warmup` times, then `samples` times timed (wall clock and the thread's CPU
    /// time, which the other builds on a shared machine disturb less).
    static func timed(warmup: Int, samples: Int, _ body: () throws -> Void) rethrows -> Timings {
        for _ in 0..<warmup { try body() }
        let clock = ContinuousClock()
        var times = Timings()
        times.wall.reserveCapacity(samples)
        times.cpu.reserveCapacity(samples)
        for _ in 0..<samples {
            let cpuStart = threadCPUMilliseconds()
            let start = clock.now
            try body()
            times.wall.append(milliseconds(start.duration(to: clock.now)))
            times.cpu.append(threadCPUMilliseconds() - cpuStart)
        }
        return times
    }

    /// CPU time the calling thread has used, in milliseconds.
    static func threadCPUMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1_000 + Double(spec.tv_nsec) / 1e6
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    /// The 1-minute load average from `/proc/loadavg` (the machine is shared with other builds).
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.map(String.init) ?? "?"
    }

    /// The 1-minute load average before (`before`, read when the measurement began) and now.
    static func loadNote(_ before: String) -> String {
        "1-min load average \(before) before, \(loadAverage()) after (2 cores, shared)"
    }
}

/// Command-line options of `receipt-bench`.
struct Options {
    var output = "Benchmarks/results"
    var python: String?
    var script = "Benchmarks/python/escpos_receipt.py"

    init<Arguments: Collection<String>>(_ arguments: Arguments) throws {
        var rest = Array(arguments)
        while !rest.isEmpty {
            let argument = rest.removeFirst()
            switch argument {
            case "--python", "--script":
                guard !rest.isEmpty else { throw BenchError("\(argument) needs a value") }
                let value = rest.removeFirst()
                if argument == "--python" { python = value } else { script = value }
            default:
                guard !argument.hasPrefix("-") else { throw BenchError("unknown option \(argument)") }
                output = argument
            }
        }
    }
}

/// A benchmark that cannot go on (a wrong result or a failed child process), in English.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
