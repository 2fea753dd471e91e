import Foundation
import GRDB

extension AppDatabase {
    /// Events not yet acknowledged, in sequence order, at most `limit` (1–1,000).
    public func pendingEvents(limit: Int = 100) async throws -> [OutboxEvent] {
        let bounded = min(max(limit, 1), 1_000)
        return try await writer.read { db in
            try OutboxEvent.filter(Column("state") != OutboxEvent.DeliveryState.acknowledged.rawValue)
                .order(Column("seq")).limit(bounded).fetchAll(db)
        }
    }

    /// Records that the events with these sequence numbers were handed to the backend client.
    public func markSent(_ seqs: [Int64], at date: Date) async throws {
        try await writer.write { db in
            for seq in seqs {
                try db.execute(
                    sql: """
                        UPDATE outbox SET state = 'sent', attempts = attempts + 1, sentAt = ?
                        WHERE seq = ? AND state <> 'acknowledged'
                        """,
                    arguments: [date, seq])
            }
        }
    }

    /// Records the backend's acknowledgement of these event ids; unknown ids are ignored.
    /// - Returns: how many events changed to acknowledged.
    @discardableResult
    public func acknowledge(_ eventIDs: [UUID], at date: Date) async throws -> Int {
        try await writer.write { db in try Self.markAcknowledged(eventIDs, at: date, in: db) }
    }

    /// Marks these event ids acknowledged inside a write; returns how many changed.
    static func markAcknowledged(_ eventIDs: [UUID], at date: Date, in db: Database) throws -> Int {
        var changed = 0
        for id in eventIDs {
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'acknowledged', acknowledgedAt = ?
                    WHERE eventId = ? AND state <> 'acknowledged'
                    """,
                arguments: [date, id.uuidString.lowercased()])
            changed += db.changesCount
        }
        return changed
    }

    /// How many events the backend has not acknowledged yet.
    public func outboxDepth() async throws -> Int {
        try await writer.read { db in
            try OutboxEvent.filter(Column("state") != OutboxEvent.DeliveryState.acknowledged.rawValue).fetchCount(db)
        }
    }

    /// The last sequence number handed out (0 when none).
    public func lastOutboxSequence() async throws -> Int64 {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM sequence_counter WHERE name = 'outbox'") ?? 0
        }
    }
}
