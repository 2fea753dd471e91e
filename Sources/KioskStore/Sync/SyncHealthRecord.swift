import Foundation
import GRDB

/// How the link to the one-stop backend is doing, as last recorded (survives restarts).
public struct SyncHealthRecord: Sendable, Equatable, Codable, FetchableRecord {
    /// Last time any exchange with the backend succeeded.
    public var lastSuccessAt: Date?
    /// Last time a push batch was acknowledged.
    public var lastPushAt: Date?
    /// Last time a manifest round ended up to date.
    public var lastPullAt: Date?
    /// When the last error happened.
    public var lastErrorAt: Date?
    /// The last error, one English line (no secrets, ≤ 500 characters).
    public var lastError: String?
    /// Backend clock minus kiosk clock, milliseconds, from the last heartbeat.
    public var clockOffsetMs: Int64?

    /// Nothing recorded yet.
    public static let empty = SyncHealthRecord()

    /// A record.
    public init(
        lastSuccessAt: Date? = nil, lastPushAt: Date? = nil, lastPullAt: Date? = nil, lastErrorAt: Date? = nil,
        lastError: String? = nil, clockOffsetMs: Int64? = nil
    ) {
        self.lastSuccessAt = lastSuccessAt
        self.lastPushAt = lastPushAt
        self.lastPullAt = lastPullAt
        self.lastErrorAt = lastErrorAt
        self.lastError = lastError
        self.clockOffsetMs = clockOffsetMs
    }
}

/// Which exchange succeeded.
public enum SyncExchange: String, Sendable {
    /// A push batch was acknowledged.
    case push
    /// A manifest round ended up to date.
    case pull
    /// A heartbeat, catalogue or staff refresh.
    case other
}

extension AppDatabase {
    /// The recorded sync health.
    public func syncHealth() async throws -> SyncHealthRecord {
        try await writer.read { db in
            try SyncHealthRecord.fetchOne(db, sql: "SELECT * FROM sync_health WHERE id = 1") ?? .empty
        }
    }

    /// Records a successful exchange at `date`.
    public func recordSyncSuccess(_ exchange: SyncExchange, at date: Date) async throws {
        switch exchange {
        case .push: try await upsertHealth(set: "lastSuccessAt = ?, lastPushAt = ?", at: date, arguments: [date, date])
        case .pull: try await upsertHealth(set: "lastSuccessAt = ?, lastPullAt = ?", at: date, arguments: [date, date])
        case .other: try await upsertHealth(set: "lastSuccessAt = ?", at: date, arguments: [date])
        }
    }

    /// Records an error line (truncated to 500 characters) at `date`.
    public func recordSyncError(_ message: String, at date: Date) async throws {
        try await upsertHealth(
            set: "lastErrorAt = ?, lastError = ?", at: date, arguments: [date, String(message.prefix(500))])
    }

    /// Records the measured clock offset (backend minus kiosk), milliseconds.
    public func recordClockOffset(milliseconds: Int64, at date: Date) async throws {
        try await upsertHealth(set: "clockOffsetMs = ?", at: date, arguments: [milliseconds])
    }

    private func upsertHealth(set assignments: String, at date: Date, arguments: [any DatabaseValueConvertible]) async throws {
        let values = StatementArguments(arguments.map { $0.databaseValue })
        try await writer.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO sync_health (id, updatedAt) VALUES (1, ?)", arguments: [date])
            try db.execute(sql: "UPDATE sync_health SET updatedAt = ?, " + assignments + " WHERE id = 1", arguments: [date] + values)
        }
    }
}
