import Foundation
import GRDB
import KioskDomain
import Testing
@testable import KioskStore

/// The state machines and the store together: every accepted step is one transaction holding the
/// new hand-out and slot rows, the step's journal entry and, when it reports, its outbox row.
@Suite struct FlowPersistenceTests {
    private static let actor = "staff:cb01"

    /// Applies a hand-out event and the slot events its door outcome implies, then commits the
    /// new rows with the journal entry and event the actions ask for.
    private func step(
        _ database: AppDatabase, handOut: inout HandOut, slot: inout Slot, event: HandOutEvent,
        slotEvents: [SlotEvent], at date: Date
    ) async throws -> CommittedChange<Void> {
        var nextHandOut = handOut
        var nextSlot = slot
        let actions = try nextHandOut.handle(event)
        for slotEvent in slotEvents { _ = try nextSlot.handle(slotEvent) }
        for action in actions {
            if case .reserveSlot(let id, let occupant) = action, id == nextSlot.id {
                _ = try nextSlot.handle(.reserve(for: occupant))
            }
        }
        guard case .journal(let kind, let subject)? = actions.first else {
            throw StoreError.conflict("step without journal entry")
        }
        let emitted = actions.compactMap { action -> BackendEventKind? in
            if case .emit(let kind, _) = action { return kind }
            return nil
        }
        #expect(emitted.count <= 1)
        let event = try emitted.first.map {
            try OutboxDraft(kind: $0, dossierCode: nextHandOut.dossierCode, details: ["MaO": nextSlot.id.rawValue])
        }
        let handOutRow = HandOutRecord(nextHandOut, pickupCodeHash: nil, createdAt: Fixture.now, updatedAt: date)
        let slotRow = SlotRecord(nextSlot, updatedAt: date)
        let change = try await database.commit(
            JournalDraft(kind: kind, subject: subject, actor: Self.actor, details: ["state": nextHandOut.state.rawValue]),
            event: event, at: date
        ) { db in
            try handOutRow.update(db)
            try slotRow.update(db)
        }
        handOut = nextHandOut
        slot = nextSlot
        return change
    }

    @Test func loadThenPickup_persistsEveryStep_andReportsLoadedThenHandedOutInOrder() async throws {
        try await withDatabase { database throws in
            // Given a dossier ready at the kiosk, a free slot and a hand-out waiting to be loaded
            let dossierRow = try Fixture.dossier("000.28.21.H28-251110-0003")
            let dossier = try dossierRow.domainValue()
            var slot = try Slot(id: SlotID("B-07")!, size: .small, doorHeightMm: 900)
            var handOut = HandOut(id: UUID(), dossier: dossier)
            try await database.writer.write { db in
                try dossierRow.insert(db)
                try SlotRecord(slot, updatedAt: Fixture.now).insert(db)
                try HandOutRecord(handOut, pickupCodeHash: nil, createdAt: Fixture.now, updatedAt: Fixture.now).insert(db)
            }
            let t = { (seconds: Double) in Fixture.now.addingTimeInterval(seconds) }
            // When staff load it and a citizen picks it up
            _ = try await step(database, handOut: &handOut, slot: &slot, event: .loadStarted(slot: slot.id),
                               slotEvents: [], at: t(1))
            _ = try await step(database, handOut: &handOut, slot: &slot, event: .doorClosedWithItem(at: t(20)),
                               slotEvents: [.doorOpened(.load), .doorClosed(itemPresent: true)], at: t(20))
            _ = try await step(database, handOut: &handOut, slot: &slot, event: .codeVerified(feeDue: 0),
                               slotEvents: [], at: t(3600))
            let last = try await step(database, handOut: &handOut, slot: &slot, event: .doorClosedEmpty(at: t(3630)),
                                      slotEvents: [.doorOpened(.pickup), .doorClosed(itemPresent: false)], at: t(3630))
            // Then the rows read back equal the machines' values
            let stored = try #require(try await database.writer.read { db in try HandOutRecord.fetchOne(db, key: handOut.id) })
            #expect(stored.domainValue(inPersonOnly: false, holdingPolicy: .standard, attemptPolicy: .standard) == handOut)
            #expect(handOut.state == .handedOut)
            let storedSlot = try #require(try await database.writer.read { db in try SlotRecord.fetchOne(db, key: slot.id.rawValue) })
            #expect(try storedSlot.domainValue() == slot)
            #expect(slot.state == .free)
            // And the backend hears of the load, then the hand-out, in that order, each backed by its journal entry
            let events = try await database.pendingEvents()
            #expect(events.map(\.kind) == [.resultLoaded, .resultHandedOut])
            #expect(events.map(\.seq) == [1, 2])
            #expect(last.outboxSeq == 2)
            let journal = try await database.journalEntries()
            #expect(journal.map(\.kind) == ["handOut.loadStarted", "handOut.doorClosedWithItem",
                                            "handOut.codeVerified", "handOut.doorClosedEmpty"])
            #expect(events.map(\.journalSeq) == [2, 4])
            #expect(try await database.verifyJournal().isIntact)
        }
    }

    @Test func refusedStep_changesNothing_inTheMachineOrTheStore() async throws {
        try await withDatabase { database throws in
            let dossierRow = try Fixture.dossier("000.28.21.H28-251110-0003")
            var slot = try Slot(id: SlotID("B-07")!, size: .small, doorHeightMm: 900)
            var handOut = HandOut(id: UUID(), dossier: try dossierRow.domainValue())
            try await database.writer.write { db in
                try dossierRow.insert(db)
                try SlotRecord(slot, updatedAt: Fixture.now).insert(db)
                try HandOutRecord(handOut, pickupCodeHash: nil, createdAt: Fixture.now, updatedAt: Fixture.now).insert(db)
            }
            let before = handOut
            // When a hand-out that was never loaded is reported as emptied
            await #expect(throws: HandOutRefusal.self) {
                _ = try await step(database, handOut: &handOut, slot: &slot, event: .doorClosedEmpty(at: Fixture.now),
                                   slotEvents: [], at: Fixture.now)
            }
            // Then neither the value nor the store moved
            #expect(handOut == before)
            #expect(try await database.journalEntries().isEmpty)
            #expect(try await database.outboxDepth() == 0)
        }
    }

    @Test func inconsistentSlotRow_isReportedNotTrusted() throws {
        var row = Fixture.slot("C-01")
        row.state = .free
        row.wearCount = -3
        #expect(throws: StoredRowError.self) { try row.domainValue() }
    }
}
