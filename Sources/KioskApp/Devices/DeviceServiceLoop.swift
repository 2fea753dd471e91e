import Logging
import ServiceLifecycle

/// The body every device service runs: the driver's own loop beside the loop that follows its
/// events, until graceful shutdown or until either ends, logged as `<what> starting` and
/// `<what> stopped`.
/// - Parameters:
///   - what: the log's subject, e.g. "receipt printer driver".
///   - metadata: added to the starting line (transport, mode).
func runDeviceService(
    _ what: String, logger: Logger, metadata: Logger.Metadata = [:],
    driver: @escaping @Sendable () async -> Void, followEvents: @escaping @Sendable () async -> Void
) async throws {
    logger.notice("\(what) starting", metadata: metadata)
    try await cancelWhenGracefulShutdown {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await driver() }
            group.addTask { await followEvents() }
            try await group.next()
            group.cancelAll()
        }
    }
    logger.notice("\(what) stopped")
}
