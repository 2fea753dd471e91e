import Hummingbird

/// The body of `GET /api/health`: is the service up, is its journal intact, how much is
/// waiting for the backend. No personal data.
public struct HealthResponse: Codable, Sendable, Equatable, ResponseEncodable {
    /// The journal's verification as of startup.
    public struct Journal: Codable, Sendable, Equatable {
        /// Whether the hash chain held when the service started.
        public var intact: Bool
        /// Entries verified, or where the chain breaks.
        public var detail: String
    }

    /// The locker hardware as the drivers see it.
    public struct Lockers: Codable, Sendable, Equatable {
        /// Slots driven.
        public var slots: Int
        /// Slots per device status (`online`, `offline`, `unknown`…).
        public var byStatus: [String: Int]
    }

    /// The link to the one-stop backend. It does not make the kiosk `degraded`: the kiosk works
    /// offline from its store and the outbox waits.
    public struct Sync: Codable, Sendable, Equatable {
        /// Events not yet acknowledged by the backend.
        public var outboxDepth: Int
        /// Age of the oldest unacknowledged event, whole seconds (0 when drained).
        public var outboxLagSeconds: Int
        /// The highest sequence number the backend acknowledged (0 before the first).
        public var lastAcknowledgedSeq: Int64
        /// Last time any exchange with the backend succeeded, ISO-8601 with +07:00.
        public var lastSuccessAt: String?
        /// The last failure, one English line without secrets.
        public var lastError: String?
        /// When the last failure happened, ISO-8601 with +07:00.
        public var lastErrorAt: String?
        /// Backend clock minus kiosk clock, milliseconds, from the last heartbeat.
        public var clockOffsetMs: Int64?
        /// Whole seconds since the manifest was last pulled up to date; absent before the first time.
        public var manifestLagSeconds: Int?
        /// Whether the last exchange with the backend got an HTTP answer.
        public var backendReachable: Bool
        /// The event the backend refuses, blocking the outbox, when there is one.
        public var blockedAtSeq: Int64?
    }

    /// `ok`, or `degraded` when the journal is not intact, a slot's board is not online, the
    /// printer cannot print (paper out, cover open, offline, unplugged) or the scanner is not online.
    public var status: String
    /// Software version.
    public var version: String
    /// This kiosk's id (`MaKiosk`).
    public var kioskID: String
    /// When this process started, ISO-8601 with +07:00.
    public var startedAt: String
    /// Journal verification.
    public var journal: Journal
    /// Events not yet acknowledged by the backend.
    public var outboxDepth: Int
    /// Locker hardware; `nil` when no lockers are configured.
    public var lockers: Lockers?
    /// The receipt printer; `nil` when none is configured.
    public var printer: Printer?
    /// The code scanner; `nil` when none is configured.
    public var scanner: Scanner?
    /// The backend link; `nil` when no backend is configured.
    public var sync: Sync?
}
