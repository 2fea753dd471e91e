import Foundation
import HardwareSims
import Logging
import ServiceLifecycle

/// Every emulated device of one `kiosk-hwsim` process, run as one `Service`.
public final class HardwareSimulator: Service, Sendable {
    /// Lock buses by id.
    public let lockBuses: [String: LockBusHost]
    /// Receipt printers by id.
    public let printers: [String: PrinterHost]
    /// QR scanners by id.
    public let scanners: [String: ScannerHost]
    private let logger: Logger

    /// Builds every device of `configuration` (nothing is served until `run()`).
    /// - Throws: `HardwareSimConfigurationError`, `LockControlError` or `PrinterControlError`
    ///   for an invalid device.
    public init(configuration: HardwareSimConfiguration, logger: Logger) throws {
        var buses: [String: LockBusHost] = [:]
        for bus in configuration.lockBuses {
            buses[bus.id] = try LockBusHost(bus: bus, logger: logger)
        }
        var printers: [String: PrinterHost] = [:]
        for printer in configuration.printers {
            printers[printer.id] = try PrinterHost(printer: printer, logger: logger)
        }
        var scanners: [String: ScannerHost] = [:]
        for scanner in configuration.scanners {
            scanners[scanner.id] = try ScannerHost(scanner: scanner, logger: logger)
        }
        lockBuses = buses
        self.printers = printers
        self.scanners = scanners
        self.logger = logger
    }

    /// Serves every device until graceful shutdown or cancellation.
    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for host in self.lockBuses.values {
                    group.addTask { try await host.run() }
                }
                for host in self.printers.values {
                    group.addTask { try await host.run() }
                }
                for host in self.scanners.values {
                    group.addTask { try await host.run() }
                }
                try await group.waitForAll()
            }
        }
        logger.notice("hardware simulator stopped")
    }
}
