/// How often and how hard the sync service works. Production defaults in ``standard``; tests
/// shorten the intervals and the backoff instead of sleeping.
public struct SyncSettings: Sendable, Equatable {
    /// Events per push batch, 1–100 (the contract's limit). Default 100.
    public var pushBatchSize: Int
    /// Longest idle wait between outbox checks when nobody rings. Default 5 s.
    public var pushIdleInterval: Duration
    /// Manifest rounds start this often (and on demand). Default 60 s.
    public var manifestInterval: Duration
    /// Catalogue and staff directory refresh interval. Default 15 min.
    public var refreshInterval: Duration
    /// Heartbeat interval (clock offset, outbox position). Default 60 s.
    public var heartbeatInterval: Duration
    /// Backoff for push and pull failures.
    public var backoff: BackoffPolicy
    /// Pages per manifest round, 1–100,000. Default 1,000.
    public var maximumPagesPerRound: Int
    /// The software version reported in heartbeats.
    public var softwareVersion: String
    /// Entries asked for per manifest page, 1–500 (the contract's limit). Default 500.
    public var manifestPageSize: Int

    /// Production settings.
    public static let standard = SyncSettings(
        pushBatchSize: 100, pushIdleInterval: .seconds(5), manifestInterval: .seconds(60),
        refreshInterval: .seconds(900), heartbeatInterval: .seconds(60), backoff: .standard,
        maximumPagesPerRound: 1_000, manifestPageSize: 500, softwareVersion: "0.0.0")

    /// Settings; checked when the service is created.
    public init(
        pushBatchSize: Int, pushIdleInterval: Duration, manifestInterval: Duration, refreshInterval: Duration,
        heartbeatInterval: Duration, backoff: BackoffPolicy, maximumPagesPerRound: Int, manifestPageSize: Int,
        softwareVersion: String
    ) {
        self.softwareVersion = softwareVersion
        self.pushBatchSize = pushBatchSize
        self.pushIdleInterval = pushIdleInterval
        self.manifestInterval = manifestInterval
        self.refreshInterval = refreshInterval
        self.heartbeatInterval = heartbeatInterval
        self.backoff = backoff
        self.maximumPagesPerRound = maximumPagesPerRound
        self.manifestPageSize = manifestPageSize
    }

    /// Refuses settings that cannot work.
    /// - Throws: `SyncConfigurationError` naming the first bad setting.
    public func validate() throws(SyncConfigurationError) {
        guard (1...100).contains(pushBatchSize) else {
            throw .invalidSize(name: "push batch size", value: pushBatchSize, allowed: 1...100)
        }
        guard (1...500).contains(manifestPageSize) else {
            throw .invalidSize(name: "manifest page size", value: manifestPageSize, allowed: 1...500)
        }
        for (name, value) in [
            ("push idle interval", pushIdleInterval), ("manifest interval", manifestInterval),
            ("refresh interval", refreshInterval), ("heartbeat interval", heartbeatInterval),
        ] where value <= .zero {
            throw .invalidInterval(name: name, value: value)
        }
    }
}
