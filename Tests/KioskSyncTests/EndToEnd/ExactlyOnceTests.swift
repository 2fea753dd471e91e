import Foundation
import KioskStore
import OneStopSim
import Testing
import TestSupport
@testable import KioskSync

/// The outbox against a real onestop-sim that fails on purpose: exactly once, in order. The
/// simulator and the kiosk's `SyncService` share one clock running 30 times faster than real time,
/// so each 30-second outage lasts a second of real time while both sides see 30 seconds pass.
@Suite(.serialized) struct ExactlyOnceTests {
    static let count = 10_000
    static let speedUp = 30
    static let outageMilliseconds = 30_000

    /// 30 % of batches answer 503. The lost-answer rule draws only on the 70 % that pass the error
    /// rule, so 14 % of those (0.70 × 0.14 = 9.8 % of all batches) are committed and their answers lost.
    static let flaky: [FaultPlan.Rule] = [
        .init(fault: .error, operation: "postEvents", percent: 30, status: 503),
        .init(fault: .lostResponse, operation: "postEvents", percent: 14),
    ]

    /// Backoff on the shared clock: 200 ms doubling to 5 s, so a 30-second outage sees several attempts.
    static let settings: SyncSettings = {
        var settings = SyncRig.settings()
        settings.backoff = (try? BackoffPolicy(initial: .milliseconds(200), multiplier: 2, maximum: .seconds(5))) ?? .standard
        settings.manifestInterval = .seconds(86_400)
        settings.refreshInterval = .seconds(86_400)
        settings.heartbeatInterval = .seconds(86_400)
        return settings
    }()

    @Test func tenThousandEvents_underErrorsLostAnswersAndTwoThirtySecondOutages_areAppliedExactlyOnceInSeqOrder() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = AcceleratedClock(factor: Self.speedUp)
        try await SimHarness.with(directory: directory, faultClock: FaultClock(clock)) { sim in
            // Given 10,000 events in the kiosk's outbox and a backend that answers 30 % of batches
            // with 503 and commits but loses the answer of about 10 % of all batches
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: SimHarness.kioskID, logger: quietLogger)
            try await commitIncidents(Self.count, into: database)
            sim.faults.install(FaultPlan(seed: 42, rules: Self.flaky))
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                try await SyncRig.withService(database: database, client: client, settings: Self.settings, seed: 9, clock: clock) { service in
                    // When the backend refuses every connection for 30 s twice, after ~3,000 and ~6,500 applied events
                    var fired = FaultTally()
                    for threshold in [3_000, 6_500] {
                        try await waitUntil("\(threshold) events applied", guardSeconds: 300) {
                            try await sim.backend.eventLog(kiosk: SimHarness.kioskID).count >= threshold
                        }
                        fired.add(sim.faults.snapshot.rules)
                        sim.faults.install(FaultPlan(
                            seed: UInt64(threshold),
                            rules: [.init(fault: .refuseConnections, milliseconds: Self.outageMilliseconds)] + Self.flaky))
                        let outage = try await OutageWatch.observe(sim: sim, database: database, service: service)
                        // Then while it lasts the kiosk's pushes fail as unreachable and the outbox keeps its events
                        #expect(outage.refusedConnections > 0, "outage at \(threshold)")
                        #expect(outage.checks > 0, "outage at \(threshold)")
                        #expect(outage.appliedStayedPut, "outage at \(threshold)")
                        #expect(outage.outboxKeptItsEvents, "outage at \(threshold)")
                        #expect(outage.outboxDepth > 0, "outage at \(threshold)")
                        #expect(outage.kioskSawItUnreachable, "outage at \(threshold)")
                        let error = outage.lastError ?? ""
                        #expect(error.hasPrefix("push") && error.contains("backend unreachable"), "outage at \(threshold): \(error)")
                    }
                    // Then the kiosk drains its outbox once the backend is back
                    try await waitUntil("the outbox to drain", guardSeconds: 300) {
                        try await database.outboxDepth() == 0
                    }
                    fired.add(sim.faults.snapshot.rules)
                    // And every kind of fault really played
                    #expect(fired.counts[.error, default: 0] > 0)
                    #expect(fired.counts[.lostResponse, default: 0] > 0)
                    #expect(fired.counts[.refuseConnections, default: 0] > 0)
                    let status = try await service.status()
                    #expect(status.backendReachable && status.consecutivePushFailures == 0)
                }
            }
            // Then the backend's applied log is exactly the kiosk's events, once each, in seq order
            let log = try await sim.backend.eventLog(kiosk: SimHarness.kioskID)
            let rows = try await outboxRows(database)
            #expect(log.count == Self.count)
            #expect(log.map(\.seq) == Array(1...Int64(Self.count)))
            #expect(log.map(\.eventID) == rows.map { $0.eventId.uuidString.lowercased() })
            #expect(log.allSatisfy { $0.outcome == "accepted" })
            #expect(Set(log.map(\.eventID)).count == Self.count)
            #expect(rows.allSatisfy { $0.state == .acknowledged })
            #expect(try await database.outboxRefusals().isEmpty)
            // And the faults really played: retries happened
            #expect(rows.map(\.attempts).reduce(0, +) > Self.count)
            #expect(try await database.verifyJournal().isIntact)
            try database.close()
        }
    }
}

/// Fire counts per fault kind across several installed plans.
struct FaultTally {
    var counts: [FaultPlan.Kind: Int] = [:]

    mutating func add(_ rules: [FaultController.RuleState]) {
        for state in rules { counts[state.rule.fault, default: 0] += state.fired }
    }
}
