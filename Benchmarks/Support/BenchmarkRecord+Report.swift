import Foundation

extension BenchmarkRecord {
    /// The build configuration this binary was compiled in: "debug" or "release".
    public static var buildConfiguration: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    /// A record of `measurements` stamped with the current time and machine, and with `load`
    /// (the load averages around the run) when given.
    public static func now(benchmark: String, measurements: [Measurement], load: LoadWindow? = nil) -> BenchmarkRecord {
        BenchmarkRecord(
            benchmark: benchmark, recordedAt: ISO8601DateFormatter().string(from: Date()),
            machine: .current(buildConfiguration: buildConfiguration), measurements: measurements, load: load)
    }

    /// One console line per measurement: name, p50, p99 and the ratio to the reference if any.
    public var summaryLines: [String] {
        measurements.map { m in
            let ratio = m.ratioToReference.map { String(format: "  ratio %.2f", $0) } ?? ""
            return String(format: "%-58@ p50 %9.3f %@  p99 %9.3f%@", m.name as NSString, m.p50, m.unit as NSString, m.p99, ratio)
        }
    }
}
