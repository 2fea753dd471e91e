import Foundation
import KioskStore
import OneStopSim
import Testing
@testable import KioskSync

/// The outbox against a real onestop-sim that fails on purpose: exactly once, in order.
@Suite(.serialized) struct ExactlyOnceTests {
    static let count = 10_000

    @Test func tenThousandEvents_underErrorsLostAnswersAndTwoOutages_areAppliedExactlyOnceInSeqOrder() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await SimHarness.with(directory: directory) { sim in
            // Given 10,000 events in the kiosk's outbox and a backend that answers 30 % of batches
            // with 503 and commits but loses the answer of about 10 % more
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: SimHarness.kioskID, logger: quietLogger)
            try await commitIncidents(Self.count, into: database)
            let flaky: [FaultPlan.Rule] = [
                .init(fault: .error, operation: "postEvents", percent: 30, status: 503),
                .init(fault: .lostResponse, operation: "postEvents", percent: 14),
            ]
            sim.faults.install(FaultPlan(seed: 42, rules: flaky))
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                try await SyncRig.withService(database: database, client: client, seed: 9) { _ in
                    // When the backend goes away twice (25 connection attempts refused each time)
                    var fired = FaultTally()
                    for threshold in [3_000, 6_500] {
                        try await waitUntil("\(threshold) events applied") {
                            try await sim.backend.eventLog(kiosk: SimHarness.kioskID).count >= threshold
                        }
                        fired.add(sim.faults.snapshot.rules)
                        sim.faults.install(FaultPlan(
                            seed: UInt64(threshold), rules: [.init(fault: .refuseConnections, count: 25)] + flaky))
                        try await waitUntil("the outage at \(threshold) to play out") {
                            sim.faults.snapshot.rules.first?.fired == 25
                        }
                    }
                    // Then the kiosk drains its outbox
                    try await waitUntil("the outbox to drain", guardSeconds: 300) {
                        try await database.outboxDepth() == 0
                    }
                    fired.add(sim.faults.snapshot.rules)
                    // And every kind of fault really played
                    #expect(fired.counts[.error, default: 0] > 0)
                    #expect(fired.counts[.lostResponse, default: 0] > 0)
                    #expect(fired.counts[.refuseConnections, default: 0] == 50)
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
