import Foundation
import GRDB

extension AppDatabase {
    /// When the oldest unacknowledged event happened, or `nil` when the outbox is drained; the
    /// sync lag is the time since then.
    public func oldestPendingEventTime() async throws -> Date? {
        let text = try await writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT occurredAt FROM outbox WHERE state <> 'acknowledged' ORDER BY seq LIMIT 1")
        }
        guard let text else { return nil }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

extension AppDatabase {
    /// The highest acknowledged sequence number (0 when none), reported in heartbeats.
    public func lastAcknowledgedSequence() async throws -> Int64 {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT max(seq) FROM outbox WHERE state = 'acknowledged'") ?? 0
        }
    }
}
