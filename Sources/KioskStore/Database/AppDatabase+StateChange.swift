import Foundation
import GRDB
import KioskDomain

/// What one committed state change produced.
public struct CommittedChange<Value: Sendable>: Sendable {
    /// What the change's own work returned.
    public let value: Value
    /// The journal entry written with it.
    public let journalSeq: Int64
    /// The outbox row written with it, when the change reports to the backend.
    public let outboxSeq: Int64?
    /// The event id of that outbox row.
    public let eventID: UUID?
}

extension AppDatabase {
    /// Applies one state change in one write transaction: `apply` writes the new state, then the
    /// journal entry and (when `event` is given) the outbox row are appended. Either all of it is
    /// durable when this returns, or none of it is.
    ///
    /// Never call device I/O inside `apply`: record the intent, do the I/O, record the outcome.
    /// - Throws: whatever `apply` throws, `DatabaseError` when a constraint refuses the change.
    @discardableResult
    public func commit<Value: Sendable>(
        _ journal: JournalDraft, event: OutboxDraft? = nil, at date: Date,
        apply: @escaping @Sendable (Database) throws -> Value
    ) async throws -> CommittedChange<Value> {
        try await writer.write { db in
            let value = try apply(db)
            let entry = try Self.appendJournal(journal, at: date, in: db)
            guard let event else {
                return CommittedChange(value: value, journalSeq: entry.seq, outboxSeq: nil, eventID: nil)
            }
            let row = try Self.appendOutbox(event, journalSeq: entry.seq, occurredAt: entry.recordedAt, in: db)
            return CommittedChange(value: value, journalSeq: entry.seq, outboxSeq: row.seq, eventID: row.eventId)
        }
    }

    /// Appends a journal entry (no state change), e.g. a technician reading diagnostics.
    @discardableResult
    public func record(_ journal: JournalDraft, at date: Date) async throws -> Int64 {
        try await commit(journal, at: date) { _ in () }.journalSeq
    }

    static func appendJournal(_ draft: JournalDraft, at date: Date, in db: Database) throws -> JournalEntry {
        let head = try journalHead(db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload = String(decoding: try encoder.encode(draft.details), as: UTF8.self)
        let seq = (head?.seq ?? 0) + 1
        let recordedAt = KioskTime.iso8601(date)
        let previousHash = head?.hash ?? JournalChain.genesisHash
        let entry = JournalEntry(
            seq: seq, recordedAt: recordedAt, kind: draft.kind, subject: draft.subject, actor: draft.actor,
            payload: payload, previousHash: previousHash,
            hash: JournalChain.hash(
                previousHash: previousHash, seq: seq, recordedAt: recordedAt, kind: draft.kind,
                subject: draft.subject, actor: draft.actor, payload: payload))
        try entry.insert(db)
        try db.execute(
            sql: "INSERT OR REPLACE INTO kiosk_meta (key, value) VALUES ('journal.head', ?)",
            arguments: ["\(seq) \(entry.hash)"])
        return entry
    }

    static func appendOutbox(
        _ draft: OutboxDraft, journalSeq: Int64, occurredAt: String, in db: Database
    ) throws -> OutboxEvent {
        try db.execute(sql: "UPDATE sequence_counter SET value = value + 1 WHERE name = 'outbox'")
        guard let seq = try Int64.fetchOne(db, sql: "SELECT value FROM sequence_counter WHERE name = 'outbox'") else {
            throw StoreError.notFound("outbox sequence counter")
        }
        let row = OutboxEvent(
            seq: seq, eventId: UUID(), kind: draft.kind, dossierCode: draft.dossierCode?.rawValue,
            occurredAt: occurredAt, payload: String(decoding: draft.payload, as: UTF8.self),
            journalSeq: journalSeq, state: .created, attempts: 0, sentAt: nil, acknowledgedAt: nil)
        try row.insert(db)
        return row
    }

    /// The last journal position and hash as recorded when it was appended.
    static func journalHead(_ db: Database) throws -> (seq: Int64, hash: String)? {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM kiosk_meta WHERE key = 'journal.head'") else {
            return nil
        }
        let parts = text.split(separator: " ")
        guard parts.count == 2, let seq = Int64(parts[0]) else {
            throw StoreError.conflict("journal head is unreadable")
        }
        return (seq, String(parts[1]))
    }
}
