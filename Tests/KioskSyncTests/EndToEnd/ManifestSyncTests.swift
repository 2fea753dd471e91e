import Foundation
import GRDB
import KioskDomain
import OneStopSim
import OneStopWire
import Testing
@testable import KioskStore
@testable import KioskSync

/// The manifest pulled from a real onestop-sim into a real store, across kiosk restarts.
@Suite struct ManifestSyncTests {
    static func code(_ index: Int) -> String { SeedDossier.ready(index).last?.MaHoSo ?? "" }

    @Test func pagesArriveWithTheirCursor_andAfterARestartOnlyChangesArrive_tombstonesBecomingRecalls() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("kiosk.sqlite").path
        try await SimHarness.with(dossiers: SeedDossier.ready(1_234), directory: directory) { sim in
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                // Given a kiosk that pulled the whole manifest in pages of 100
                do {
                    let database = try AppDatabase(path: path, kioskID: SimHarness.kioskID, logger: quietLogger)
                    try await SyncRig.withService(database: database, client: client, settings: SyncRig.settings(pageSize: 100)) { _ in
                        try await waitUntil("the first manifest round") { try await database.syncHealth().lastPullAt != nil }
                    }
                    let pages = try await database.journalEntries(limit: 1_000).filter { $0.kind == "sync.manifestPage" }
                    #expect(pages.count == 13)
                    #expect(try await database.writer.read { db in try DossierRecord.fetchCount(db) } == 1_234)
                    // and whose result for dossier 5 sits loaded in slot B-07
                    try await Self.loadIntoSlot(Self.code(5), slot: "B-07", database: database)
                    try database.close()
                }
                let cursorBefore = try await Self.cursor(at: path)
                #expect(cursorBefore != nil)
                // When, while it is off, dossier 5 is withdrawn and dossier 6 is redirected then made ready again
                _ = try await sim.backend.perform(.withdraw, code: Self.code(5))
                _ = try await sim.backend.perform(.redirect, code: Self.code(6))
                let six = try await sim.backend.perform(.ready, code: Self.code(6))
                // and it restarts over the same file
                let database = try AppDatabase(path: path, kioskID: SimHarness.kioskID, logger: quietLogger)
                let journalBefore = try await database.journalEntries(limit: 10_000).count
                try await SyncRig.withService(database: database, client: client, settings: SyncRig.settings(pageSize: 100)) { _ in
                    try await waitUntil("the round after the restart") {
                        try await database.journalEntries(after: Int64(journalBefore), limit: 100)
                            .contains { $0.kind == "sync.manifestPage" }
                    }
                }
                // Then only the two changes arrived, in one page, after the saved cursor
                let newPages = try await database.journalEntries(after: Int64(journalBefore), limit: 100)
                    .filter { $0.kind == "sync.manifestPage" }
                #expect(newPages.count == 1)
                #expect(newPages.first?.payload.contains("\"upserted\":\"1\"") == true)
                #expect(newPages.first?.payload.contains("\"withdrawn\":\"1\"") == true)
                #expect(try await database.manifestCursor() != cursorBefore)
                // and the withdrawn result in B-07 is a recall task, never a pickup
                let withdrawn = try DossierCode(validating: Self.code(5))
                #expect(try await database.openRecallTasks().map(\.slotId) == ["B-07"])
                #expect(try await database.pickupCredential(for: withdrawn) == .withdrawn)
                // and dossier 6, changed twice, is live in its latest version
                let version = try await database.writer.read { db in
                    try Row.fetchOne(db, sql: "SELECT version, withdrawn FROM manifest_dossier WHERE code = ?",
                                     arguments: [Self.code(6)])
                }
                #expect(version?["version"] == six.changeNumber)
                #expect(version?["withdrawn"] == false)
                #expect(try await database.verifyJournal().isIntact)
                try database.close()
            }
        }
    }

    @Test func aPickupCodeIssuedAfterLoading_authenticatesOfflineFromTheSyncedHash() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await SimHarness.with(dossiers: SeedDossier.ready(3), directory: directory) { sim in
            let database = try AppDatabase(
                path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: SimHarness.kioskID, logger: quietLogger)
            let code = try DossierCode(validating: Self.code(2))
            // Given the kiosk reports a result loaded into B-07 (the backend then texts a pickup code)
            try await database.commit(
                JournalDraft(kind: "handOut.doorClosedWithItem", subject: code.rawValue, actor: "staff:cb01"),
                event: try OutboxDraft(kind: .resultLoaded, dossierCode: code, details: ["MaO": "B-07", "KichThuocO": "S"]),
                at: Date()) { _ in }
            try await SyncRig.withClient(baseURL: sim.baseURL, token: SimHarness.token) { client in
                try await SyncRig.withService(database: database, client: client) { service in
                    try await waitUntil("the load event to be acknowledged") { try await database.outboxDepth() == 0 }
                    service.requestManifestPull()
                    try await waitUntil("the pickup code hash to arrive") {
                        if case .code = try await database.pickupCredential(for: code) { return true }
                        return false
                    }
                }
            }
            // When the backend is gone and the citizen types the code from the SMS
            let sms = try #require(try await sim.backend.smsLog().first { $0.dossierCode == code.rawValue })
            let digits = try #require(sms.text.components(separatedBy: "Ma nhan: ").last?.prefix(6))
            let verifier = PickupVerifier(database: database)
            // Then it is accepted offline, and a different code is not
            #expect(try await verifier.check(PickupCode(String(digits)), for: code, at: Date()) == .accepted)
            let wrong = String(digits) == "000000" ? "111111" : "000000"
            #expect(try await verifier.check(PickupCode(wrong), for: code, at: Date()) == .wrongCode)
            try database.close()
        }
    }

    /// A hand-out ready for pickup in `slot`, written as the hand-out flow would leave it.
    static func loadIntoSlot(_ code: String, slot label: String, database: AppDatabase) async throws {
        let dossierCode = try DossierCode(validating: code)
        let slotID = try #require(SlotID(label))
        let now = Date()
        let handOut = HandOut(
            restoring: UUID(), dossierCode: dossierCode, inPersonOnly: false, holdingPolicy: .standard,
            attemptPolicy: .standard, state: .readyForPickup, slot: slotID, feeDue: 0, wrongAttempts: 0,
            lockedForStaff: false, loadedAt: now, holdUntil: now + 86_400, handedOutAt: nil, incidentCause: nil)
        try await database.writer.write { db in
            var slot = SlotRecord(id: slotID, size: .small, doorHeightMm: 900, updatedAt: now)
            try slot.insert(db)
            try HandOutRecord(handOut, pickupCodeHash: nil, createdAt: now, updatedAt: now).insert(db)
            slot.state = .occupied
            slot.handOutId = handOut.id
            try slot.update(db)
        }
    }

    /// The manifest cursor stored in the file at `path`.
    static func cursor(at path: String) async throws -> String? {
        let database = try AppDatabase(path: path, kioskID: SimHarness.kioskID, logger: quietLogger)
        defer { try? database.close() }
        return try await database.manifestCursor()
    }
}
