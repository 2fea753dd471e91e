import Foundation
import KioskStore
import KioskSync
import KioskWeb
import Logging
import ServiceLifecycle

/// kioskd's link to the one-stop backend for the life of the process: the sync service (outbox
/// push, manifest pull, catalogue and staff refresh, heartbeat) over its own HTTP client, which is
/// closed once the service has stopped. An unreachable backend is not an error here: the loops
/// back off and retry, the kiosk keeps serving from its store, and health reports the failure.
/// Run what is built: only `run()` closes the HTTP client.
final class BackendSyncService: Service, Sendable {
    /// The running sync, for its status and for nudging the push.
    let sync: SyncService<ContinuousClock>
    private let connection: BackendConnection
    private let logger: Logger

    /// A service for `configuration`, authenticating as `kioskID` with `credentials`.
    /// - Throws: `SyncConfigurationError` when the intervals cannot work (the configuration's
    ///   ranges rule that out).
    init(
        configuration: BackendConfiguration, credentials: BackendCredentials, kioskID: String,
        database: AppDatabase, logger: Logger
    ) async throws {
        var logger = logger
        logger[metadataKey: "backend.url"] = "\(configuration.baseURL.absoluteString)"
        self.logger = logger
        let limits = try BackendLimits(
            maximumResponseBytes: BackendLimits.standard.maximumResponseBytes,
            syncTimeout: .seconds(configuration.requestTimeoutSeconds), citizenTimeout: BackendLimits.standard.citizenTimeout)
        let connection = BackendConnection(
            endpoint: SyncEndpoint(baseURL: configuration.baseURL, kioskID: kioskID), credentials: credentials,
            limits: limits, logger: logger)
        do {
            sync = try SyncService(
                database: database, client: connection.client, settings: configuration.syncSettings,
                clock: ContinuousClock(), logger: logger)
        } catch {
            try? await connection.shutdown()
            throw error
        }
        self.connection = connection
    }

    func run() async throws {
        logger.notice("backend sync starting")
        do {
            try await sync.run()
        } catch {
            try? await connection.shutdown()
            throw error
        }
        try await connection.shutdown()
        logger.notice("backend sync stopped")
    }

    /// Reads ``health()``, for the health route.
    var healthReader: @Sendable () async throws -> SyncHealth {
        { try await self.health() }
    }

    /// The sync's state for `/api/health`.
    /// - Throws: store errors.
    func health() async throws -> SyncHealth {
        let status = try await sync.status()
        return SyncHealth(
            outboxDepth: status.outboxDepth, outboxLagSeconds: status.syncLagSeconds,
            lastAcknowledgedSeq: status.lastAcknowledgedSeq, lastSuccessAt: status.lastSuccessAt,
            lastError: status.lastError, lastErrorAt: status.lastErrorAt, clockOffsetMs: status.clockOffsetMs,
            manifestLagSeconds: status.manifestLagSeconds, backendReachable: status.backendReachable,
            blockedAtSeq: status.blockedAtSeq)
    }
}

extension BackendConfiguration {
    /// The production sync settings with this section's intervals.
    var syncSettings: SyncSettings {
        var settings = SyncSettings.standard
        settings.pushIdleInterval = .seconds(pushIdleSeconds)
        settings.manifestInterval = .seconds(manifestIntervalSeconds)
        settings.refreshInterval = .seconds(refreshIntervalSeconds)
        settings.heartbeatInterval = .seconds(heartbeatIntervalSeconds)
        settings.softwareVersion = KioskVersion.current
        return settings
    }
}

extension KioskApp {
    /// The backend sync when a `backend` section is configured (with the credentials read from it).
    static func backendSyncService(
        config: KioskConfiguration, credentials: BackendCredentials?, database: AppDatabase, logger: Logger
    ) async throws -> BackendSyncService? {
        guard let backend = config.backend, let credentials else { return nil }
        return try await BackendSyncService(
            configuration: backend, credentials: credentials, kioskID: config.kiosk.id, database: database,
            logger: logger)
    }
}
