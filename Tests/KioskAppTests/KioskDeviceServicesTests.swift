import DeviceTransports
import Foundation
import HardwareSims
import KioskHAL
import KioskStore
import Logging
import TestSupport
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import KioskApp

/// The kiosk built by `KioskApp.build` with a receipt printer on TCP (the ESC/POS emulator
/// behind a loopback listener, as a network printer on port 9100) and a serial scanner on a real
/// PTY (the scanner emulator on the master), checked through `/api/health` over real HTTP.
@Suite struct KioskDeviceServicesTests {
    /// The kiosk's configuration: no lockers, the printer at `printerPort`, the scanner at `scannerLink`.
    static func configuration(state: String, printerPort: UInt16, scannerLink: String) throws -> KioskConfiguration {
        try KioskConfiguration.parse(Data("""
            {"kiosk": {"id": "KVT01", "name": "ATM hồ sơ 24/7", "agency": "PVHCC", "hotline": "0293 3870 000"},
             "stateDirectory": "\(state)",
             "http": {"host": "127.0.0.1", "port": 0},
             "devices": {
               "printer": {"id": "printer0", "transport": "tcp", "host": "127.0.0.1", "port": \(printerPort),
                           "statusPollIntervalMs": 200, "statusTimeoutMs": 5000},
               "scanner": {"id": "scanner0", "mode": "serial", "device": "\(scannerLink)", "suffix": "cr"}}}
            """.utf8))
    }

    /// Polls `/api/health` until `condition` holds or the hang guard (60 s) passes; returns the last body.
    static func health(at url: URL, until condition: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(60)
        var last: [String: Any] = [:]
        while Date() < deadline {
            let (data, _) = try await URLSession.shared.data(from: url)
            last = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        return last
    }

    @Test func healthShowsPrinterAndScanner_andPaperOutDegradesWithReplacePaper() async throws {
        // Given a network printer, a serial scanner on a PTY, and a kiosk configured with both
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-devices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let printer = try NetworkPrinter(port: 0)
        let scannerLink = directory.appendingPathComponent("scanner0").path
        let terminal = try PseudoTerminal(name: "scanner0", linkPath: scannerLink)
        let scanner = ScannerEmulator(mode: .serialLine(suffix: .carriageReturn, aimPrefix: false))
        let config = try Self.configuration(
            state: directory.appendingPathComponent("state").path, printerPort: printer.listener.port, scannerLink: scannerLink)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let runtime = try await KioskApp.build(
            config: config, logger: Logger(label: "kiosk-devices-test", factory: { _ in SwiftLogNoOpLogHandler() }),
            onListening: { _, port in portSink.yield(port) })

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await printer.serve() }
            group.addTask { try? await scanner.serve(on: terminal.master) }
            group.addTask { try await runtime.run() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/api/health"))

            // Then health shows the printer ready and the scanner online
            let ready = try await Self.health(at: url) {
                Self.part("printer", of: $0)["readyToPrint"] as? Bool == true && Self.part("scanner", of: $0)["status"] as? String == "online"
            }
            let readyPrinter = Self.part("printer", of: ready)
            #expect(ready["status"] as? String == "ok", "\(ready)")
            #expect(readyPrinter["id"] as? String == "printer0")
            #expect(readyPrinter["status"] as? String == "online")
            #expect(readyPrinter["paper"] as? String == "ok")
            #expect(readyPrinter["cover"] as? String == "closed")
            #expect(readyPrinter["recommendedAction"] as? String == "Không cần thao tác")
            #expect(Self.part("scanner", of: ready)["lastScanAt"] == nil)

            // When the paper runs out
            await printer.emulator.setPaper(.out)

            // Then health is degraded, asks for new paper, and the scanner is still online
            // (the status is read from the driver, the event arrives on its own stream: wait for both)
            let degraded = try await Self.health(at: url) {
                Self.part("printer", of: $0)["paper"] as? String == "out"
                    && (Self.part("printer", of: $0)["lastEvent"] as? [String: Any])?["event"] as? String == "paperOut"
            }
            let outPrinter = Self.part("printer", of: degraded)
            #expect(degraded["status"] as? String == "degraded", "\(degraded)")
            #expect(outPrinter["status"] as? String == "userError")
            #expect(outPrinter["readyToPrint"] as? Bool == false)
            #expect(outPrinter["recommendedAction"] as? String == "Thay giấy")
            #expect(outPrinter["recommendedActionEnglish"] as? String == "Replace the paper")
            let lastEvent = outPrinter["lastEvent"] as? [String: Any] ?? [:]
            #expect(lastEvent["event"] as? String == "paperOut")
            #expect(lastEvent["action"] as? String == "Thay giấy")
            #expect(Self.part("scanner", of: degraded)["status"] as? String == "online")
            // And the change is in the journal
            // (journalled after the event is shown, so wait for it)
            #expect(await eventually {
                let entries = (try? await runtime.database.journalEntries()) ?? []
                return entries.contains { $0.kind == "printer.paperOut" && $0.subject == "printer0" && $0.actor == "system" }
                    && entries.contains { $0.kind == "scanner.connected" && $0.subject == "scanner0" }
            })

            // When the roll is replaced, the kiosk is healthy again
            await printer.emulator.setPaper(.ok)
            let recovered = try await Self.health(at: url) { $0["status"] as? String == "ok" }
            #expect(Self.part("printer", of: recovered)["recommendedAction"] as? String == "Không cần thao tác")

            await runtime.serviceGroup.triggerGracefulShutdown()
        }
        await terminal.close()
        await printer.listener.close()
    }

    @Test func deliveredScan_setsLastScanTime_andNeverTheText() async throws {
        // Given the scanner service alone on a PTY, armed as a flow would arm it
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-scanner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("scanner0").path
        let terminal = try PseudoTerminal(name: "scanner0", linkPath: link)
        let emulator = ScannerEmulator(mode: .serialLine(suffix: .carriageReturn, aimPrefix: false))
        let database = try AppDatabase(
            path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: "KVT01",
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let log = CapturedLog()
        let service = CodeScannerService(
            scanner: .init(id: "scanner0", mode: .serial(device: link, baud: 9600, suffix: .cr, aimPrefix: false),
                           debounceMilliseconds: 1_500),
            journal: DeviceJournal(database: database, logger: log.logger(), now: { Date() }),
            logger: log.logger(level: .trace))

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            group.addTask { try? await emulator.serve(on: terminal.master) }
            defer { group.cancelAll() }
            #expect(await eventually { await service.scannerHealth().status.device == .online })
            try await service.driver.arm()
            #expect(await service.scannerHealth().lastScanAt == nil)

            // When a citizen presents a CCCD QR code
            try await emulator.scan(text: "079203001234|Nguyễn Thị Hồng Nhung|01012003")

            // Then health learns when, and the log says how long it was, but neither keeps what
            #expect(await eventually { await service.scannerHealth().lastScanAt != nil })
            let snapshot = await service.scannerHealth()
            #expect(snapshot.status.arming == .disarmed)
            #expect(!"\(snapshot)".contains("079203001234"))
            let scanned = log.lines(containing: #"msg="code scanned""#)
            #expect(scanned.count == 1)
            #expect(scanned.first?.contains("scan.length=43 scan.source=serialLine") == true, "\(scanned)")
            #expect(log.all.allSatisfy { !$0.contains("079203001234") && !$0.contains("Nhung") }, "\(log.all)")
        }
        await terminal.close()
        try database.close()
    }

    /// The object at `key` of a health body.
    static func part(_ key: String, of body: [String: Any]) -> [String: Any] {
        body[key] as? [String: Any] ?? [:]
    }
}
