import Foundation
import GRDB
import KioskDomain
import Testing
@testable import KioskStore

/// The synced tables: manifest pages with their cursor, tombstones, catalogue, staff directory
/// and sync health, against a real database file.
@Suite struct SyncStoreTests {
    static func live(_ code: String, version: Int64, name: String = "Đăng ký hộ kinh doanh", fee: Int = 0,
                     pickup: SecretHash? = nil) throws -> ManifestEntry {
        let dossier = try Dossier(
            code: Fixture.code(code), procedureCode: ProcedureCode("1.001612")!, procedureName: name,
            nationalStatus: .resultReady, ownerNameMasked: "Nguyễn T** Thu Hà", ownerIdLast4: "4821",
            phoneMasked: "09******68", dueAt: nil, feeDue: fee, requiredSize: .small, inPersonOnly: false)
        return ManifestEntry(
            code: dossier.code, version: version,
            content: .live(ManifestDossier(dossier: dossier, pickupCodeHash: pickup, holdUntil: Fixture.now + 7 * 86_400)))
    }

    static func hash(_ secret: String) throws -> SecretHash {
        try SecretHash(hashing: secret, iterations: SecretHash.minimumIterations)
    }

    @Test func aPageAndItsCursor_areDurableTogether_andSurviveReopening() async throws {
        try await withTemporaryStore { temp throws in
            // Given a page of two dossiers applied with cursor c1
            do {
                let database = try temp.open()
                let result = try await database.applyManifestPage(
                    [try Self.live("000.28.21.H28-251107-0012", version: 1),
                     try Self.live("000.28.21.H28-251107-0013", version: 1)],
                    cursor: "c1", at: Fixture.now)
                #expect(result.upserted == 2)
                try database.close()
            }
            // When the file is reopened
            let database = try temp.open()
            // Then the cursor and the dossiers are there, with one journal entry for the page
            #expect(try await database.manifestCursor() == "c1")
            #expect(try await database.writer.read { db in try DossierRecord.fetchCount(db) } == 2)
            #expect(try await database.journalEntries().map(\.kind) == ["sync.manifestPage"])
            #expect(try await database.verifyJournal().isIntact)
        }
    }

    @Test func aPageThatBreaksTheSchema_changesNothing_notEvenTheCursor() async throws {
        try await withDatabase { database throws in
            try await database.applyManifestPage([try Self.live("000.28.21.H28-251107-0012", version: 1)], cursor: "c1",
                                                 at: Fixture.now)
            // Given a page whose second entry carries an owner hash the schema refuses (not 64 hex)
            var bad = try Self.live("000.28.21.H28-251107-0099", version: 1)
            if case .live(var live) = bad.content {
                live.ownerIdHash = "sha256:short"
                bad.content = .live(live)
            }
            await #expect(throws: DatabaseError.self) {
                try await database.applyManifestPage(
                    [try Self.live("000.28.21.H28-251107-0098", version: 1), bad], cursor: "c2", at: Fixture.now)
            }
            // Then neither the first entry nor the cursor of the failed page was kept
            #expect(try await database.manifestCursor() == "c1")
            #expect(try await database.writer.read { db in try DossierRecord.fetchCount(db) } == 1)
            #expect(try await database.journalEntries().count == 1)
        }
    }

    @Test func aDossierChangedTwice_endsInItsLatestVersion_whateverOrderTheVersionsArriveIn() async throws {
        try await withDatabase { database throws in
            let code = "000.28.21.H28-251107-0012"
            try await database.applyManifestPage([try Self.live(code, version: 1, fee: 0)], cursor: "c1", at: Fixture.now)
            let second = try await database.applyManifestPage(
                [try Self.live(code, version: 2, fee: 50_000), try Self.live(code, version: 3, fee: 100_000)],
                cursor: "c2", at: Fixture.now)
            let late = try await database.applyManifestPage([try Self.live(code, version: 2, fee: 50_000)], cursor: "c3",
                                                            at: Fixture.now)
            #expect(second.upserted == 2)
            #expect(late.ignoredStale == 1)
            let row = try await database.writer.read { db in try DossierRecord.fetchOne(db, key: code) }
            #expect(row?.feeDue == 100_000)
            #expect(try await database.manifestCursor() == "c3")
        }
    }

    @Test func pickupCodeHash_isLookedUpOffline_andReplacedOrRemovedByNewerVersions() async throws {
        try await withDatabase { database throws in
            let code = try Fixture.code("000.28.21.H28-251107-0012")
            try await database.applyManifestPage([try Self.live(code.rawValue, version: 1)], cursor: "c1", at: Fixture.now)
            #expect(try await database.pickupCredential(for: code) == .none)
            try await database.applyManifestPage(
                [try Self.live(code.rawValue, version: 2, pickup: try Self.hash("482913"))], cursor: "c2", at: Fixture.now)
            guard case .code(let hash, let expires) = try await database.pickupCredential(for: code) else {
                Issue.record("expected a code hash")
                return
            }
            #expect(hash.verify("482913"))
            #expect(!hash.verify("482914"))
            #expect(expires != nil)
            try await database.applyManifestPage([try Self.live(code.rawValue, version: 3)], cursor: "c3", at: Fixture.now)
            #expect(try await database.pickupCredential(for: code) == .none)
        }
    }

    @Test func aTombstoneForAResultInASlot_cancelsTheHandOut_andCreatesARecallTask_neverAPickup() async throws {
        try await withDatabase { database throws in
            // Given a loaded result in slot B-07 with a pickup code, and another dossier not yet loaded
            let loadedCode = "000.28.21.H28-251107-0012"
            let waitingCode = "000.28.21.H28-251107-0013"
            try await database.applyManifestPage(
                [try Self.live(loadedCode, version: 1, pickup: try Self.hash("482913")),
                 try Self.live(waitingCode, version: 1)], cursor: "c1", at: Fixture.now)
            let slotID = SlotID("B-07")!
            let loaded = HandOut(
                restoring: UUID(), dossierCode: try Fixture.code(loadedCode), inPersonOnly: false,
                holdingPolicy: .standard, attemptPolicy: .standard, state: .readyForPickup, slot: slotID, feeDue: 0,
                wrongAttempts: 0, lockedForStaff: false, loadedAt: Fixture.now, holdUntil: Fixture.now + 86_400,
                handedOutAt: nil, incidentCause: nil)
            let waiting = HandOut(
                id: UUID(), dossier: try DossierRecord(
                    code: try Fixture.code(waitingCode), procedureCode: ProcedureCode("1.001612")!, procedureName: "x",
                    nationalStatus: .resultReady, ownerNameMasked: "A", updatedAt: Fixture.now).domainValue())
            try await database.writer.write { db in
                var slot = Fixture.slot("B-07")
                try slot.insert(db)
                try HandOutRecord(loaded, pickupCodeHash: "h", createdAt: Fixture.now, updatedAt: Fixture.now).insert(db)
                try HandOutRecord(waiting, pickupCodeHash: nil, createdAt: Fixture.now, updatedAt: Fixture.now).insert(db)
                slot.state = .occupied
                slot.handOutId = loaded.id
                try slot.update(db)
            }
            // When tombstones for both arrive
            let result = try await database.applyManifestPage(
                [ManifestEntry(code: try Fixture.code(loadedCode), version: 2, content: .withdrawn),
                 ManifestEntry(code: try Fixture.code(waitingCode), version: 2, content: .withdrawn)],
                cursor: "c2", at: Fixture.now + 60)
            // Then the loaded one is cancelled with a recall task for its slot, and can no longer be picked up
            #expect(result.withdrawn == 2)
            #expect(result.recallTasks.map(\.slotId) == ["B-07"])
            #expect(try await database.openRecallTasks().map(\.handOutId) == [loaded.id])
            #expect(try await database.pickupCredential(for: try Fixture.code(loadedCode)) == .withdrawn)
            let states = try await database.writer.read { db in
                try HandOutRecord.fetchAll(db).reduce(into: [UUID: HandOutState]()) { $0[$1.id] = $1.state }
            }
            #expect(states[loaded.id] == .cancelled)
            #expect(states[waiting.id] == .cancelled)
            let hash = try await database.writer.read { db in try HandOutRecord.fetchOne(db, key: loaded.id)?.pickupCodeHash }
            #expect(hash == nil)
            // And an older live version arriving late does not resurrect it
            let late = try await database.applyManifestPage([try Self.live(loadedCode, version: 1)], cursor: "c3",
                                                            at: Fixture.now + 120)
            #expect(late.ignoredStale == 1)
            #expect(try await database.pickupCredential(for: try Fixture.code(loadedCode)) == .withdrawn)
            #expect(try await database.verifyJournal().isIntact)
            #expect(try await database.journalEntries().map(\.kind).filter { $0 == "handOut.withdrawnByBackend" }.count == 2)
        }
    }

    @Test func catalogueAndStaffDirectory_replaceWholesale_onlyWithANewerVersion() async throws {
        try await withDatabase { database throws in
            let procedure = CatalogueProcedure(
                code: ProcedureCode("1.001612")!, name: "Đăng ký thành lập hộ kinh doanh", field: "Kinh doanh",
                acceptsHandIn: true, returnsResult: true, inPersonOnly: false, defaultSize: .small, feeVND: 100_000,
                catalogueVersion: 0)
            #expect(try await database.replaceCatalogue([procedure], version: 3, at: Fixture.now))
            let stale = try await database.replaceCatalogue([], version: 2, at: Fixture.now)
            #expect(!stale)
            #expect(try await database.catalogue().map(\.catalogueVersion) == [3])
            #expect(try await database.syncedVersion(of: "catalogue") == 3)

            let pin = try Self.hash("2468")
            let first = [
                StaffDirectoryEntry(id: "cb01", displayName: "Trần Văn An", pinHash: pin, roles: [.staff]),
                StaffDirectoryEntry(id: "kt01", displayName: "Lê Thị Bình", pinHash: pin, roles: [.technician]),
            ]
            #expect(try await database.replaceStaffDirectory(first, version: 1, at: Fixture.now))
            #expect(try await database.replaceStaffDirectory([first[0]], version: 2, at: Fixture.now))
            let login = try #require(try await database.staffIdentity(id: "cb01"))
            #expect(login.identity.roles == [.staff])
            #expect(try SecretHash(encoded: login.pinHash).verify("2468"))
            #expect(try await database.staffIdentity(id: "kt01") == nil)
            await #expect(throws: StoreError.self) {
                try await database.replaceStaffDirectory(
                    [StaffDirectoryEntry(id: "x", displayName: "x", pinHash: pin, roles: [])], version: 3, at: Fixture.now)
            }
            #expect(try await database.syncedVersion(of: "staff") == 2)
        }
    }

    @Test func syncHealth_keepsSuccessErrorAndClockOffset_acrossUpdates() async throws {
        try await withDatabase { database throws in
            #expect(try await database.syncHealth() == .empty)
            try await database.recordSyncSuccess(.push, at: Fixture.now)
            try await database.recordSyncError(String(repeating: "x", count: 900), at: Fixture.now + 5)
            try await database.recordClockOffset(milliseconds: -1_250, at: Fixture.now + 6)
            try await database.recordSyncSuccess(.pull, at: Fixture.now + 7)
            let health = try await database.syncHealth()
            #expect(health.lastPushAt == Fixture.now)
            #expect(health.lastPullAt == Fixture.now + 7)
            #expect(health.lastSuccessAt == Fixture.now + 7)
            #expect(health.lastErrorAt == Fixture.now + 5)
            #expect(health.lastError?.count == 500)
            #expect(health.clockOffsetMs == -1_250)
        }
    }
}
