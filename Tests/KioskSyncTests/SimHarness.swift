import Foundation
import Logging
import OneStopSim
import OneStopWire

/// A real `onestop-sim` served in-process on a loopback port, with its own SQLite file, the
/// repository's procedure catalogue and (optionally) generated dossiers. The kiosk talks to it
/// over HTTP exactly as to a production backend.
struct SimHarness: Sendable {
    static let kioskID = "KVT01"
    static let token = "kvt01-test-token-0123456789"

    let server: OneStopSimServer
    let port: Int
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var backend: OneStopBackend { server.backend }
    var faults: FaultController { server.faults }

    /// The repository's `data/seed` directory.
    static var seedDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/seed")
    }

    /// Runs `body` with a simulator on a free port; `dossiers` replaces the seed dossiers when given;
    /// fault durations are measured on `faultClock`.
    static func with<T: Sendable>(
        dossiers: [SeedDossier]? = nil, directory: URL, now: @escaping @Sendable () -> Date = { Date() },
        faultClock: FaultClock = .continuous, _ body: @escaping @Sendable (SimHarness) async throws -> T
    ) async throws -> T {
        var dossierPath = seedDirectory.appendingPathComponent("dossiers.json").path
        if let dossiers {
            let url = directory.appendingPathComponent("sim-dossiers.json")
            try JSONEncoder().encode(SeedDossierList(HoSo: dossiers)).write(to: url)
            dossierPath = url.path
        }
        let configuration = OneStopSimConfiguration(
            port: 0, databasePath: directory.appendingPathComponent("sim.sqlite").path, dossierSeedPath: dossierPath,
            procedureSeedPath: seedDirectory.appendingPathComponent("procedures.json").path,
            kioskTokens: [kioskID: token], hashIterations: 1_000, codeSeed: 7)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "onestop-sim")
        logger.logLevel = .critical
        let server = try OneStopSimServer(configuration: configuration, now: now, faultClock: faultClock, logger: logger) { port in
            continuation.yield(port)
        }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await server.run()
                return nil
            }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw HangGuardExpired(what: "onestop-sim to listen") }
            let harness = SimHarness(server: server, port: port)
            group.addTask { try await body(harness) }
            while let next = try await group.next() {
                if let value = next { return value }
            }
            throw HangGuardExpired(what: "onestop-sim stopped before the test finished")
        }
    }
}

/// One dossier in the simulator's seed form (national field names, `yyyyMMddHHmmss`).
struct SeedDossier: Encodable, Sendable {
    var MaHoSo: String
    var MaTTHC: String = "1.001612"
    var ChuHoSo: String = "Nguyễn Thị Thu Hà"
    var SoGiayToChuHoSo: String = "093188004821"
    var SoDienThoai: String = "0912345668"
    var NgayTiepNhan: String = "20251107091530"
    var NgayHenTra: String = "20251112170000"
    var TrangThaiHoSo: String = "9"
    var PhiConNo: Int64 = 0

    /// `count` dossiers ready for pickup, codes `000.28.21.H28-251107-0001`…
    static func ready(_ count: Int) -> [SeedDossier] {
        (1...count).map { index in
            let text = String(index)
            return SeedDossier(MaHoSo: "000.28.21.H28-251107-" + String(repeating: "0", count: max(0, 4 - text.count)) + text)
        }
    }
}

private struct SeedDossierList: Encodable {
    var HoSo: [SeedDossier]
}
