import Foundation
import GRDB
import KioskDomain
import OneStopSim
import Testing
@testable import KioskStore
@testable import KioskSync

#if canImport(Glibc)
import Glibc
#endif

/// A kiosk process killed with SIGKILL after the backend committed a batch and before the kiosk
/// recorded the answer: after a restart over the same file nothing is applied twice.
@Suite struct KilledKioskTests {
    static let childVariable = "KIOSK_SYNC_CHILD_DB"

    @Test func aKioskKilledBetweenSendingABatchAndRecordingTheAnswer_appliesNothingTwiceAfterRestart() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("kiosk.sqlite").path
        try await SimHarness.with(dossiers: SeedDossier.ready(3), directory: directory) { sim in
            // Given 300 events, the first of them a result loaded (the backend texts a pickup code once)
            let loaded = try DossierCode(validating: SeedDossier.ready(1)[0].MaHoSo)
            do {
                let database = try AppDatabase(path: path, kioskID: SimHarness.kioskID, logger: quietLogger)
                try await database.commit(
                    JournalDraft(kind: "handOut.doorClosedWithItem", subject: loaded.rawValue, actor: "staff:cb01"),
                    event: try OutboxDraft(kind: .resultLoaded, dossierCode: loaded, details: ["MaO": "B-07", "KichThuocO": "S"]),
                    at: Date()) { _ in }
                try await commitIncidents(299, into: database)
                try database.close()
            }
            // and a backend that commits every batch but never gets its answer through
            sim.faults.install(FaultPlan(seed: 3, rules: [.init(fault: .lostResponse, operation: "postEvents")]))
            // When a kiosk process runs its sync until the backend has committed a batch, and is killed
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            child.arguments = ["--testing-library", "swift-testing", "--filter", "childKiosk_pushesUntilKilled"]
            var environment = ProcessInfo.processInfo.environment
            environment[Self.childVariable] = path
            environment["KIOSK_SYNC_CHILD_URL"] = sim.baseURL.absoluteString
            child.environment = environment
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            try await waitUntil("the backend to commit a batch the kiosk never heard about") {
                try await sim.backend.eventLog(kiosk: SimHarness.kioskID).count >= 100
            }
            kill(child.processIdentifier, SIGKILL)
            try await waitUntil("the kiosk process to die") { !child.isRunning }
            #expect(child.terminationReason == .uncaughtSignal)
            // Then the kiosk's file holds those events as sent, none acknowledged
            let database = try AppDatabase(path: path, kioskID: SimHarness.kioskID, logger: quietLogger)
            let killedState = try await outboxRows(database)
            #expect(killedState.allSatisfy { $0.state != .acknowledged })
            #expect(killedState.filter { $0.state == .sent }.count >= 100)
            #expect(try await sim.backend.smsLog().filter { $0.dossierCode == loaded.rawValue }.count == 1)
            // When the backend recovers and a fresh sync service runs over the same file
            sim.faults.clear()
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                try await SyncRig.withService(database: database, client: client) { _ in
                    try await waitUntil("the outbox to drain") { try await database.outboxDepth() == 0 }
                }
            }
            // Then every event was applied once, in order, and the pickup code was texted once
            let log = try await sim.backend.eventLog(kiosk: SimHarness.kioskID)
            let rows = try await outboxRows(database)
            #expect(log.map(\.seq) == Array(1...300))
            #expect(log.map(\.eventID) == rows.map { $0.eventId.uuidString.lowercased() })
            #expect(log.allSatisfy { $0.outcome == "accepted" })
            #expect(try await sim.backend.smsLog().filter { $0.dossierCode == loaded.rawValue }.count == 1)
            #expect(try await database.verifyJournal().isIntact)
            try database.close()
        }
    }

    /// The kiosk side of the test above, run in a child process of the test binary; skipped
    /// unless the parent set the database path. Ends itself after 120 s if nobody kills it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func childKiosk_pushesUntilKilled() async throws {
        let environment = ProcessInfo.processInfo.environment
        let path = try #require(environment[Self.childVariable])
        let url = try #require(environment["KIOSK_SYNC_CHILD_URL"].flatMap(URL.init(string:)))
        let database = try AppDatabase(path: path, kioskID: SimHarness.kioskID, logger: quietLogger)
        try await SyncRig.withClient(baseURL: url, token: SimHarness.token) { client in
            try await SyncRig.withService(database: database, client: client) { _ in
                try await Task.sleep(for: .seconds(120))
            }
        }
    }
}
