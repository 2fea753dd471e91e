import Foundation
import GRDB
import KioskStore
import OneStopSim
@testable import KioskSync

/// The sync measurements of `sync-bench`, small, over the test harness: they check that a backlog
/// drains and a manifest applies completely; the numbers are printed, never compared.
enum SyncBenchmark {
    /// How a backlog drain went.
    struct Drain: Codable, Sendable {
        var events: Int
        var seconds: Double
        var eventsPerSecond: Double
        var requests: Int
    }

    /// How a manifest pull went.
    struct Pull: Codable, Sendable {
        var dossiers: Int
        var pages: Int
        var seconds: Double
        var dossiersPerSecond: Double
    }

    /// Drains an outbox of `events` incidents to a fault-free simulator with the production batch
    /// size; the clock runs from the service's start to an empty outbox (20 ms polling).
    static func drainBacklog(events: Int, directory: URL) async throws -> Drain {
        try await SimHarness.with(directory: directory) { sim in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("drain.sqlite").path, kioskID: SimHarness.kioskID, logger: quietLogger)
            defer { try? database.close() }
            try await commitIncidents(events, into: database, perTransaction: 1_000)
            let started = ContinuousClock.now
            let elapsed = try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                try await SyncRig.withService(database: database, client: client) { _ in
                    try await waitUntil("the backlog to drain", guardSeconds: 1_800) { try await database.outboxDepth() == 0 }
                    return ContinuousClock.now - started
                }
            }
            let seconds = BackoffPolicy.seconds(elapsed)
            let applied = try await sim.backend.eventLog(kiosk: SimHarness.kioskID).count
            guard applied == events else { throw HangGuardExpired(what: "all \(events) events applied (got \(applied))") }
            let requests = try await outboxRows(database).map(\.attempts).reduce(0, +) / SyncSettings.standard.pushBatchSize
            return Drain(events: events, seconds: seconds, eventsPerSecond: Double(events) / seconds, requests: requests)
        }
    }

    /// Pulls and applies a manifest of `dossiers` dossiers in pages of 500 into an empty store.
    static func pullManifest(dossiers: Int, directory: URL) async throws -> Pull {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try await SimHarness.with(dossiers: SeedDossier.ready(dossiers), directory: directory) { sim in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("pull.sqlite").path, kioskID: SimHarness.kioskID, logger: quietLogger)
            defer { try? database.close() }
            return try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                let service = try SyncService(
                    database: database, client: client, settings: SyncRig.settings(pageSize: 500), clock: ContinuousClock(),
                    logger: quietLogger)
                var generator = SystemRandomNumberGenerator()
                let started = ContinuousClock.now
                let outcome = await service.pullManifest(using: &generator)
                let seconds = BackoffPolicy.seconds(ContinuousClock.now - started)
                guard case .upToDate(let pages, let entries) = outcome, entries == dossiers else {
                    throw HangGuardExpired(what: "the whole manifest (\(outcome))")
                }
                return Pull(dossiers: dossiers, pages: pages, seconds: seconds, dossiersPerSecond: Double(dossiers) / seconds)
            }
        }
    }
}
