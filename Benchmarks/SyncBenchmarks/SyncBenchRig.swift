import Foundation
import KioskDomain
import KioskStore
import KioskSync
import Logging
import OneStopSim

/// The two measurements of `sync-bench`, each with its own simulator and kiosk database.
enum SyncBenchRig {
    static let kioskID = "KVT01"
    static let token = "sync-bench-token-0123456789"

    /// Commits `events` incident events (untimed, 8 writers), then times the service from its
    /// start to an empty outbox.
    static func drain(events: Int, in directory: URL) async throws -> (seconds: Double, rate: Double) {
        try await withSimulator(dossiers: 1, in: directory) { baseURL, backend in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: kioskID, logger: quiet)
            defer { try? database.close() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        for index in stride(from: writer, to: events, by: 8) {
                            try await database.commit(
                                JournalDraft(kind: "bench.incident", subject: "slot:A-01", actor: "system"),
                                event: try OutboxDraft(kind: .incident, dossierCode: nil, details: ["n": "\(index)"]),
                                at: Date()) { _ in }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let started = ContinuousClock.now
            try await withService(database: database, baseURL: baseURL) { _ in
                while try await database.outboxDepth() > 0 { try await Task.sleep(for: .milliseconds(20)) }
            }
            let seconds = seconds(ContinuousClock.now - started)
            let applied = try await backend.eventLog(kiosk: kioskID).count
            guard applied == events else { throw BenchFailure("the backend applied \(applied) of \(events) events") }
            return (seconds, Double(events) / seconds)
        }
    }

    /// Times one manifest round over `dossiers` live dossiers into an empty store.
    static func pull(dossiers: Int, in directory: URL) async throws -> (seconds: Double, rate: Double, pages: Int) {
        try await withSimulator(dossiers: dossiers, in: directory) { baseURL, _ in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: kioskID, logger: quiet)
            defer { try? database.close() }
            let started = ContinuousClock.now
            try await withService(database: database, baseURL: baseURL) { _ in
                while try await database.syncHealth().lastPullAt == nil { try await Task.sleep(for: .milliseconds(5)) }
            }
            let seconds = seconds(ContinuousClock.now - started)
            let pages = try await database.journalEntries(limit: 10_000).filter { $0.kind == "sync.manifestPage" }.count
            return (seconds, Double(dossiers) / seconds, pages)
        }
    }

    /// Runs `body` while a `SyncService` with production settings (manifest pages of 500) runs.
    static func withService(
        database: AppDatabase, baseURL: URL, _ body: @escaping @Sendable (SyncService<ContinuousClock>) async throws -> Void
    ) async throws {
        let http = BackendClient.makeHTTPClient()
        let client = BackendClient(
            endpoint: SyncEndpoint(baseURL: baseURL, kioskID: kioskID),
            credentials: try BackendCredentials(bearerToken: token), httpClient: http, logger: quiet)
        let service = try SyncService(database: database, client: client, clock: ContinuousClock(), logger: quiet)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                try await body(service)
                group.cancelAll()
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    static let quiet: Logger = {
        var logger = Logger(label: "sync-bench")
        logger.logLevel = .critical
        return logger
    }()

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Why a benchmark run is not valid.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
