import Foundation

/// One benchmark run's results with the machine it ran on, written as JSON under
/// `Benchmarks/results/` so numbers are always read with their context.
struct BenchmarkRecord: Codable {
    /// Where and with what it ran.
    struct Machine: Codable {
        var cpuModel: String
        var logicalCores: Int
        var memoryGiB: Int
        var kernel: String
        var swiftBuild: String

        /// Reads the current machine from `/proc` and `uname`.
        static func current(buildConfiguration: String) -> Machine {
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
    struct Measurement: Codable {
        var name: String
        var unit: String
        var samples: Int
        var p50: Double
        var p99: Double
        /// A reference the goal is stated against (e.g. the wire time of one polling cycle), if any.
        var reference: Double?
        /// `p50 / reference` when there is a reference.
        var ratioToReference: Double?
        /// The goal in words, e.g. "≤ 1.5 × wire time".
        var goal: String?
        var note: String?
    }

    var benchmark: String
    var recordedAt: String
    var machine: Machine
    var measurements: [Measurement]

    /// Writes the record as pretty JSON to `directory/<benchmark>.json`.
    func write(to directory: URL) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let url = directory.appendingPathComponent("\(benchmark).json")
        try encoder.encode(self).write(to: url)
        return url
    }
}

/// Percentiles of a sample set (nearest-rank).
enum Percentile {
    /// The `p`-th percentile (0–100) of `values`; 0 for an empty set.
    static func of(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
