import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// kioskd and kiosk-hwsim as two real processes: the production lock-bus drivers in kioskd drive
/// the emulated boards of kiosk-hwsim over PTYs, exactly as they would drive USB-serial adapters.
@Suite struct KioskdWithHardwareSimTests {
    /// Polls kioskd's health until `condition` holds (a hang guard, not a time bound).
    private func waitForHealth(_ url: URL, limit: TimeInterval = 60, _ condition: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(limit)
        var last: [String: Any] = [:]
        while Date() < deadline {
            last = try await fetchJSON(url).body
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        return last
    }

    private func lockerCounts(_ health: [String: Any]) -> [String: Int] {
        ((health["lockers"] as? [String: Any])?["byStatus"] as? [String: Int]) ?? [:]
    }

    private func post(_ url: URL) async throws -> Int {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test func kioskdDrivesTheSimulatedLockers_andSeesForcedDoorsAndOfflineBoards() async throws {
        // Given kiosk-hwsim serving a Kerong bus and a WKLY bus on PTYs
        let simBox = try KioskdSandbox()
        let kioskBox = try KioskdSandbox()
        defer { simBox.remove(); kioskBox.remove() }
        let kerongLink = simBox.directory.appendingPathComponent("dev/lockbus0").path
        let wklyLink = simBox.directory.appendingPathComponent("dev/lockbus1").path
        try simBox.writeConfig("""
            {"control": {"host": "127.0.0.1", "port": 0},
             "lockBuses": [{"id": "lockbus0", "family": "kerong", "boards": [0], "link": "\(kerongLink)"},
                           {"id": "lockbus1", "family": "wkly", "boards": [0], "channels": 8, "link": "\(wklyLink)"}]}
            """)
        let sim = try KioskdProcess(arguments: ["--config", simBox.configPath],
                                    executable: KioskdProcess.builtProduct("kiosk-hwsim"))
        defer { if sim.process.isRunning { kill(sim.process.processIdentifier, SIGTERM) } }
        #expect(await sim.waitForOutput(containing: "kiosk-hwsim control listening"))
        let control = try #require(sim.listeningURL).appendingPathComponent("api/lock-buses")
        // And kioskd configured with three slots on those buses
        try kioskBox.writeConfig("""
            {"kiosk": {"id": "KVT01", "name": "ATM hồ sơ 24/7", "agency": "PVHCC", "hotline": "0293 3870 000"},
             "stateDirectory": "\(kioskBox.stateDirectory.path)",
             "http": {"host": "127.0.0.1", "port": 0},
             "lockers": {
               "buses": [{"id": "lockbus0", "family": "kerong", "device": "\(kerongLink)"},
                         {"id": "lockbus1", "family": "wkly", "device": "\(wklyLink)"}],
               "slots": [{"label": "A-01", "bus": "lockbus0", "board": 0, "channel": 1, "size": "S", "doorHeightMm": 300},
                         {"label": "A-02", "bus": "lockbus0", "board": 0, "channel": 2, "size": "M", "doorHeightMm": 700},
                         {"label": "B-01", "bus": "lockbus1", "board": 0, "channel": 1, "size": "L", "doorHeightMm": 1000}]}}
            """)
        let kioskd = try KioskdProcess(arguments: ["--config", kioskBox.configPath])
        defer { if kioskd.process.isRunning { kill(kioskd.process.processIdentifier, SIGTERM) } }
        #expect(await kioskd.waitForOutput(containing: "kioskd listening"), "\(kioskd.standardError)")
        let health = try #require(kioskd.listeningURL).appendingPathComponent("api/health")

        // Then every slot comes online through the real drivers
        let online = try await waitForHealth(health) { lockerCounts($0)["online"] == 3 }
        #expect(lockerCounts(online) == ["online": 3], "\(online)\n\(kioskd.standardError)")
        #expect(online["status"] as? String == "ok")

        // When someone forces A-01's door and B-01's door
        #expect(try await post(control.appendingPathComponent("lockbus0/boards/0/channels/1/force-door")) == 200)
        #expect(try await post(control.appendingPathComponent("lockbus1/boards/0/channels/1/force-door")) == 200)
        // Then kioskd reports both as opened without a command
        #expect(await kioskd.waitForOutput(containing: #"msg="door opened without a command" bus.id=lockbus0"#))
        #expect(await kioskd.waitForOutput(containing: "slot.id=B-01"))
        #expect(kioskd.standardError.contains("slot.id=A-01"))

        // When the Kerong board stops answering
        #expect(try await post(control.appendingPathComponent("lockbus0/boards/0/offline")) == 200)
        // Then only its two slots go offline and health says degraded
        let degraded = try await waitForHealth(health) { lockerCounts($0)["offline"] == 2 }
        #expect(lockerCounts(degraded) == ["offline": 2, "online": 1])
        #expect(degraded["status"] as? String == "degraded")
        // And when it answers again, they come back
        #expect(try await post(control.appendingPathComponent("lockbus0/boards/0/online")) == 200)
        let recovered = try await waitForHealth(health) { lockerCounts($0)["online"] == 3 }
        #expect(lockerCounts(recovered) == ["online": 3])

        // When both stop, both exit cleanly
        kill(kioskd.process.processIdentifier, SIGTERM)
        #expect(await kioskd.waitForExit() == 0)
        kill(sim.process.processIdentifier, SIGTERM)
        #expect(await sim.waitForExit() == 0)
    }
}
