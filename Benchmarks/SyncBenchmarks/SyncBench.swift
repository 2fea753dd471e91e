import BenchmarkSupport
import Foundation

/// `sync-bench [OUTPUT_DIR] [--events N] [--dossiers N]`: the kiosk's `SyncService` and
/// `BackendClient` against `onestop-sim` served in this process on loopback, no faults. Measures
/// draining an outbox backlog (default 100,000 events; goal ≥ 2,000 events/s) and pulling and
/// applying a manifest (default 5,000 dossiers), then writes `OUTPUT_DIR/sync.json`
/// (default `Benchmarks/results`) with the load averages at its start and end. Run from the
/// repository root (it reads `data/seed/`). A run is valid only when, after the drain, the
/// simulator's applied log is exactly the kiosk's outbox and, after the pull, every dossier is in
/// the kiosk's store; otherwise it says why on standard error, writes nothing and exits 1.
@main
struct SyncBench {
    static func main() async throws {
        var output = "Benchmarks/results"
        var events = 100_000
        var dossiers = 5_000
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--events": events = arguments.next().flatMap(Int.init) ?? events
            case "--dossiers": dossiers = arguments.next().flatMap(Int.init) ?? dossiers
            default: output = argument
            }
        }
        guard (1...1_000_000).contains(events), (1...9_999).contains(dossiers) else {
            FileHandle.standardError.write(Data("sync-bench: --events 1-1000000, --dossiers 1-9999\n".utf8))
            exit(2)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sync-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let load = LoadWindow.starting()
        let drain: (seconds: Double, rate: Double)
        let pull: (seconds: Double, rate: Double, pages: Int)
        do {
            drain = try await SyncBenchRig.drain(events: events, in: scratch.appendingPathComponent("drain"))
            pull = try await SyncBenchRig.pull(dossiers: dossiers, in: scratch.appendingPathComponent("pull"))
        } catch {
            FileHandle.standardError.write(Data("sync-bench: run not valid, no result written: \(error)\n".utf8))
            try? FileManager.default.removeItem(at: scratch)
            exit(1)
        }
        let note = "one process: kiosk SyncService + onestop-sim on loopback, both SQLite files in \(scratch.deletingLastPathComponent().path)"
        let measurements: [BenchmarkRecord.Measurement] = [
            .init(
                name: "outbox drain, \(events) events", unit: "events/s", samples: 1, p50: drain.rate, p99: drain.rate,
                reference: 2_000, ratioToReference: drain.rate / 2_000, goal: "≥ 2,000 events/s",
                note: "\(String(format: "%.1f", drain.seconds)) s in total, batches of 100, one in flight; "
                    + "checked after the run: the simulator's applied log is the outbox (count, seq order, event ids, "
                    + "none twice, all accepted); " + note),
            .init(
                name: "manifest pull + apply, \(dossiers) dossiers", unit: "s", samples: 1, p50: pull.seconds,
                p99: pull.seconds,
                note: "\(pull.pages) pages of 500, each applied with its cursor in one transaction; "
                    + "\(String(format: "%.0f", pull.rate)) dossiers/s; checked after the run: all \(dossiers) dossiers "
                    + "live in the kiosk's store; " + note),
        ]
        let record = BenchmarkRecord.now(benchmark: "sync", measurements: measurements, load: load.ended())
        let url = try record.write(to: URL(fileURLWithPath: output))
        record.summaryLines.forEach { print($0) }
        if let start = record.load?.start, let end = record.load?.end {
            print("load (1 min) \(start.oneMinute) at the start, \(end.oneMinute) at the end")
        }
        print("written \(url.path)")
    }
}
