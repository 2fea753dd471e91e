import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// kioskd and onestop-sim as two real processes on loopback: kioskd pulls the manifest and
/// heartbeats with the bearer token from its private file, keeps serving while the backend is
/// gone, and syncs again when it comes back.
@Suite struct KioskdWithOneStopSimTests {
    static let token = "kvt01-e2e-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()

    /// Polls kioskd's health until `condition` holds on its `sync` object (a hang guard, not a
    /// time bound); returns the last `sync` seen.
    private func waitForSync(_ url: URL, limit: TimeInterval = 180, _ condition: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(limit)
        var last: [String: Any] = [:]
        while Date() < deadline {
            let (status, body) = try await fetchJSON(url)
            #expect(status == 200)
            last = body["sync"] as? [String: Any] ?? [:]
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(200))
        }
        return last
    }

    private func date(_ value: Any?) -> Date? {
        (value as? String).flatMap { try? Date($0, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }
    }

    /// The dossier codes in kioskd's manifest, read through the sqlite3 command-line shell.
    private func manifestCodes(database: URL) throws -> Set<String> {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", database.path, "SELECT code FROM manifest_dossier WHERE withdrawn = 0"]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the sqlite3 shell (Debian package sqlite3) could not read \(database.path)")
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// The seed's dossiers the simulator publishes in kiosk manifests, by its control API.
    private func liveDossiers(_ sim: OneStopSimProcess) async throws -> Set<String> {
        let seed = try JSONSerialization.jsonObject(
            with: Data(contentsOf: OneStopSimProcess.seedDirectory.appendingPathComponent("dossiers.json"))) as? [String: Any]
        let codes = (seed?["HoSo"] as? [[String: Any]] ?? []).compactMap { $0["MaHoSo"] as? String }
        var live: Set<String> = []
        for code in codes {
            let view = try await fetchJSON(sim.controlURL.appendingPathComponent("dossiers").appendingPathComponent(code)).body
            if view["feedState"] as? String == "live" { live.insert(code) }
        }
        return live
    }

    private func writeKioskConfig(_ box: KioskdSandbox, sim: OneStopSimProcess, tokenFile: String) throws {
        try box.writeConfig("""
            {"kiosk": {"id": "KVT01", "name": "ATM hồ sơ 24/7", "agency": "PVHCC", "hotline": "0293 3870 000"},
             "stateDirectory": "\(box.stateDirectory.path)",
             "http": {"host": "127.0.0.1", "port": 0},
             "backend": {"baseURL": "\(sim.baseURL.absoluteString)", "tokenFile": "\(tokenFile)",
                         "manifestIntervalSeconds": 5, "heartbeatIntervalSeconds": 5, "requestTimeoutSeconds": 5}}
            """)
    }

    private func writeToken(in box: KioskdSandbox, mode: Int) throws -> String {
        let path = box.directory.appendingPathComponent("backend.token").path
        try Data((Self.token + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func kioskdPullsTheManifest_keepsServingWhileTheBackendIsGone_andRecoversWhenItReturns() async throws {
        // Given onestop-sim serving the seed to kiosk KVT01
        let simBox = try KioskdSandbox()
        let kioskBox = try KioskdSandbox()
        defer { simBox.remove(); kioskBox.remove() }
        let sim = try await OneStopSimProcess(directory: simBox.directory, kioskID: "KVT01", token: Self.token)
        defer { if sim.process.isRunning { kill(sim.process.processIdentifier, SIGTERM) } }
        // And kioskd with a backend section whose token is in a private file
        try writeKioskConfig(kioskBox, sim: sim, tokenFile: try writeToken(in: kioskBox, mode: 0o600))
        let kioskd = try KioskdProcess(arguments: ["--config", kioskBox.configPath])
        defer { if kioskd.process.isRunning { kill(kioskd.process.processIdentifier, SIGTERM) } }
        #expect(await kioskd.waitForOutput(containing: "kioskd listening"), "\(kioskd.standardError)")
        let health = try #require(kioskd.listeningURL).appendingPathComponent("api/health")

        // Then health reports a successful sync with the manifest pulled up to date
        let synced = try await waitForSync(health) { sync in
            sync["lastSuccessAt"] as? String != nil && sync["manifestLagSeconds"] as? Int != nil
                && sync["clockOffsetMs"] as? Int != nil
        }
        #expect(synced["manifestLagSeconds"] as? Int != nil, "\(synced)\n\(kioskd.standardError)\n\(sim.log)")
        #expect(synced["backendReachable"] as? Bool == true)
        #expect(synced["outboxDepth"] as? Int == 0)
        #expect(synced["lastAcknowledgedSeq"] as? Int == 0)
        #expect(synced["clockOffsetMs"] as? Int != nil)
        // And the kiosk's store holds exactly the dossiers the backend publishes for it
        let live = try await liveDossiers(sim)
        #expect(!live.isEmpty)
        #expect(try manifestCodes(database: kioskBox.stateDirectory.appendingPathComponent("kiosk.sqlite")) == live)

        // When the backend goes away
        #expect(await sim.stop() == 0)
        // Then kioskd keeps serving health and reports the refused connection, after its last success
        let lastSuccess = try #require(date(synced["lastSuccessAt"]))
        let offline = try await waitForSync(health) { sync in
            (date(sync["lastErrorAt"]).map { $0 > lastSuccess } ?? false) && sync["backendReachable"] as? Bool == false
        }
        let error = try #require(offline["lastError"] as? String, "\(offline)\n\(kioskd.standardError)")
        #expect(error.contains("backend unreachable: connection refused by 127.0.0.1:\(sim.port)"), "\(error)")
        #expect(!error.contains(Self.token))

        // When it comes back on the same port with the same database
        try await sim.restart()
        // Then the sync recovers: a success after the last error, the backend reachable again
        let lastError = try #require(date(offline["lastErrorAt"]))
        let recovered = try await waitForSync(health) { sync in
            (date(sync["lastSuccessAt"]).map { $0 > lastError } ?? false) && sync["backendReachable"] as? Bool == true
        }
        #expect(recovered["backendReachable"] as? Bool == true, "\(recovered)\n\(kioskd.standardError)")

        // And both stop cleanly, and the token never reached kioskd's log
        kill(kioskd.process.processIdentifier, SIGTERM)
        #expect(await kioskd.waitForExit() == 0)
        #expect(await sim.stop() == 0)
        #expect(!kioskd.standardError.contains(Self.token))
    }

    @Test func aTokenFileOthersMayRead_stopsKioskdWithStatus2_namingTheKeyButNotTheToken() async throws {
        // Given a token file readable by everyone
        let box = try KioskdSandbox()
        defer { box.remove() }
        let tokenFile = try writeToken(in: box, mode: 0o644)
        try box.writeConfig("""
            {"kiosk": {"id": "KVT01", "name": "ATM hồ sơ 24/7", "agency": "PVHCC", "hotline": "0293 3870 000"},
             "stateDirectory": "\(box.stateDirectory.path)",
             "http": {"host": "127.0.0.1", "port": 0},
             "backend": {"baseURL": "http://127.0.0.1:9", "tokenFile": "\(tokenFile)"}}
            """)
        // When kioskd starts
        let kioskd = try KioskdProcess(arguments: ["--config", box.configPath])
        // Then it refuses with status 2, naming the key, the file and its mode, never the token
        #expect(await kioskd.waitForExit() == 2)
        #expect(kioskd.standardError.contains(
            "config: key 'backend.tokenFile' names \(tokenFile), which group or others may access (mode 644)"),
            "\(kioskd.standardError)")
        #expect(!kioskd.standardError.contains(Self.token))
        #expect(!kioskd.standardError.contains("kioskd listening"))
    }
}
