import DeviceTransports
import KioskDrivers
import KioskHAL
import Logging
import ServiceLifecycle

/// Runs one lock-bus driver for the life of kioskd: opens the configured serial device (again
/// after every disconnection, with the driver's backoff), and logs every hardware event until the
/// engine consumes them. Stops on graceful shutdown.
final class LockBusService: Service, Sendable {
    /// The driver, also exposed to the rest of the app as a `LockerBank`.
    let driver: LockBusDriver
    private let logger: Logger

    /// A service for `bus`, driving the slots `map` puts on it.
    init(bus: LockerConfiguration.Bus, map: LockerSlotMap, logger: Logger) throws {
        var logger = logger
        logger[metadataKey: "bus.id"] = "\(bus.id)"
        self.logger = logger
        let device = bus.device
        let baud = bus.baud
        let name = bus.id
        driver = try LockBusDriver(bus: bus.id, map: map, clock: ContinuousClock()) {
            try SerialPort(path: device, bitsPerSecond: baud, name: name)
        }
    }

    func run() async throws {
        try await runDeviceService(
            "lock bus driver", logger: logger, driver: { await self.driver.run() }, followEvents: { await self.logEvents() })
    }

    /// Logs each event with the slot or board it concerns.
    private func logEvents() async {
        for await event in driver.events {
            switch event {
            case .doorOpened(let slot): logger.info("door opened", metadata: ["slot.id": "\(slot)"])
            case .doorClosed(let slot): logger.info("door closed", metadata: ["slot.id": "\(slot)"])
            case .itemInserted(let slot): logger.info("item inserted", metadata: ["slot.id": "\(slot)"])
            case .itemRemoved(let slot): logger.info("item removed", metadata: ["slot.id": "\(slot)"])
            case .doorOpenedWithoutCommand(let slot):
                logger.warning("door opened without a command", metadata: ["slot.id": "\(slot)"])
            case .boardOffline(let board, let slots):
                logger.warning("lock board offline", metadata: ["board.id": "\(board)", "slot.ids": "\(slots.joined(separator: ","))"])
            case .boardOnline(let board, let slots):
                logger.notice("lock board online", metadata: ["board.id": "\(board)", "slot.ids": "\(slots.joined(separator: ","))"])
            case .sensorDisagreement(let slot, let detail):
                logger.warning("sensor disagreement", metadata: ["slot.id": "\(slot ?? "-")", "detail": "\(detail)"])
            }
        }
    }
}
