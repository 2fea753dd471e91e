import Foundation

/// One benchmark run's results with the machine it ran on, written as JSON under
/// `Benchmarks/results/` so numbers are always read with their context.
public struct BenchmarkRecord: Codable, Sendable {
    /// Where and with what it ran.
    public struct Machine: Codable, Sendable {
        public var cpuModel: String
        public var logicalCores: Int
        public var memoryGiB: Int
        public var kernel: String
        public var swiftBuild: String

        /// Reads the current machine from `/proc` and `uname`.
        public static func current(buildConfiguration: String) -> Machine {
            let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
            let model = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
                .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown"
            var name = utsname()
            uname(&name)
            let release = withUnsafeBytes(of: &name.release) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            return Machine(
                cpuModel: model, logicalCores: ProcessInfo.processInfo.activeProcessorCount,
                memoryGiB: Int(ProcessInfo.processInfo.physicalMemory >> 30), kernel: release,
                swiftBuild: buildConfiguration)
        }
    }

    /// One measured quantity.
    public struct Measurement: Codable, Sendable {
        public var name: String
        public var unit: String
        public var samples: Int
        public var p50: Double
        public var p99: Double
        /// A reference the goal is stated against (e.g. the wire time of one polling cycle), if any.
        public var reference: Double?
        /// `p50 / reference` when there is a reference.
        public var ratioToReference: Double?
        /// The goal in words, e.g. "≤ 1.5 × wire time".
        public var goal: String?
        public var note: String?

        /// A measurement; `ratioToReference` is given by the caller (usually `p50 / reference`).
        public init(
            name: String, unit: String, samples: Int, p50: Double, p99: Double, reference: Double? = nil,
            ratioToReference: Double? = nil, goal: String? = nil, note: String? = nil
        ) {
            self.name = name
            self.unit = unit
            self.samples = samples
            self.p50 = p50
            self.p99 = p99
            self.reference = reference
            self.ratioToReference = ratioToReference
            self.goal = goal
            self.note = note
        }
    }

    public var benchmark: String
    public var recordedAt: String
    public var machine: Machine
    public var measurements: [Measurement]
    /// The machine's load averages at the start and end of the run, when the benchmark records them.
    public var load: LoadWindow?

    /// A record of `measurements` taken now on `machine`, with the load around them if known.
    public init(
        benchmark: String, recordedAt: String, machine: Machine, measurements: [Measurement], load: LoadWindow? = nil
    ) {
        self.benchmark = benchmark
        self.recordedAt = recordedAt
        self.machine = machine
        self.measurements = measurements
        self.load = load
    }

    /// Writes the record as pretty JSON to `directory/<benchmark>.json`.
    public func write(to directory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let url = directory.appendingPathComponent("\(benchmark).json")
        try encoder.encode(self).write(to: url)
        return url
    }
}

/// Percentiles of a sample set (nearest-rank).
public enum Percentile {
    /// The `p`-th percentile (0–100) of `values`; 0 for an empty set.
    public static func of(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
