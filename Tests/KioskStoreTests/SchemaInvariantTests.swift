import Foundation
import GRDB
import KioskDomain
import Testing
@testable import KioskStore

@Suite struct SchemaInvariantTests {
    /// Runs `body` on a store holding one dossier, one hand-out in slot A-01, and a free slot A-02.
    private func withStoreWithOccupiedSlot(_ body: (AppDatabase, UUID) async throws -> Void) async throws {
        try await withDatabase { database throws in
            let handOutID = UUID()
            try await database.writer.write { db in
                let dossier = try Fixture.dossier("000.28.21.H28-251110-0003")
                try dossier.insert(db)
                try HandOutRecord(id: handOutID, dossierCode: dossier.code, createdAt: Fixture.now).insert(db)
                var slot = Fixture.slot("A-01")
                slot.state = .occupied
                slot.handOutId = handOutID
                try slot.insert(db)
                try Fixture.slot("A-02").insert(db)
            }
            try await body(database, handOutID)
        }
    }

    @Test func secondItemInOneSlot_isRefusedBySchema() async throws {
        // Given a slot already holding a result
        try await withStoreWithOccupiedSlot { database, _ throws in
            // When a citizen drop is put into the same slot
            let handInID = UUID()
            let error = await #expect(throws: DatabaseError.self) {
                try await database.writer.write { db in
                    try HandInRecord(id: handInID, procedureCode: ProcedureCode("1.001193")!,
                                     submitterNameMasked: "Đặng T** Yến", papers: ["Tờ khai"], createdAt: Fixture.now).insert(db)
                    try db.execute(sql: "UPDATE slot SET handInId = ? WHERE id = 'A-01'", arguments: [handInID.uuidString.lowercased()])
                }
            }
            // Then SQLite refuses it with a CHECK constraint, and nothing of the transaction remains
            #expect(error?.resultCode == .SQLITE_CONSTRAINT)
            #expect(try await database.writer.read { db in try HandInRecord.fetchCount(db) } == 0)
        }
    }

    @Test func oneItemInTwoSlots_isRefusedBySchema() async throws {
        try await withStoreWithOccupiedSlot { database, handOutID throws in
            let error = await #expect(throws: DatabaseError.self) {
                try await database.writer.write { db in
                    try db.execute(sql: "UPDATE slot SET state = 'CO_HANG', handOutId = ? WHERE id = 'A-02'",
                                   arguments: [handOutID.uuidString.lowercased()])
                }
            }
            #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        }
    }

    @Test func freeSlotWithAnOccupant_andOccupiedSlotWithout_areRefused() async throws {
        try await withStoreWithOccupiedSlot { database, _ throws in
            for sql in ["UPDATE slot SET state = 'TRONG' WHERE id = 'A-01'",
                        "UPDATE slot SET state = 'CO_HANG' WHERE id = 'A-02'"] {
                let error = await #expect(throws: DatabaseError.self) {
                    try await database.writer.write { db in try db.execute(sql: sql) }
                }
                #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK, "\(sql)")
            }
        }
    }

    @Test func unknownStates_andImpossibleValues_areRefusedByChecks() async throws {
        try await withStoreWithOccupiedSlot { database, handOutID throws in
            let id = handOutID.uuidString.lowercased()
            let refused: [(String, StatementArguments)] = [
                ("UPDATE hand_out SET state = 'BIEN_MAT' WHERE id = ?", [id]),
                ("UPDATE hand_out SET state = 'DA_TRA' WHERE id = ?", [id]),   // no handedOutAt
                ("UPDATE hand_out SET wrongAttempts = -1 WHERE id = ?", [id]),
                ("UPDATE dossier SET nationalStatus = 11", []),
                ("UPDATE dossier SET feeDue = -5", []),
                ("UPDATE slot SET size = 'XL' WHERE id = 'A-02'", []),
                ("INSERT INTO staff_role (staffId, role) VALUES ('nobody', 'staff')", []),
            ]
            for (sql, arguments) in refused {
                let error = await #expect(throws: DatabaseError.self, "\(sql)") {
                    try await database.writer.write { db in try db.execute(sql: sql, arguments: arguments) }
                }
                #expect(error?.resultCode == .SQLITE_CONSTRAINT, "\(sql)")
            }
        }
    }

    @Test func secondActiveHandOutForOneDossier_isRefused() async throws {
        try await withStoreWithOccupiedSlot { database, _ throws in
            let error = await #expect(throws: DatabaseError.self) {
                try await database.writer.write { db in
                    try HandOutRecord(id: UUID(), dossierCode: try Fixture.code("000.28.21.H28-251110-0003"),
                                      createdAt: Fixture.now).insert(db)
                }
            }
            #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        }
    }

    @Test func duplicateEventID_isRefused() async throws {
        try await withDatabase { database throws in
            try await database.commit(
                JournalDraft(kind: "k", subject: "s", actor: "system"),
                event: try OutboxDraft(kind: .incident, dossierCode: nil, details: ["x": "1"]), at: Fixture.now) { _ in }
            let error = await #expect(throws: DatabaseError.self) {
                try await database.writer.write { db in
                    try db.execute(sql: """
                        INSERT INTO outbox (seq, eventId, kind, occurredAt, payload, journalSeq)
                        SELECT 2, eventId, kind, occurredAt, payload, journalSeq FROM outbox WHERE seq = 1
                        """)
                }
            }
            #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        }
    }
}
