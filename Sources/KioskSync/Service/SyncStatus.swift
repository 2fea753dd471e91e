import Foundation

/// What `/api/health` and the technician screens show about the link to the backend.
public struct SyncStatus: Sendable, Equatable, Codable {
    /// Events the backend has not acknowledged yet.
    public var outboxDepth: Int
    /// Age of the oldest unacknowledged event, seconds (0 when the outbox is drained).
    public var syncLagSeconds: Double
    /// The highest sequence number the backend acknowledged (0 before the first).
    public var lastAcknowledgedSeq: Int64
    /// Seconds since a manifest round last ended up to date; `nil` before the first.
    public var manifestLagSeconds: Double?
    /// Last time any exchange with the backend succeeded.
    public var lastSuccessAt: Date?
    /// Last time a push batch was acknowledged.
    public var lastPushAt: Date?
    /// Last time a manifest round ended up to date.
    public var lastPullAt: Date?
    /// The last error, one English line.
    public var lastError: String?
    /// When the last error happened.
    public var lastErrorAt: Date?
    /// Backend clock minus kiosk clock, milliseconds, from the last heartbeat.
    public var clockOffsetMs: Int64?
    /// Push failures in a row right now (0 when healthy).
    public var consecutivePushFailures: Int
    /// The event the backend refuses, blocking the outbox, when there is one.
    public var blockedAtSeq: Int64?
    /// Whether the backend answered the last exchange (any kind).
    public var backendReachable: Bool
}

/// The live part of the status, kept in memory by the running loops.
struct LiveSyncState: Sendable {
    var consecutivePushFailures = 0
    var blocked: PushBlock?
    var backendReachable = false
}
