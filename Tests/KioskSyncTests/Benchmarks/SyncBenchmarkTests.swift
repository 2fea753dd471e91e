import Foundation
import KioskStore
import Testing
@testable import KioskSync

/// Runs the sync measurements small on every test run, for completeness only; `sync-bench`
/// (`Benchmarks/SyncBenchmarks`) runs them full size.
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
}
