import Foundation
import GRDB
import NIOCore
import OneStopSim
import OneStopWire
import Testing
@testable import KioskStore
@testable import KioskSync

/// A backend that answers garbage: typed errors, nothing stored, retried until it recovers.
@Suite struct MalformedAnswersTests {
    @Test(arguments: FaultPlan.Garbage.allCases)
    func eachKindOfGarbage_becomesATypedFailure(_ garbage: FaultPlan.Garbage) async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await SimHarness.with(dossiers: SeedDossier.ready(5), directory: directory) { sim in
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                sim.faults.install(FaultPlan(rules: [.init(fault: .malformed, operation: "getManifest", malformed: garbage)]))
                let result = await client.manifestPage(after: nil, limit: 100)
                switch (garbage, result) {
                case (.huge, .failure(.bodyTooLarge(let limit))):
                    #expect(limit == 4 * 1_024 * 1_024)
                case (.invalidUTF8, .failure(.malformed(let detail))):
                    #expect(detail.contains("UTF-8"))
                case (.wrongTypes, .failure(.malformed(let detail))):
                    #expect(detail.contains("wrong type"))
                case (.truncated, .failure(.malformed)):
                    break
                case (.missingFields, .failure(.malformed(let detail))):
                    #expect(detail == "missing field ConTro")
                default:
                    Issue.record("\(garbage) gave \(result)")
                }
                // And the same call succeeds once the backend recovers
                sim.faults.clear()
                let recovered = try await client.manifestPage(after: nil, limit: 100).get()
                #expect(recovered.entries.count == 5)
            }
        }
    }

    @Test func anEventAnswerMissingItsFields_isMalformed_thoughTheBackendCommittedTheBatch() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await SimHarness.with(directory: directory) { sim in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: SimHarness.kioskID, logger: quietLogger)
            try await commitIncidents(3, into: database)
            let rows = try await outboxRows(database)
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                // Given a backend that commits a batch, then answers it without SoThuTuCuoi
                sim.faults.install(FaultPlan(rules: [.init(fault: .malformed, operation: "postEvents", count: 1, malformed: .missingFields)]))
                // When the kiosk pushes
                let first = await client.pushEvents(rows)
                // Then the answer is a typed failure naming the field, and the resend settles the batch
                #expect(first == .failure(.malformed("missing field SoThuTuCuoi")))
                let resent = try await client.pushEvents(rows).get()
                #expect(Set(resent.accepted) == Set(rows.map(\.eventId)))
                #expect(resent.lastConsumedSeq == 3)
            }
            #expect(try await sim.backend.eventLog(kiosk: SimHarness.kioskID).map(\.seq) == [1, 2, 3])
            try database.close()
        }
    }

    @Test func missingFields_areNamedByPath_withoutTheirValues() throws {
        let body = ByteBuffer(string: #"{"DaNhan":["not-a-uuid-secret"],"TuChoi":[]}"#)
        guard case .failure(.malformed(let detail)) = BackendClient.decode(body, as: OneStopEventBatchResult.self) else {
            Issue.record("expected a malformed answer")
            return
        }
        #expect(detail.contains("DaNhan[0]") || detail.contains("SoThuTuCuoi"))
        #expect(!detail.contains("secret"))
        let missing = ByteBuffer(string: #"{"DaNhan":[],"TuChoi":[]}"#)
        #expect(BackendClient.decode(missing, as: OneStopEventBatchResult.self) == .failure(.malformed("missing field SoThuTuCuoi")))
    }

    @Test func garbageAnswers_leaveTheStoreUntouched_recordTheError_andSyncRecoversLater() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await SimHarness.with(dossiers: SeedDossier.ready(50), directory: directory) { sim in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: SimHarness.kioskID, logger: quietLogger)
            try await commitIncidents(20, into: database)
            let journalBefore = try await database.journalEntries(limit: 1_000).count
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                try await SyncRig.withService(database: database, client: client) { service in
                    // Given a backend that answers every manifest page and every batch with garbage, kind by kind
                    for garbage in FaultPlan.Garbage.allCases {
                        sim.faults.install(FaultPlan(rules: [
                            .init(fault: .malformed, operation: "getManifest", malformed: garbage),
                            .init(fault: .malformed, operation: "postEvents", malformed: garbage),
                        ]))
                        service.requestManifestPull()
                        // When the kiosk has tried several times
                        try await waitUntil("\(garbage) answers to be retried") {
                            sim.faults.snapshot.rules.allSatisfy { $0.fired >= 3 }
                        }
                        // Then nothing of it reached the store and the error is recorded
                        let counts = try await database.writer.read { db in
                            (try DossierRecord.fetchCount(db),
                             try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_cursor WHERE stream = 'manifest'") ?? -1)
                        }
                        #expect(counts.0 == 0)
                        #expect(counts.1 == 0)
                        #expect(try await database.outboxDepth() == 20)
                        let written = try await database.journalEntries(after: Int64(journalBefore), limit: 1_000)
                            .filter { $0.kind.hasPrefix("sync.manifest") || $0.kind.hasPrefix("sync.event") }
                        #expect(written.isEmpty)
                        let lastError = try await database.syncHealth().lastError
                        #expect(lastError != nil)
                        if garbage == .missingFields { #expect(lastError?.contains("missing field") == true) }
                    }
                    // When the backend recovers
                    sim.faults.clear()
                    service.requestManifestPull()
                    try await waitUntil("sync to recover") {
                        let health = try await database.syncHealth()
                        return try await database.outboxDepth() == 0 && health.lastPullAt != nil
                    }
                    let status = try await service.status()
                    #expect(status.outboxDepth == 0)
                    #expect(status.backendReachable)
                }
            }
            // Then the store holds the manifest, the events were applied once each, and the journal holds
            #expect(try await database.writer.read { db in try DossierRecord.fetchCount(db) } == 50)
            let log = try await sim.backend.eventLog(kiosk: SimHarness.kioskID)
            #expect(log.map(\.seq) == Array(1...20))
            #expect(try await database.verifyJournal().isIntact)
            try database.close()
        }
    }
}
