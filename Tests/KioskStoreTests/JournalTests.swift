import Foundation
import GRDB
import KioskDomain
import Testing
@testable import KioskStore

@Suite struct JournalTests {
    /// Runs `body` on a store with `count` journal entries, one per second.
    private func withJournal(_ count: Int, _ body: (AppDatabase) async throws -> Void) async throws {
        try await withDatabase { database throws in
            for index in 1...count {
                try await database.record(
                    JournalDraft(kind: "slot.opened", subject: "A-0\(index % 10)", actor: "technician:kt01",
                                 details: ["purpose": "diagnostics", "n": "\(index)"]),
                    at: Fixture.now.addingTimeInterval(Double(index)))
            }
            try await body(database)
        }
    }

    /// Tampers with the file as someone with direct access would: with the guards removed.
    private func tamper(_ database: AppDatabase, _ sql: String) async throws {
        try await database.writer.write { db in
            try db.execute(sql: """
                DROP TRIGGER journal_is_append_only_update;
                DROP TRIGGER journal_is_append_only_delete;
                \(sql)
                """)
        }
    }

    @Test func untouchedJournal_verifiesIntact() async throws {
        try await withJournal(5) { database throws in
            let entries = try await database.journalEntries()
            #expect(entries.map(\.seq) == [1, 2, 3, 4, 5])
            #expect(entries.first?.previousHash == JournalChain.genesisHash)
            #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.hash == $1.previousHash })
            #expect(entries.first?.recordedAt == "2025-11-12T13:47:06.000+07:00")
            #expect(try await database.verifyJournal() == .intact(entries: 5, headHash: entries[4].hash))
        }
    }

    @Test func journal_refusesUpdateAndDeleteThroughSQL() async throws {
        try await withJournal(2) { database throws in
            for sql in ["UPDATE journal SET actor = 'citizen' WHERE seq = 1", "DELETE FROM journal WHERE seq = 2"] {
                let error = await #expect(throws: DatabaseError.self) {
                    try await database.writer.write { db in try db.execute(sql: sql) }
                }
                #expect(error?.message == "journal is append-only")
            }
        }
    }

    @Test func editedRow_isNamedAsAltered() async throws {
        try await withJournal(5) { database throws in
            try await tamper(database, "UPDATE journal SET actor = 'citizen' WHERE seq = 3")
            #expect(try await database.verifyJournal() == .broken(JournalBreak(seq: 3, reason: .contentAltered)))
        }
    }

    @Test func editedRowWithRecomputedHash_isNamedByTheNextLink() async throws {
        // Given an attacker who edits entry 2 and recomputes its own hash
        try await withJournal(4) { database throws in
            let second = try #require(try await database.journalEntries().first { $0.seq == 2 })
            var forged = second
            forged.subject = "Z-99"
            forged.hash = JournalChain.expectedHash(of: forged)
            try await tamper(database, "UPDATE journal SET subject = 'Z-99', hash = '\(forged.hash)' WHERE seq = 2")
            // Then entry 3 no longer links to it
            #expect(try await database.verifyJournal() == .broken(JournalBreak(seq: 3, reason: .linkBroken)))
        }
    }

    @Test func deletedMiddleRow_isNamedAsGap() async throws {
        try await withJournal(5) { database throws in
            try await tamper(database, "DELETE FROM journal WHERE seq = 2")
            #expect(try await database.verifyJournal() == .broken(JournalBreak(seq: 3, reason: .sequenceGap(expected: 2))))
        }
    }

    @Test func deletedLastRows_areNamedAsTruncation() async throws {
        try await withJournal(5) { database throws in
            try await tamper(database, "DELETE FROM journal WHERE seq >= 4")
            #expect(try await database.verifyJournal() == .broken(JournalBreak(seq: 3, reason: .truncatedAfter(recordedHead: 5))))
        }
    }

    @Test func journalPayload_isSortedJSON() async throws {
        try await withJournal(1) { database throws in
            #expect(try await database.journalEntries().first?.payload == #"{"n":"1","purpose":"diagnostics"}"#)
        }
    }
}
