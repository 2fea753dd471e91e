import Foundation
import GRDB

extension AppDatabase {
    /// Every outbox event after sequence number `seq`, whatever its delivery state, in sequence
    /// order, at most `limit` (1–10,000); page on with the last `seq` returned. Reads only.
    public func outboxEvents(after seq: Int64 = 0, limit: Int = 1_000) async throws -> [OutboxEvent] {
        let bounded = min(max(limit, 1), 10_000)
        return try await writer.read { db in
            try OutboxEvent.filter(Column("seq") > seq).order(Column("seq")).limit(bounded).fetchAll(db)
        }
    }
}
