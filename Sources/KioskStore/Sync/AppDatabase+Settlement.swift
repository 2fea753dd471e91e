import Foundation
import GRDB

/// An event the backend refused for good and consumed; kept for technicians.
public struct OutboxRefusal: Sendable, Equatable {
    /// The event's sequence number.
    public var seq: Int64
    /// The event id.
    public var eventID: UUID
    /// The backend's reason, ≤ 500 characters.
    public var reason: String

    /// A refusal.
    public init(seq: Int64, eventID: UUID, reason: String) {
        self.seq = seq
        self.eventID = eventID
        self.reason = reason
    }
}

extension AppDatabase {
    /// Records what the backend settled in one transaction: `accepted` events become acknowledged;
    /// `refused` events become acknowledged too (the backend consumed them and never will apply
    /// them), each with an `outbox_refusal` row and a `sync.eventRefused` journal entry.
    /// - Returns: how many events changed to acknowledged.
    @discardableResult
    public func settleEvents(accepted: [UUID], refused: [OutboxRefusal], at date: Date) async throws -> Int {
        try await writer.write { db in
            let changed = try Self.markAcknowledged(accepted + refused.map(\.eventID), at: date, in: db)
            for refusal in refused {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO outbox_refusal (seq, reason, refusedAt) VALUES (?, ?, ?)",
                    arguments: [refusal.seq, String(refusal.reason.prefix(500)), date])
                guard db.changesCount > 0 else { continue }
                _ = try Self.appendJournal(
                    JournalDraft(
                        kind: "sync.eventRefused", subject: "outbox:\(refusal.seq)", actor: "backend",
                        details: ["reason": String(refusal.reason.prefix(500))]),
                    at: date, in: db)
            }
            return changed
        }
    }

    /// Events the backend refused for good, oldest first.
    public func outboxRefusals() async throws -> [OutboxRefusal] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT r.seq, o.eventId, r.reason FROM outbox_refusal r JOIN outbox o USING (seq) ORDER BY r.seq"
            ).compactMap { row in
                guard let id = UUID(uuidString: row["eventId"] as String? ?? "") else { return nil }
                return OutboxRefusal(seq: row["seq"], eventID: id, reason: row["reason"])
            }
        }
    }
}
