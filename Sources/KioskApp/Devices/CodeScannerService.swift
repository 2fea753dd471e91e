import DeviceProtocols
import Foundation
import KioskDrivers
import KioskHAL
import KioskWeb
import Logging
import ServiceLifecycle
import Synchronization

/// Runs the code scanner's driver for the life of kioskd: the driver opens the serial port or
/// the evdev node (again after every unplug, with its capped backoff); this service logs and
/// journals each connection change, logs refusals, and keeps the time of the last delivered scan
/// for `/api/health` until the flows consume the scans. It never logs or keeps what was scanned.
/// Stops on graceful shutdown.
final class CodeScannerService: Service, ScannerHealthSource, Sendable {
    /// The driver, also the kiosk's `CodeScanner`.
    let driver: any CodeScanner
    /// The configured scanner.
    let scanner: DeviceConfiguration.Scanner
    private let runDriver: @Sendable () async -> Void
    private let logger: Logger
    private let journal: DeviceJournal
    private let lastScanAt = Mutex<Date?>(nil)

    /// A service for `scanner`, journalling into `journal`'s database.
    init(scanner: DeviceConfiguration.Scanner, journal: DeviceJournal, logger: Logger) {
        var logger = logger
        logger[metadataKey: "device.id"] = "\(scanner.id)"
        self.logger = logger
        self.scanner = scanner
        self.journal = journal
        let opener = DeviceOpenFailureLog(what: "scanner", logger: logger).watching(scanner.makeOpener())
        let debounce = Duration.milliseconds(scanner.debounceMilliseconds)
        switch scanner.mode {
        case .serial(_, _, let suffix, let aimPrefix):
            let framing = ScanLineFramer.Configuration(
                suffix: suffix.framerSuffix, aimPrefix: aimPrefix ? .required : .none)
            let serial = SerialLineScanner(
                name: scanner.id, configuration: SerialLineScannerConfiguration(framing: framing, debounceWindow: debounce),
                clock: ContinuousClock(), opener: opener)
            driver = serial
            runDriver = { await serial.run() }
        case .evdev:
            let wedge = KeyboardWedgeScanner(
                name: scanner.id, configuration: KeyboardWedgeScannerConfiguration(debounceWindow: debounce),
                clock: ContinuousClock(), opener: opener)
            driver = wedge
            runDriver = { await wedge.run() }
        }
    }

    func run() async throws {
        try await runDeviceService(
            "code scanner driver", logger: logger, metadata: ["device.mode": "\(scanner.modeSummary)"],
            driver: runDriver, followEvents: { await self.followEvents() })
    }

    func scannerHealth() async -> ScannerHealthSnapshot {
        ScannerHealthSnapshot(id: scanner.id, status: await driver.status(), lastScanAt: lastScanAt.withLock { $0 })
    }

    /// Logs each event; connection changes are journalled too. Scans are described by their
    /// source, symbology and length only.
    private func followEvents() async {
        for await event in driver.events {
            switch event {
            case .connected:
                logger.notice("scanner connected")
                await journal.record("scanner.connected", subject: scanner.id, details: ["status": "online"])
            case .disconnected:
                logger.warning("scanner disconnected; reopening when it returns")
                await journal.record("scanner.disconnected", subject: scanner.id, details: ["status": "offline"])
            case .scanned(let scan):
                let at = journal.now()
                lastScanAt.withLock { $0 = at }
                logger.info("code scanned", metadata: [
                    "scan.source": "\(scan.source.rawValue)", "scan.symbology": "\(scan.symbology ?? "-")",
                    "scan.length": "\(scan.text.count)",
                ])
            case .rejected(let rejection):
                logger.warning("scan rejected", metadata: ["scan.rejection": "\(rejection)"])
            }
        }
    }
}

extension DeviceConfiguration.Scanner.LineSuffix {
    /// The framer's suffix.
    var framerSuffix: ScanLineFramer.Suffix {
        switch self {
        case .cr: .carriageReturn
        case .crlf: .carriageReturnLineFeed
        case .lf: .lineFeed
        }
    }
}
