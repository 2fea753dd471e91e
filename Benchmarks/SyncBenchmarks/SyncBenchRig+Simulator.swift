import Foundation
import Logging
import OneStopSim

extension SyncBenchRig {
    /// Serves onestop-sim on a free loopback port with `dossiers` generated dossiers ready for
    /// pickup and the repository's procedures, while `body` runs.
    static func withSimulator<T: Sendable>(
        dossiers: Int, in directory: URL, _ body: @escaping @Sendable (URL, OneStopBackend) async throws -> T
    ) async throws -> T {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let seed = directory.appendingPathComponent("dossiers.json")
        try seedFile(dossiers).write(to: seed)
        let configuration = OneStopSimConfiguration(
            port: 0, databasePath: directory.appendingPathComponent("sim.sqlite").path, dossierSeedPath: seed.path,
            procedureSeedPath: "data/seed/procedures.json", kioskTokens: [kioskID: token], hashIterations: 1_000)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let server = try OneStopSimServer(configuration: configuration, logger: quiet) { continuation.yield($0) }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await server.run()
                return nil
            }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), let url = URL(string: "http://127.0.0.1:\(port)") else {
                throw BenchFailure("onestop-sim did not start")
            }
            group.addTask { try await body(url, server.backend) }
            while let next = try await group.next() {
                if let value = next { return value }
            }
            throw BenchFailure("onestop-sim stopped early")
        }
    }

    /// A seed file of `count` dossiers in status 9, codes `seedCode(1)`…`seedCode(count)`.
    static func seedFile(_ count: Int) throws -> Data {
        try JSONEncoder().encode(["HoSo": (1...count).map { SeedItem(MaHoSo: seedCode($0)) }])
    }

    /// The code of seed dossier `index` (1–9,999): `000.28.21.H28-251107-0001`….
    static func seedCode(_ index: Int) -> String {
        let text = String(index)
        return "000.28.21.H28-251107-" + String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    /// One dossier in the simulator's seed form.
    struct SeedItem: Encodable {
        var MaHoSo: String
        var MaTTHC = "1.001612"
        var ChuHoSo = "Nguyễn Thị Thu Hà"
        var SoGiayToChuHoSo = "093188004821"
        var SoDienThoai = "0912345668"
        var NgayTiepNhan = "20251107091530"
        var NgayHenTra = "20251112170000"
        var TrangThaiHoSo = "9"
        var PhiConNo: Int64 = 0
    }
}
