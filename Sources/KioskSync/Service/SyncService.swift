import Foundation
import KioskStore
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// The kiosk's offline-first sync with the one-stop backend, run forever as a `Service`:
/// - the outbox push loop (``PushSession``): batches in `seq` order, acknowledged events leave;
/// - manifest rounds (``PullSession``) every `manifestInterval` and on ``requestManifestPull()``;
/// - catalogue and staff directory refresh every `refreshInterval`;
/// - a heartbeat every `heartbeatInterval` that measures the clock offset.
///
/// Everything it learns lands in the store; when the backend is away, the kiosk keeps working from
/// the store and the outbox grows. Time comes from the injected `clock` (waits) and `now` (wall
/// time written to rows); jitter comes from the generator `makeGenerator` returns.
/// Graceful shutdown cancels the loops: a batch in flight stays unacknowledged and is sent again
/// after the restart, which the backend deduplicates.
public final class SyncService<C: Clock & Sendable>: Service where C.Duration == Duration {
    let database: AppDatabase
    let client: BackendClient
    let settings: SyncSettings
    let clock: C
    let now: @Sendable () -> Date
    let makeGenerator: @Sendable () -> any RandomNumberGenerator
    let logger: Logger
    let pushBell = Doorbell()
    let pullBell = Doorbell()
    let live = NIOLockedValueBox(LiveSyncState())

    /// A service.
    /// - Throws: `SyncConfigurationError` when `settings` cannot work.
    public init(
        database: AppDatabase, client: BackendClient, settings: SyncSettings = .standard, clock: C,
        now: @escaping @Sendable () -> Date = { Date() },
        makeGenerator: @escaping @Sendable () -> any RandomNumberGenerator = { SystemRandomNumberGenerator() },
        logger: Logger
    ) throws(SyncConfigurationError) {
        try settings.validate()
        self.database = database
        self.client = client
        self.settings = settings
        self.clock = clock
        self.now = now
        self.makeGenerator = makeGenerator
        self.logger = logger
    }

    /// Runs the loops until cancelled or graceful shutdown.
    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await self.pushLoop() }
                group.addTask { try await self.pullLoop() }
                group.addTask { try await self.refreshLoop() }
                group.addTask { try await self.heartbeatLoop() }
            }
        }
    }

    /// Tells the push loop that new events were committed; returns at once.
    public func nudgePush() {
        pushBell.ring()
    }

    /// Asks for a manifest round now (a staff member scanned an unknown dossier); returns at once.
    public func requestManifestPull() {
        pullBell.ring()
    }

    /// The health fields for `/api/health`.
    /// - Throws: store errors.
    public func status() async throws -> SyncStatus {
        let health = try await database.syncHealth()
        let depth = try await database.outboxDepth()
        let oldest = try await database.oldestPendingEventTime()
        let acknowledged = try await database.lastAcknowledgedSequence()
        let state = live.withLockedValue { $0 }
        let moment = now()
        return SyncStatus(
            outboxDepth: depth, syncLagSeconds: oldest.map { max(0, moment.timeIntervalSince($0)) } ?? 0,
            lastAcknowledgedSeq: acknowledged,
            manifestLagSeconds: health.lastPullAt.map { max(0, moment.timeIntervalSince($0)) },
            lastSuccessAt: health.lastSuccessAt, lastPushAt: health.lastPushAt, lastPullAt: health.lastPullAt,
            lastError: health.lastError, lastErrorAt: health.lastErrorAt, clockOffsetMs: health.clockOffsetMs,
            consecutivePushFailures: state.consecutivePushFailures, blockedAtSeq: state.blocked?.seq,
            backendReachable: state.backendReachable)
    }

    /// Records a failure in the health row and the log; a store error here is only logged.
    func note(_ failure: BackendFailure, during what: String) async {
        live.withLockedValue { state in
            if case .transport = failure { state.backendReachable = false }
            if case .timedOut = failure { state.backendReachable = false }
        }
        logger.warning("sync step failed", metadata: ["sync.step": "\(what)", "error": "\(failure)"])
        do {
            try await database.recordSyncError("\(what): \(failure)", at: now())
        } catch is CancellationError {
            return
        } catch {
            logger.error("sync health not recorded", metadata: ["error": "\(error)"])
        }
    }

    /// Records a success in the health row.
    func noteSuccess(_ exchange: SyncExchange) async {
        live.withLockedValue { $0.backendReachable = true }
        do {
            try await database.recordSyncSuccess(exchange, at: now())
        } catch is CancellationError {
            return
        } catch {
            logger.error("sync health not recorded", metadata: ["error": "\(error)"])
        }
    }
}

extension Task where Success == Never, Failure == Never {
    /// Sleeps `duration` on `clock`; `false` when cancelled.
    static func sleep<C: Clock>(for duration: Duration, on clock: C) async -> Bool where C.Duration == Duration {
        guard duration > .zero else { return !Task.isCancelled }
        do {
            try await clock.sleep(for: duration)
            return true
        } catch {
            return false
        }
    }
}
