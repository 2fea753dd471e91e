import DeviceTransports
import Foundation
import KioskStore
import Logging
import TestSupport
import Testing
@testable import KioskApp
@testable import KioskWeb

/// The printer service on its own, against a network printer that is not there at first.
@Suite struct ReceiptPrinterServiceTests {
    @Test func printerAbsentAtStart_asksForATechnicianAndLogsOnce_thenComesOnlineWhenItAppears() async throws {
        // Given a loopback port where no printer listens yet, and the printer service pointed at it
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-printer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let probe = try TCPListener(host: "127.0.0.1", port: 0, name: "probe")
        let port = probe.port
        await probe.close()
        let log = CapturedLog()
        let database = try AppDatabase(
            path: directory.appendingPathComponent("kiosk.sqlite").path, kioskID: "KVT01", logger: log.logger())
        let service = try ReceiptPrinterService(
            printer: .init(
                id: "printer0", transport: .tcp(host: "127.0.0.1", port: Int(port)), paperWidthDots: 576,
                statusTimeoutMilliseconds: 5_000, statusPollIntervalMilliseconds: 200, writeTimeoutMilliseconds: 10_000,
                connectTimeoutMilliseconds: 5_000),
            journal: DeviceJournal(database: database, logger: log.logger(), now: { Date() }), logger: log.logger())

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            defer { group.cancelAll() }

            // Then it reads as no device, health asks for a technician, and the failure is logged
            #expect(await eventually { await service.printerHealth().status.device == .noDevice })
            let absent = HealthResponse.Printer(await service.printerHealth())
            #expect(!absent.readyToPrint)
            #expect(absent.recommendedAction == "Gọi kỹ thuật")
            #expect(await eventually { !log.lines(containing: "printer cannot be opened").isEmpty })

            // When the printer appears on that port
            let printer = try NetworkPrinter(port: port)
            group.addTask { await printer.serve() }

            // Then the driver's retries find it: online, logged once as failing and once as back
            #expect(await eventually { await service.printerHealth().status.isReadyToPrint })
            #expect(await eventually { !log.lines(containing: "printer opened again").isEmpty })
            #expect(log.lines(containing: "printer cannot be opened").count == 1, "\(log.all)")
            // (the driver's `online` event travels on its own stream, after the status)
            #expect(await eventually { await service.printerHealth().lastEvent?.event == .online })
            let online = HealthResponse.Printer(await service.printerHealth())
            #expect(online.lastEvent?.event == "online")
            #expect(online.recommendedAction == "Không cần thao tác")
            #expect(await eventually {
                (try? await database.journalEntries().map(\.kind)) == ["printer.online"]
            })
            await printer.listener.close()
        }
        try database.close()
    }
}
