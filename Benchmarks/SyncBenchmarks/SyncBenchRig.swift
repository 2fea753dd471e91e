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
    /// start to an empty outbox; then checks, untimed, that the simulator applied exactly the
    /// kiosk's outbox (`DrainAudit`).
    /// - Throws: `BenchFailure` listing the discrepancies when it did not.
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
            let audit = DrainAudit(
                committed: events, outbox: try await wholeOutbox(database),
                applied: try await backend.eventLog(kiosk: kioskID))
            let problems = audit.problems()
            guard problems.isEmpty else {
                throw BenchFailure("the simulator's applied log is not the kiosk's outbox:\n  " + problems.joined(separator: "\n  "))
            }
            return (seconds, Double(events) / seconds)
        }
    }

    /// The kiosk's outbox, every event in sequence order, read in pages.
    static func wholeOutbox(_ database: AppDatabase) async throws -> [OutboxEvent] {
        var events: [OutboxEvent] = []
        while true {
            let page = try await database.outboxEvents(after: events.last?.seq ?? 0, limit: 10_000)
            guard !page.isEmpty else { return events }
            events += page
        }
    }

    /// Times one manifest round over `dossiers` live dossiers into an empty store; then checks,
    /// untimed, that every one of them is in the kiosk's store.
    /// - Throws: `BenchFailure` naming the missing or unexpected dossiers.
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
            let expected = Set((1...dossiers).map(seedCode))
            let stored = try await database.liveManifestDossierCodes()
            let missing = expected.subtracting(stored).sorted()
            let unexpected = Set(stored).subtracting(expected).sorted()
            guard stored.count == dossiers, missing.isEmpty, unexpected.isEmpty else {
                throw BenchFailure(
                    "the kiosk's store holds \(stored.count) live dossiers of \(dossiers) pulled; missing \(missing.count) "
                        + "(first: \(missing.prefix(5).joined(separator: ", "))), unexpected \(unexpected.count) "
                        + "(first: \(unexpected.prefix(5).joined(separator: ", ")))")
            }
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
