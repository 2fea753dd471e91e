import DeviceProtocols
import DeviceTransports
import Foundation
import KioskHAL
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `kiosk-hwsim` as a real process: a driver in another process (this test) talks real frames to
/// the emulated boards over a PTY, while the control API plays the citizen and the technician.
@Suite struct KioskHWSimProcessTests {
    private func start(_ sandbox: KioskdSandbox) async throws -> (KioskdProcess, URL, String) {
        let link = sandbox.directory.appendingPathComponent("dev/lockbus0").path
        try sandbox.writeConfig("""
            {"control": {"host": "127.0.0.1", "port": 0},
             "lockBuses": [{"id": "lockbus0", "family": "kerong", "boards": [0, 1], "pulseMilliseconds": 3000, "link": "\(link)"}]}
            """)
        let sim = try KioskdProcess(arguments: ["--config", sandbox.configPath],
                                    executable: KioskdProcess.builtProduct("kiosk-hwsim"))
        #expect(await sim.waitForOutput(containing: "kiosk-hwsim control listening"), "\(sim.standardError)")
        #expect(await sim.waitForOutput(containing: "lock bus serving"), "\(sim.standardError)")
        return (sim, try #require(sim.listeningURL), link)
    }

    private func exchange(_ port: SerialPort, _ frame: KerongFrame, expectReply: Bool = true) async throws -> [KerongFrame] {
        try await port.discardInput()
        try await port.write(try frame.encoded(), timeout: .seconds(30))
        guard expectReply else { return [] }
        var decoder = KerongFrameDecoder()
        var frames: [KerongFrame] = []
        while frames.isEmpty {
            frames = decoder.feed(try await port.read(maxCount: 64, timeout: .seconds(60)))
        }
        return frames
    }

    private func post(_ url: URL) async throws -> Int {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test func driverInAnotherProcess_drivesTheEmulatedBoardsOverAPTY_andTheControlAPIPlaysThePeople() async throws {
        let sandbox = try KioskdSandbox()
        defer { sandbox.remove() }
        let (sim, control, link) = try await start(sandbox)
        defer { kill(sim.process.processIdentifier, SIGTERM) }
        let bus = control.appendingPathComponent("api/lock-buses/lockbus0")
        // Given the driver side opens the stable link like /dev/ttyUSB0
        let port = try SerialPort(path: link, bitsPerSecond: 19200, name: "lockbus0")
        // Then board 1 reports every lock closed and no items
        #expect(try await exchange(port, .readStatus(board: 1)) == [.status(board: 1, hooks: 0xFFFF, sensors: 0)])
        // When a latched door is pulled, the control API refuses: the latch holds
        #expect(try await post(bus.appendingPathComponent("boards/1/channels/7/open-door")) == 409)
        // When the driver unlocks board 1 lock 7 and a person opens the door and puts an item in
        _ = try await exchange(port, .unlock(board: 1, lock: 6), expectReply: false)
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await post(bus.appendingPathComponent("boards/1/channels/7/open-door")) == 200)
        #expect(try await post(bus.appendingPathComponent("boards/1/channels/7/put-item")) == 200)
        // Then the board's status shows lock 7 open with an item
        #expect(try await exchange(port, .readStatus(board: 1)) == [.status(board: 1, hooks: 0xFFBF, sensors: 0x0040)])
        // And the control API shows the same
        let view = try await fetchJSON(bus)
        let boards = try #require(view.body["boards"] as? [[String: Any]])
        let channel7 = (boards.last?["channels"] as? [[String: Any]])?.first { $0["channel"] as? Int == 7 }
        #expect(channel7?["doorOpen"] as? Bool == true)
        #expect(channel7?["itemPresent"] as? Bool == true)
        await port.close()
        kill(sim.process.processIdentifier, SIGTERM)
        #expect(await sim.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: link), "the PTY link outlived the simulator")
    }

    @Test func unplug_disconnectsTheDriver_andReplugServesANewPortAtTheSameLink() async throws {
        let sandbox = try KioskdSandbox()
        defer { sandbox.remove() }
        let (sim, control, link) = try await start(sandbox)
        defer { kill(sim.process.processIdentifier, SIGTERM) }
        let bus = control.appendingPathComponent("api/lock-buses/lockbus0")
        let port = try SerialPort(path: link, bitsPerSecond: 19200, name: "lockbus0")
        #expect(try await exchange(port, .readStatus(board: 0)).count == 1)
        // When the adapter is pulled
        #expect(try await post(bus.appendingPathComponent("unplug")) == 200)
        // Then the driver's next read fails as disconnected, not a hang
        await #expect {
            _ = try await port.read(maxCount: 16, timeout: .seconds(10))
        } throws: { error in (error as? HALError)?.kind == .disconnected }
        await port.close()
        // When it is plugged back in, the same link works again
        #expect(try await post(bus.appendingPathComponent("replug")) == 200)
        #expect(await sim.waitForOutput(containing: "lock bus unplugged"))
        var reopened: SerialPort?
        for _ in 0..<200 where reopened == nil {
            reopened = try? SerialPort(path: link, bitsPerSecond: 19200, name: "lockbus0")
            if reopened == nil { try await Task.sleep(for: .milliseconds(25)) }
        }
        let again = try #require(reopened)
        #expect(try await exchange(again, .readStatus(board: 0)) == [.status(board: 0, hooks: 0xFFFF, sensors: 0)])
        await again.close()
    }

    @Test func badConfiguration_exitsWithStatus2_namingTheProblem() async throws {
        let sandbox = try KioskdSandbox()
        defer { sandbox.remove() }
        try sandbox.writeConfig(#"{"lockBuses": [{"id": "b", "family": "acme", "boards": [0], "link": "/tmp/x"}]}"#)
        let sim = try KioskdProcess(arguments: ["--config", sandbox.configPath],
                                    executable: KioskdProcess.builtProduct("kiosk-hwsim"))
        #expect(await sim.waitForExit() == 2)
        #expect(sim.standardError == "kiosk-hwsim: config: lock bus 'b': family must be kerong or wkly, not 'acme'\n")
    }
}
