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

    @Test func oneProcessHostsLockBusPrinterAndScanner_jobsPrintOverTCPAndPTY_scansArrive_andPaperOutShowsInTheStatus() async throws {
        typealias Support = HardwareSimDeviceSupport
        let sandbox = try KioskdSandbox()
        defer { sandbox.remove() }
        let dev = sandbox.directory.appendingPathComponent("dev")
        let links = ["lockbus0", "printer0", "scanner0"].map { dev.appendingPathComponent($0).path }
        try sandbox.writeConfig("""
            {"control": {"host": "127.0.0.1", "port": 0},
             "lockBuses": [{"id": "lockbus0", "family": "kerong", "boards": [0], "link": "\(links[0])"}],
             "printers": [{"id": "printer0", "paperWidthDots": 384, "link": "\(links[1])", "tcp": {"host": "127.0.0.1", "port": 0}}],
             "scanners": [{"id": "scanner0", "mode": "serial", "suffix": "cr", "link": "\(links[2])"}]}
            """)
        let sim = try KioskdProcess(arguments: ["--config", sandbox.configPath],
                                    executable: KioskdProcess.builtProduct("kiosk-hwsim"))
        defer { kill(sim.process.processIdentifier, SIGTERM) }
        for line in ["kiosk-hwsim control listening", "lock bus serving", "printer serving", "printer listening", "scanner serving"] {
            #expect(await sim.waitForOutput(containing: line), "\(sim.standardError)")
        }
        let control = try #require(sim.listeningURL).appendingPathComponent("api")
        let printer = control.appendingPathComponent("printers/printer0")
        let links0 = try await HTTPReply.call("GET", printer).json["links"] as? [String: Any]
        let portNumber = try #require(links0?["tcpPort"] as? Int)
        let tcpPort = try #require(UInt16(exactly: portNumber))
        #expect(sim.standardError.contains("tcp=127.0.0.1:\(tcpPort)"), "the printer's port is announced in the log")

        // The lock bus still answers beside them
        let bus = try SerialPort(path: links[0], bitsPerSecond: 19200, name: "lockbus0")
        #expect(try await exchange(bus, .readStatus(board: 0)) == [.status(board: 0, hooks: 0xFFFF, sensors: 0)])
        await bus.close()

        // When one receipt is sent over TCP and another over the PTY
        let overTCP = try Support.receiptBitmap("DK-2026-000731")
        let overPTY = try Support.receiptBitmap("HS-PTY-0002")
        let connection = try await TCPByteStream.connect(host: "127.0.0.1", port: tcpPort, timeout: .seconds(30))
        try await connection.write(try Support.receiptJob(overTCP), timeout: .seconds(30))
        await connection.close()
        #expect(try await Support.eventually { try await HTTPReply.call("GET", printer).json["pages"] as? Int == 1 })
        let printerPort = try SerialPort(path: links[1], bitsPerSecond: 115200, name: "printer0")
        try await printerPort.write(try Support.receiptJob(overPTY), timeout: .seconds(30))
        #expect(try await Support.eventually { try await HTTPReply.call("GET", printer).json["pages"] as? Int == 2 })
        await printerPort.close()

        // Then both pages are listed with their sizes, and their PNGs are what was printed
        let pages = try await HTTPReply.call("GET", printer.appendingPathComponent("pages")).json["pages"] as? [[String: Any]]
        let expected = try [overTCP, overPTY].map(Support.expectedPage)
        #expect(pages?.map { $0["height"] as? Int } == expected.map(\.height))
        #expect(pages?.map { $0["width"] as? Int } == [384, 384])
        for (index, page) in expected.enumerated() {
            let png = try await HTTPReply.call("GET", printer.appendingPathComponent("pages/\(index).png"))
            #expect(png.status == 200 && png.contentType == "image/png")
            #expect(Array(png.data) == PNGEncoder.encode(try page.greyImage()), "page \(index)")
        }

        // When a code is scanned over HTTP, it arrives on the scanner's PTY with the CR suffix
        let scanner = try SerialPort(path: links[2], bitsPerSecond: 9600, name: "scanner0")
        let scanned = try await HTTPReply.call(
            "POST", control.appendingPathComponent("scanners/scanner0/scan-text"), body: Data(#"{"text": "DK-2026-000731"}"#.utf8))
        #expect(scanned.status == 200)
        #expect(try await Support.read(15, from: scanner) == Array("DK-2026-000731\r".utf8))
        // And the printed receipt held under the scanner (its page PNG) scans as its QR
        let receipt = try await HTTPReply.call("GET", printer.appendingPathComponent("pages/0.png")).data
        let fromPaper = try await HTTPReply.call("POST", control.appendingPathComponent("scanners/scanner0/scan-image"), body: receipt)
        #expect(fromPaper.json["sent"] as? [String] == ["DK-2026-000731"], "\(fromPaper.errorMessage ?? "")")
        #expect(try await Support.read(15, from: scanner) == Array("DK-2026-000731\r".utf8))
        await scanner.close()

        // When the paper runs out over HTTP, 10 04 4 over TCP reports paper end
        let status = try await TCPByteStream.connect(host: "127.0.0.1", port: tcpPort, timeout: .seconds(30))
        #expect(try await Support.status(.paperSensor, on: status) == .paperSensor(nearEnd: false, paperEnd: false))
        let out = try await HTTPReply.call("PUT", printer.appendingPathComponent("paper"), body: Data(#"{"paper": "out"}"#.utf8))
        #expect(out.status == 200 && out.json["paper"] as? String == "out")
        #expect(try await Support.status(.paperSensor, on: status) == .paperSensor(nearEnd: true, paperEnd: true))
        await status.close()

        kill(sim.process.processIdentifier, SIGTERM)
        #expect(await sim.waitForExit() == 0)
        for link in links {
            #expect(!FileManager.default.fileExists(atPath: link), "\(link) outlived the simulator")
        }
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
