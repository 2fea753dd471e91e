/// Bounds on what the backend client waits for and reads.
public struct BackendLimits: Sendable, Equatable {
    /// The largest response body read, bytes; a larger one (by `Content-Length` or while
    /// streaming) is refused without reading the rest. Default 4 MiB.
    public var maximumResponseBytes: Int
    /// How long a sync call (push, manifest, catalogue, staff, heartbeat) may take in total.
    public var syncTimeout: Duration
    /// How long a citizen-facing call (status lookup, payment) may take before the screen is told
    /// the backend is unreachable. Default 4 s.
    public var citizenTimeout: Duration

    /// Production bounds: 4 MiB, 30 s for sync calls, 4 s for citizen calls.
    public static let standard = BackendLimits(
        checkedMaximumResponseBytes: 4 * 1_024 * 1_024, syncTimeout: .seconds(30), citizenTimeout: .seconds(4))

    /// Bounds.
    /// - Throws: `SyncConfigurationError` when the size is not 1 KiB–64 MiB or a timeout is not positive.
    public init(maximumResponseBytes: Int, syncTimeout: Duration, citizenTimeout: Duration) throws(SyncConfigurationError) {
        guard (1_024...64 * 1_024 * 1_024).contains(maximumResponseBytes) else {
            throw .invalidSize(name: "maximum response bytes", value: maximumResponseBytes, allowed: 1_024...64 * 1_024 * 1_024)
        }
        guard syncTimeout > .zero else { throw .invalidInterval(name: "sync timeout", value: syncTimeout) }
        guard citizenTimeout > .zero else { throw .invalidInterval(name: "citizen timeout", value: citizenTimeout) }
        self.init(checkedMaximumResponseBytes: maximumResponseBytes, syncTimeout: syncTimeout, citizenTimeout: citizenTimeout)
    }

    private init(checkedMaximumResponseBytes: Int, syncTimeout: Duration, citizenTimeout: Duration) {
        self.maximumResponseBytes = checkedMaximumResponseBytes
        self.syncTimeout = syncTimeout
        self.citizenTimeout = citizenTimeout
    }
}
