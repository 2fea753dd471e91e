import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KioskWeb
import Logging
import Testing
@testable import KioskApp

/// The composition with a `backend` section: the kiosk is offline-first, so it starts and serves
/// health even when nothing answers at the backend's address, and health says why.
@Suite struct KioskAppBackendTests {
    @Test func aKioskWhoseBackendIsUnreachable_startsServing_andHealthReportsTheSyncError() async throws {
        // Given a kiosk whose backend address has nothing listening (port 1 on loopback)
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let tokenFile = base.appendingPathComponent("backend.token").path
        try Data("kvt01-app-test-token-5c2e9a\n".utf8).write(to: URL(fileURLWithPath: tokenFile))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tokenFile)
        let config = try KioskConfiguration.parse(Data("""
            {"kiosk": {"id": "KVT01", "name": "ATM hồ sơ 24/7", "agency": "PVHCC", "hotline": "0293 3870 000"},
             "stateDirectory": "\(base.appendingPathComponent("state").path)",
             "http": {"host": "127.0.0.1", "port": 0},
             "backend": {"baseURL": "http://127.0.0.1:1", "tokenFile": "\(tokenFile)", "requestTimeoutSeconds": 2}}
            """.utf8))
        var logger = Logger(label: "kioskd-test")
        logger.logLevel = .critical
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let runtime = try await KioskApp.build(config: config, logger: logger) { _, port in announce.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await runtime.run() }
            defer { group.cancelAll() }
            // When it is running
            var listening = ports.makeAsyncIterator()
            let port = try #require(await listening.next())
            // Then health answers, and its sync object carries the refused connection
            let health = try await waitForHealth(port: port) { $0.sync?.lastError != nil }
            let sync = try #require(health.sync, "\(health)")
            #expect(sync.lastError?.contains("backend unreachable: connection refused by 127.0.0.1:1") == true, "\(sync)")
            #expect(sync.backendReachable == false)
            #expect(sync.lastSuccessAt == nil)
            #expect(sync.manifestLagSeconds == nil)
            #expect(sync.outboxDepth == 0)
            #expect(sync.lastAcknowledgedSeq == 0)
            #expect(sync.lastError?.contains("kvt01-app-test-token") == false)
            // And the kiosk itself is healthy: it works offline
            #expect(health.status == "ok")
        }
    }

    /// Polls `/api/health` until `condition` holds (a hang guard of 60 s, not a time bound).
    private func waitForHealth(port: Int, _ condition: (HealthResponse) -> Bool) async throws -> HealthResponse {
        let deadline = ContinuousClock.now + .seconds(60)
        var last: HealthResponse?
        while ContinuousClock.now < deadline {
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/api/health"))
            let (body, _) = try await URLSession.shared.data(from: url)
            let health = try JSONDecoder().decode(HealthResponse.self, from: body)
            if condition(health) { return health }
            last = health
            try await Task.sleep(for: .milliseconds(100))
        }
        return try #require(last)
    }
}
