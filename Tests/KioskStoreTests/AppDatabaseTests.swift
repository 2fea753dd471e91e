import Foundation
import GRDB
import KioskDomain
import Testing
@testable import KioskStore

@Suite struct AppDatabaseTests {
    @Test func open_configuresWALFullSyncAndForeignKeys_andAppliesNamedMigrations() async throws {
        // Given a fresh file
        try await withTemporaryStore { temp throws in
            // When it is opened
            let database = try temp.open()
            // Then durability settings and the schema history are as designed
            #expect(try database.pragma("journal_mode") == "wal")
            #expect(try database.pragma("synchronous") == "2")
            #expect(try database.pragma("foreign_keys") == "1")
            #expect(try database.appliedMigrations() == [
                "v1-kiosk-meta", "v1-dossiers-slots-flows", "v1-staff", "v1-journal", "v1-outbox", "v2-sync",
            ])
        }
    }

    @Test func committedState_survivesClosingAndReopening() async throws {
        // Given a slot, a dossier and a loaded hand-out committed with its journal entry and event
        try await withTemporaryStore { temp throws in
            let handOutID = UUID()
            do {
                let database = try temp.open()
                let dossier = try Fixture.dossier("000.28.21.H28-251107-0012")
                try await database.commit(
                    JournalDraft(kind: "handOut.loaded", subject: dossier.code.rawValue, actor: "staff:cb01"),
                    event: try OutboxDraft(kind: .resultLoaded, dossierCode: dossier.code, details: ["MaO": "B-07"]),
                    at: Fixture.now
                ) { db in
                    try dossier.insert(db)
                    var handOut = HandOutRecord(id: handOutID, dossierCode: dossier.code, createdAt: Fixture.now)
                    handOut.state = .readyForPickup
                    handOut.loadedAt = Fixture.now
                    try handOut.insert(db)
                    var slot = Fixture.slot("B-07")
                    slot.state = .occupied
                    slot.handOutId = handOutID
                    try slot.insert(db)
                }
                try database.close()
            }
            // When the file is opened again
            let reopened = try temp.open()
            // Then everything is there as written
            let slot = try await reopened.writer.read { db in try SlotRecord.fetchOne(db, key: "B-07") }
            #expect(slot?.state == .occupied)
            #expect(slot?.handOutId == handOutID)
            let handOut = try await reopened.writer.read { db in try HandOutRecord.fetchOne(db, key: handOutID) }
            #expect(handOut?.state == .readyForPickup)
            #expect(try await reopened.pendingEvents().map(\.kind) == [.resultLoaded])
            #expect(try await reopened.verifyJournal() == .intact(
                entries: 1, headHash: try await reopened.journalEntries().last?.hash ?? ""))
        }
    }

    @Test func open_refusesADatabaseOfAnotherKiosk() async throws {
        try await withTemporaryStore { temp throws in
            try temp.open(kioskID: "KVT01").close()
            #expect(throws: StoreError.conflict("database belongs to kiosk KVT01, not KVT02")) {
                try temp.open(kioskID: "KVT02")
            }
        }
    }

    @Test func failedChange_leavesNoJournalEntryAndNoEvent() async throws {
        // Given an empty store
        try await withDatabase { database throws in
            // When a change fails inside its transaction (a hand-out for an unknown dossier)
            await #expect(throws: DatabaseError.self) {
                try await database.commit(
                    JournalDraft(kind: "handOut.created", subject: "x", actor: "system"),
                    event: try OutboxDraft(kind: .resultLoaded, dossierCode: nil, details: ["a": "b"]),
                    at: Fixture.now
                ) { db in
                    try HandOutRecord(id: UUID(), dossierCode: try Fixture.code("000.28.21.H28-251107-0099"),
                                      createdAt: Fixture.now).insert(db)
                }
            }
            // Then neither the journal nor the outbox moved
            #expect(try await database.journalEntries().isEmpty)
            #expect(try await database.lastOutboxSequence() == 0)
        }
    }
}
