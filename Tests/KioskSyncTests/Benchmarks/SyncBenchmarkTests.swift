import Foundation
import KioskStore
import Testing
@testable import KioskSync

/// Runs the sync measurements small on every test run (completeness only) and full-size on demand.
@Suite(.serialized) struct SyncBenchmarkTests {
    @Test func aSmallBacklogAndManifest_drainAndApplyCompletely() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let drain = try await SyncBenchmark.drainBacklog(events: 2_000, directory: directory)
        let pull = try await SyncBenchmark.pullManifest(dossiers: 600, directory: directory.appendingPathComponent("pull"))
        #expect(drain.events == 2_000)
        #expect(pull.pages == 2)
        print("sync drain: \(drain)\nsync pull: \(pull)")
    }

    /// `KIOSK_SYNC_BENCH=1 swift test --filter SyncBenchmarkTests`: 100,000 events and 5,000 dossiers.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KIOSK_SYNC_BENCH"] == "1"))
    func fullSize_drainsOneHundredThousandEvents_andPullsFiveThousandDossiers() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let drain = try await SyncBenchmark.drainBacklog(events: 100_000, directory: directory)
        let pull = try await SyncBenchmark.pullManifest(dossiers: 5_000, directory: directory.appendingPathComponent("pull"))
        print("sync drain: \(drain)\nsync pull: \(pull)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        struct Record: Encodable {
            var benchmark = "sync"
            var build = "debug (swift test)"
            var logicalCores = ProcessInfo.processInfo.activeProcessorCount
            var drain: SyncBenchmark.Drain
            var pull: SyncBenchmark.Pull
        }
        let results = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Benchmarks/results/sync.json")
        try encoder.encode(Record(drain: drain, pull: pull)).write(to: results)
    }
}
