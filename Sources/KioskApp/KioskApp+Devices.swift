import Foundation
import KioskStore
import Logging
import ServiceLifecycle

/// The receipt printer and code scanner services the configuration asks for.
struct DeviceServices: Sendable {
    /// The printer's service; `nil` without `devices.printer`.
    var printer: ReceiptPrinterService?
    /// The scanner's service; `nil` without `devices.scanner`.
    var scanner: CodeScannerService?

    /// Both, printer first, for the service group.
    var serviceConfigurations: [ServiceGroupConfiguration.ServiceConfiguration] {
        (printer.map { [.init(service: $0)] } ?? []) + (scanner.map { [.init(service: $0)] } ?? [])
    }
}

extension KioskApp {
    /// One service per configured device, journalling status changes into `database`.
    /// - Throws: `USBContextError` when a USB printer is configured and libusb cannot start.
    static func deviceServices(config: KioskConfiguration, database: AppDatabase, logger: Logger) throws -> DeviceServices {
        let journal = DeviceJournal(database: database, logger: logger, now: { Date() })
        return DeviceServices(
            printer: try config.devices?.printer.map { try ReceiptPrinterService(printer: $0, journal: journal, logger: logger) },
            scanner: config.devices?.scanner.map { CodeScannerService(scanner: $0, journal: journal, logger: logger) })
    }
}
