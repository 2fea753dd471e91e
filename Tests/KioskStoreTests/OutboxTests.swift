import Foundation
import GRDB
import KioskDomain
import Testing
@testable import KioskStore

@Suite struct OutboxTests {
    @Test func tenThousandConcurrentStateChanges_leaveAGapFreeOutboxSequence() async throws {
        // Given one store and 8 tasks committing 1,250 changes each at the same time
        try await withTemporaryStore { temp throws in
            let database = try temp.open()
            let tasks = 8
            let perTask = 1_250
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<tasks {
                    group.addTask {
                        for index in 0..<perTask {
                            try await database.commit(
                                JournalDraft(kind: "test.change", subject: "task-\(task)", actor: "system"),
                                event: try OutboxDraft(kind: .incident, dossierCode: nil, details: ["i": "\(index)"]),
                                at: Fixture.now
                            ) { db in
                                try db.execute(sql: "INSERT OR REPLACE INTO kiosk_meta (key, value) VALUES (?, ?)",
                                               arguments: ["test.task.\(task)", "\(index)"])
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            // Then sequences run 1…10,000 without gaps or repeats, each with its own event id and journal entry
            let rows = try await database.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT seq, eventId, journalSeq FROM outbox ORDER BY seq")
            }
            let total = tasks * perTask
            #expect(rows.map { $0["seq"] as Int64 } == (1...Int64(total)).map { $0 })
            #expect(Set(rows.map { $0["eventId"] as String }).count == total)
            #expect(Set(rows.map { $0["journalSeq"] as Int64 }).count == total)
            #expect(try await database.lastOutboxSequence() == Int64(total))
            #expect(try await database.verifyJournal().isIntact)
        }
    }

    @Test func acknowledgedEvents_leaveThePendingList_andTheirSequenceIsNeverReused() async throws {
        // Given three events
        try await withDatabase { database throws in
            var ids: [UUID] = []
            for index in 1...3 {
                let change = try await database.commit(
                    JournalDraft(kind: "k", subject: "s", actor: "system"),
                    event: try OutboxDraft(kind: .incident, dossierCode: nil, details: ["n": "\(index)"]), at: Fixture.now) { _ in }
                ids.append(try #require(change.eventID))
            }
            // When the first two are sent and acknowledged (one of them twice)
            try await database.markSent([1, 2], at: Fixture.now)
            #expect(try await database.acknowledge([ids[0], ids[1], ids[0], UUID()], at: Fixture.now) == 2)
            // Then only the third is pending, and the next event gets sequence 4
            #expect(try await database.pendingEvents().map(\.seq) == [3])
            #expect(try await database.outboxDepth() == 1)
            let next = try await database.commit(
                JournalDraft(kind: "k", subject: "s", actor: "system"),
                event: try OutboxDraft(kind: .incident, dossierCode: nil, details: ["n": "4"]), at: Fixture.now) { _ in }
            #expect(next.outboxSeq == 4)
            let sent = try await database.writer.read { db in try OutboxEvent.fetchOne(db, key: 1) }
            #expect(sent?.state == .acknowledged)
            #expect(sent?.attempts == 1)
        }
    }

    @Test func eventPayload_mustBeAJSONObject() async throws {
        try await withDatabase { database throws in
            await #expect(throws: DatabaseError.self) {
                try await database.commit(
                    JournalDraft(kind: "k", subject: "s", actor: "system"),
                    event: OutboxDraft(kind: .incident, dossierCode: nil, payloadJSON: Data("[1,2]".utf8)), at: Fixture.now) { _ in }
            }
            #expect(try await database.journalEntries().isEmpty)
        }
    }
}
