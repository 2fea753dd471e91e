import Foundation
import KioskDrivers
import KioskHAL
import KioskWeb
import Logging
import ServiceLifecycle
import Synchronization

/// Runs the receipt printer's driver for the life of kioskd: the driver opens the configured
/// transport (again after every unplug or lost connection, with its capped backoff) and reads
/// status while idle; this service logs every printer event with the action staff should take
/// (`Thay giấy`, `Gọi kỹ thuật`), journals it, and keeps the last one for `/api/health`.
/// Stops on graceful shutdown.
final class ReceiptPrinterService: Service, PrinterHealthSource, Sendable {
    /// The driver, also the kiosk's `ReceiptPrinter`.
    let driver: EscPosPrinter
    /// The configured printer.
    let printer: DeviceConfiguration.Printer
    private let logger: Logger
    private let journal: DeviceJournal
    private let lastEvent = Mutex<(event: ReceiptPrinterEvent, at: Date)?>(nil)

    /// A service for `printer`, journalling into `journal`'s database.
    /// - Throws: `USBContextError` when a USB printer is configured and libusb cannot start.
    init(printer: DeviceConfiguration.Printer, journal: DeviceJournal, logger: Logger) throws {
        var logger = logger
        logger[metadataKey: "device.id"] = "\(printer.id)"
        self.logger = logger
        self.printer = printer
        self.journal = journal
        let opener = DeviceOpenFailureLog(what: "printer", logger: logger).watching(try printer.makeOpener(logger: logger))
        let configuration = EscPosPrinterConfiguration(
            capabilities: ReceiptPrinterCapabilities(
                paperWidthDots: printer.paperWidthDots, dotsPerInch: 203, hasCutter: true, reportsPaperNearEnd: true),
            statusTimeout: .milliseconds(printer.statusTimeoutMilliseconds),
            statusPollInterval: .milliseconds(printer.statusPollIntervalMilliseconds),
            writeTimeout: .milliseconds(printer.writeTimeoutMilliseconds))
        driver = EscPosPrinter(name: printer.id, configuration: configuration, clock: ContinuousClock(), opener: opener)
    }

    func run() async throws {
        try await runDeviceService(
            "receipt printer driver", logger: logger, metadata: ["device.transport": "\(printer.transportSummary)"],
            driver: { await self.driver.run() }, followEvents: { await self.followEvents() })
    }

    func printerHealth() async -> PrinterHealthSnapshot {
        PrinterHealthSnapshot(id: printer.id, status: await driver.status(), lastEvent: lastEvent.withLock { $0 })
    }

    /// Logs and journals each event with the status it left and the action it asks for.
    private func followEvents() async {
        for await event in driver.events {
            let at = journal.now()
            lastEvent.withLock { $0 = (event, at) }
            let status = await driver.status()
            let action = event.recommendedAction
            let details: [String: String] = [
                "event": event.rawValue, "action": action.vietnamese, "status": status.device.rawValue,
                "paper": status.paper.rawValue, "cover": status.cover.rawValue, "cutter": status.cutter.rawValue,
            ]
            logger.log(
                level: action == .none ? .notice : .warning, "printer \(event.rawValue)",
                metadata: [
                    "printer.event": "\(event.rawValue)", "printer.action": "\(action.vietnamese)",
                    "printer.action.en": "\(action.english)", "printer.status": "\(status.device.rawValue)",
                    "printer.paper": "\(status.paper.rawValue)", "printer.cover": "\(status.cover.rawValue)",
                ])
            await journal.record("printer.\(event.rawValue)", subject: printer.id, details: details)
        }
    }
}
