import Foundation
import HardwareSims
import Logging
import ServiceLifecycle

/// Every emulated device of one `kiosk-hwsim` process, run as one `Service`.
public final class HardwareSimulator: Service, Sendable {
    /// Lock buses by id.
    public let lockBuses: [String: LockBusHost]
    private let logger: Logger

    /// Builds every bus of `configuration` (nothing is served until `run()`).
    /// - Throws: `HardwareSimConfigurationError` or `LockControlError` for an invalid bus.
    public init(configuration: HardwareSimConfiguration, logger: Logger) throws {
        var buses: [String: LockBusHost] = [:]
        for bus in configuration.lockBuses {
            buses[bus.id] = try LockBusHost(bus: bus, logger: logger)
        }
        lockBuses = buses
        self.logger = logger
    }

    /// Serves every bus until graceful shutdown or cancellation.
    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for host in self.lockBuses.values {
                    group.addTask { try await host.run() }
                }
                try await group.waitForAll()
            }
        }
        logger.notice("hardware simulator stopped")
    }
}
