import Foundation
import KioskDomain

/// How the link to the one-stop backend is doing, as the composition root reads it from the sync
/// service for `/api/health`. Free of secrets: errors are one English line without the token.
public struct SyncHealth: Sendable, Equatable {
    /// Events the backend has not acknowledged yet.
    public var outboxDepth: Int
    /// Age of the oldest unacknowledged event, seconds (0 when drained).
    public var outboxLagSeconds: Double
    /// The highest sequence number the backend acknowledged (0 before the first).
    public var lastAcknowledgedSeq: Int64
    /// Last time any exchange with the backend succeeded.
    public var lastSuccessAt: Date?
    /// The last failure, one English line.
    public var lastError: String?
    /// When the last failure happened.
    public var lastErrorAt: Date?
    /// Backend clock minus kiosk clock, milliseconds, from the last heartbeat.
    public var clockOffsetMs: Int64?
    /// Seconds since a manifest round last ended up to date; `nil` before the first.
    public var manifestLagSeconds: Double?
    /// Whether the last exchange got an HTTP answer.
    public var backendReachable: Bool
    /// The event the backend refuses, blocking the outbox, when there is one.
    public var blockedAtSeq: Int64?

    /// A report.
    public init(
        outboxDepth: Int, outboxLagSeconds: Double, lastAcknowledgedSeq: Int64, lastSuccessAt: Date?,
        lastError: String?, lastErrorAt: Date?, clockOffsetMs: Int64?, manifestLagSeconds: Double?,
        backendReachable: Bool, blockedAtSeq: Int64?
    ) {
        self.outboxDepth = outboxDepth
        self.outboxLagSeconds = outboxLagSeconds
        self.lastAcknowledgedSeq = lastAcknowledgedSeq
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.clockOffsetMs = clockOffsetMs
        self.manifestLagSeconds = manifestLagSeconds
        self.backendReachable = backendReachable
        self.blockedAtSeq = blockedAtSeq
    }
}

extension HealthResponse.Sync {
    /// The JSON form of `health`: times as ISO-8601 with +07:00, lags in whole seconds.
    init(_ health: SyncHealth) {
        self.init(
            outboxDepth: health.outboxDepth, outboxLagSeconds: Int(health.outboxLagSeconds.rounded(.down)),
            lastAcknowledgedSeq: health.lastAcknowledgedSeq, lastSuccessAt: health.lastSuccessAt.map(KioskTime.iso8601),
            lastError: health.lastError, lastErrorAt: health.lastErrorAt.map(KioskTime.iso8601),
            clockOffsetMs: health.clockOffsetMs, manifestLagSeconds: health.manifestLagSeconds.map { Int($0.rounded(.down)) },
            backendReachable: health.backendReachable, blockedAtSeq: health.blockedAtSeq)
    }
}
