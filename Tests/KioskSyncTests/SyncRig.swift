import AsyncHTTPClient
import Foundation
import TestSupport
import KioskStore
import Logging
@testable import KioskSync

/// The kiosk side of an end-to-end sync test: a real HTTP client, the backend client and a
/// `SyncService` over a real database file, with short intervals and a millisecond backoff so the
/// tests never sleep long.
enum SyncRig {
    /// Backoff of 1 ms doubling to 20 ms.
    static let fastBackoff: BackoffPolicy = {
        (try? BackoffPolicy(initial: .milliseconds(1), multiplier: 2, maximum: .milliseconds(20))) ?? .standard
    }()

    /// Settings for tests: manifest, catalogue and heartbeat only on demand (an hour apart).
    static func settings(batch: Int = 100, pageSize: Int = 500) -> SyncSettings {
        SyncSettings(
            pushBatchSize: batch, pushIdleInterval: .milliseconds(50), manifestInterval: .seconds(3_600),
            refreshInterval: .seconds(3_600), heartbeatInterval: .seconds(3_600), backoff: fastBackoff,
            maximumPagesPerRound: 1_000, manifestPageSize: pageSize, softwareVersion: "test")
    }

    /// Runs `body` with a backend client for `baseURL`, shutting the HTTP client down afterwards.
    static func withClient<T: Sendable>(
        baseURL: URL, kioskID: String = "KVT01", token: String, limits: BackendLimits = .standard,
        _ body: (BackendClient) async throws -> T
    ) async throws -> T {
        let http = BackendClient.makeHTTPClient(connectTimeout: .seconds(2))
        let client = BackendClient(
            endpoint: SyncEndpoint(baseURL: baseURL, kioskID: kioskID),
            credentials: try BackendCredentials(bearerToken: token), httpClient: http, limits: limits,
            logger: quietLogger)
        do {
            let result = try await body(client)
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// Runs a `SyncService` over `database` while `body` runs, then cancels it.
    static func withService<T: Sendable>(
        database: AppDatabase, client: BackendClient, settings: SyncSettings = settings(), seed: UInt64 = 1,
        _ body: @escaping @Sendable (SyncService<ContinuousClock>) async throws -> T
    ) async throws -> T {
        try await withService(database: database, client: client, settings: settings, seed: seed, clock: ContinuousClock(), body)
    }

    /// Runs a `SyncService` that waits on `clock` over `database` while `body` runs, then cancels it.
    static func withService<T: Sendable, C: Clock & Sendable>(
        database: AppDatabase, client: BackendClient, settings: SyncSettings = settings(), seed: UInt64 = 1, clock: C,
        _ body: @escaping @Sendable (SyncService<C>) async throws -> T
    ) async throws -> T where C.Duration == Duration {
        let service = try SyncService(
            database: database, client: client, settings: settings, clock: clock,
            makeGenerator: { SplitMix64(seed: seed) }, logger: quietLogger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await service.run()
                return nil
            }
            group.addTask { try await body(service) }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let value = next { return value }
            }
            throw HangGuardExpired(what: "the sync service stopped before the test finished")
        }
    }
}
