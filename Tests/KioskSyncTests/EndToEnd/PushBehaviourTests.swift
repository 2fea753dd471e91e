import Foundation
import KioskDomain
import KioskStore
import OneStopSim
import Testing
@testable import KioskSync

/// What the push loop does with refusals, nudges and the health fields, against onestop-sim.
@Suite struct PushBehaviourTests {
    @Test func anEventRefusedForGood_isSettledWithItsReason_andTheEventsAfterItStillGo() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await SimHarness.with(dossiers: SeedDossier.ready(1), directory: directory) { sim in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: SimHarness.kioskID, logger: quietLogger)
            // Given an incident, a load report for a dossier the backend does not know, and another incident
            try await commitIncidents(1, into: database)
            let unknown = try DossierCode(validating: "000.28.21.H28-251107-0999")
            try await database.commit(
                JournalDraft(kind: "handOut.doorClosedWithItem", subject: unknown.rawValue, actor: "staff:cb01"),
                event: try OutboxDraft(kind: .resultLoaded, dossierCode: unknown, details: ["MaO": "B-07", "KichThuocO": "S"]),
                at: Date()) { _ in }
            try await commitIncidents(1, into: database)
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                try await SyncRig.withService(database: database, client: client) { service in
                    try await waitUntil("the outbox to drain") { try await database.outboxDepth() == 0 }
                    #expect(try await service.status().blockedAtSeq == nil)
                }
            }
            // Then the refusal is kept with the backend's reason and journalled; the others were applied
            let refusals = try await database.outboxRefusals()
            #expect(refusals.map(\.seq) == [2])
            #expect(refusals.first?.reason.hasPrefix("HO_SO_KHONG_TON_TAI") == true)
            #expect(try await database.journalEntries(limit: 100).contains { $0.kind == "sync.eventRefused" })
            let log = try await sim.backend.eventLog(kiosk: SimHarness.kioskID)
            #expect(log.map(\.outcome) == ["accepted", "HO_SO_KHONG_TON_TAI", "accepted"])
            #expect(try await database.verifyJournal().isIntact)
            try database.close()
        }
    }

    @Test func aNudge_sendsNewEventsWithoutWaitingForTheIdleInterval_andTheLagIsReported() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await SimHarness.with(directory: directory) { sim in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: SimHarness.kioskID, logger: quietLogger)
            var settings = SyncRig.settings()
            settings.pushIdleInterval = .seconds(3_600)
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                try await SyncRig.withService(database: database, client: client, settings: settings) { service in
                    // Given an idle service (nothing pending, next look in an hour)
                    try await waitUntil("the first manifest round") { try await database.syncHealth().lastPullAt != nil }
                    // When an event an hour old is committed and the service is nudged
                    try await commitIncidents(1, into: database, at: Date().addingTimeInterval(-3_600))
                    let pending = try await service.status()
                    #expect(pending.outboxDepth == 1)
                    #expect(pending.syncLagSeconds >= 3_600)
                    service.nudgePush()
                    // Then it is delivered now, and the lag is gone
                    try await waitUntil("the nudged event to be delivered and recorded") {
                        let depth = try await database.outboxDepth()
                        let health = try await database.syncHealth()
                        return depth == 0 && health.lastPushAt != nil
                    }
                    let drained = try await service.status()
                    #expect(drained.syncLagSeconds == 0)
                    #expect(drained.lastPushAt != nil)
                    #expect(drained.backendReachable)
                }
            }
            #expect(try await sim.backend.eventLog(kiosk: SimHarness.kioskID).count == 1)
            try database.close()
        }
    }
}
