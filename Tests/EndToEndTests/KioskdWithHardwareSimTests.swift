import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// kioskd and kiosk-hwsim as two real processes, wired as `make demo` wires them: the production
/// lock-bus drivers in kioskd drive the emulated boards of kiosk-hwsim over PTYs, exactly as they
/// would drive USB-serial adapters; the printer driver reaches the emulated printer over TCP (a
/// network printer on port 9100) and the scanner driver reads the emulated scanner's PTY.
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

    private func part(_ key: String, of health: [String: Any]) -> [String: Any] {
        health[key] as? [String: Any] ?? [:]
    }

    private func post(_ url: URL, method: String = "POST", body: String? = nil) async throws -> Int {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test func kioskdDrivesTheSimulatedLockersPrinterAndScanner_andSeesForcedDoorsOfflineBoardsAndPaperOut() async throws {
        // Given kiosk-hwsim serving a Kerong bus and a WKLY bus on PTYs, a printer on TCP and a scanner on a PTY
        let simBox = try KioskdSandbox()
        let kioskBox = try KioskdSandbox()
        defer { simBox.remove(); kioskBox.remove() }
        let kerongLink = simBox.directory.appendingPathComponent("dev/lockbus0").path
        let wklyLink = simBox.directory.appendingPathComponent("dev/lockbus1").path
        let printerLink = simBox.directory.appendingPathComponent("dev/printer0").path
        let scannerLink = simBox.directory.appendingPathComponent("dev/scanner0").path
        try simBox.writeConfig("""
            {"control": {"host": "127.0.0.1", "port": 0},
             "lockBuses": [{"id": "lockbus0", "family": "kerong", "boards": [0], "link": "\(kerongLink)"},
                           {"id": "lockbus1", "family": "wkly", "boards": [0], "channels": 8, "link": "\(wklyLink)"}],
             "printers": [{"id": "printer0", "paperWidthDots": 576, "link": "\(printerLink)", "tcp": {"host": "127.0.0.1", "port": 0}}],
             "scanners": [{"id": "scanner0", "mode": "serial", "suffix": "cr", "link": "\(scannerLink)"}]}
            """)
        let sim = try KioskdProcess(arguments: ["--config", simBox.configPath],
                                    executable: KioskdProcess.builtProduct("kiosk-hwsim"))
        defer { if sim.process.isRunning { kill(sim.process.processIdentifier, SIGTERM) } }
        #expect(await sim.waitForOutput(containing: "kiosk-hwsim control listening"))
        #expect(await sim.waitForOutput(containing: "printer listening"))
        #expect(await sim.waitForOutput(containing: "scanner serving"))
        let api = try #require(sim.listeningURL).appendingPathComponent("api")
        let control = api.appendingPathComponent("lock-buses")
        let printerLinks = try await fetchJSON(api.appendingPathComponent("printers/printer0")).body["links"] as? [String: Any]
        let printerPort = try #require(printerLinks?["tcpPort"] as? Int)
        // And kioskd configured with three slots on those buses, the printer's TCP port and the scanner's PTY
        try kioskBox.writeConfig("""
            {"kiosk": {"id": "KVT01", "name": "ATM hồ sơ 24/7", "agency": "PVHCC", "hotline": "0293 3870 000"},
             "stateDirectory": "\(kioskBox.stateDirectory.path)",
             "http": {"host": "127.0.0.1", "port": 0},
             "lockers": {
               "buses": [{"id": "lockbus0", "family": "kerong", "device": "\(kerongLink)"},
                         {"id": "lockbus1", "family": "wkly", "device": "\(wklyLink)"}],
               "slots": [{"label": "A-01", "bus": "lockbus0", "board": 0, "channel": 1, "size": "S", "doorHeightMm": 300},
                         {"label": "A-02", "bus": "lockbus0", "board": 0, "channel": 2, "size": "M", "doorHeightMm": 700},
                         {"label": "B-01", "bus": "lockbus1", "board": 0, "channel": 1, "size": "L", "doorHeightMm": 1000}]},
             "devices": {
               "printer": {"id": "printer0", "transport": "tcp", "host": "127.0.0.1", "port": \(printerPort), "statusPollIntervalMs": 200},
               "scanner": {"id": "scanner0", "mode": "serial", "device": "\(scannerLink)", "suffix": "cr"}}}
            """)
        let kioskd = try KioskdProcess(arguments: ["--config", kioskBox.configPath])
        defer { if kioskd.process.isRunning { kill(kioskd.process.processIdentifier, SIGTERM) } }
        #expect(await kioskd.waitForOutput(containing: "kioskd listening"), "\(kioskd.standardError)")
        let health = try #require(kioskd.listeningURL).appendingPathComponent("api/health")

        // Then every slot, the printer and the scanner come online through the real drivers
        let online = try await waitForHealth(health) {
            lockerCounts($0)["online"] == 3 && part("printer", of: $0)["readyToPrint"] as? Bool == true
                && part("scanner", of: $0)["status"] as? String == "online"
        }
        #expect(lockerCounts(online) == ["online": 3], "\(online)\n\(kioskd.standardError)")
        #expect(part("printer", of: online)["status"] as? String == "online", "\(online)\n\(kioskd.standardError)")
        #expect(part("printer", of: online)["paper"] as? String == "ok")
        #expect(part("scanner", of: online)["status"] as? String == "online", "\(online)\n\(kioskd.standardError)")
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

        // When the printer's paper runs out
        #expect(try await post(api.appendingPathComponent("printers/printer0/paper"), method: "PUT", body: #"{"paper": "out"}"#) == 200)
        // Then health is degraded and asks for new paper, and kioskd logs the event with that action
        let paperOut = try await waitForHealth(health) { part("printer", of: $0)["paper"] as? String == "out" }
        #expect(paperOut["status"] as? String == "degraded")
        #expect(part("printer", of: paperOut)["recommendedAction"] as? String == "Thay giấy")
        #expect(part("scanner", of: paperOut)["status"] as? String == "online")
        #expect(await kioskd.waitForOutput(containing: "printer.event=paperOut"), "\(kioskd.standardError)")
        // And when the scanner is unplugged, health says so
        #expect(try await post(api.appendingPathComponent("scanners/scanner0/unplug")) == 200)
        let unplugged = try await waitForHealth(health) { part("scanner", of: $0)["status"] as? String != "online" }
        #expect(part("scanner", of: unplugged)["status"] as? String == "offline", "\(unplugged)")
        #expect(await kioskd.waitForOutput(containing: "scanner disconnected"))

        // When both stop, both exit cleanly
        kill(kioskd.process.processIdentifier, SIGTERM)
        #expect(await kioskd.waitForExit() == 0)
        kill(sim.process.processIdentifier, SIGTERM)
        #expect(await sim.waitForExit() == 0)
    }
}
