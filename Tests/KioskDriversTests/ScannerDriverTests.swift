import DeviceProtocols
import DeviceTransports
@testable import HardwareSims
import KioskDrivers
import KioskHAL
import Testing

/// `SerialLineScanner` against the scanner emulator, over an in-memory pipe and a real PTY.
/// Every wait is on an event; the suite's time limit is the hang guard.
@Suite(.timeLimit(.minutes(1))) struct ScannerDriverTests {

    static let vietnamese = "Nguyễn Thị Hồng Nhung · Hồ sơ HS-2026-000123"
    static let cccdLine = "001099012345|123456789|Nguyễn Văn An|01011990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|01012021"
    /// Invalid UTF-8 (a lead byte followed by ASCII), then the suffix.
    static let garbage: [UInt8] = [0xC3, 0x28, 0x0D, 0x0A]

    static func scanned(_ text: String) -> ScanEvent {
        .scanned(Scan(text: text, symbology: "Q1", source: .serialLine))
    }

    @Test(arguments: ScannerTransport.allCases, [vietnamese, cccdLine])
    func armedScan_deliversOneScannedEvent_andDisarms(transport: ScannerTransport, text: String) async throws {
        try await ScannerRig.run(over: transport) { rig in
            // Given a connected, armed scanner
            var events = try await rig.connectedAndArmed()
            // When a code is scanned
            try await rig.emulator.scan(text: text)
            // Then exactly that text arrives as one scan, and the scanner disarms itself
            #expect(try await events.nextEvent() == Self.scanned(text))
            #expect(await rig.driver.status() == ScannerStatus(device: .online, arming: .disarmed))
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func disarmed_dropsScan_untilArmedAgain(transport: ScannerTransport) async throws {
        try await ScannerRig.run(over: transport) { rig in
            var events = rig.driver.events.makeAsyncIterator()
            #expect(try await events.nextEvent() == .connected)
            // Given a scanner that delivered one scan and so disarmed
            try await rig.driver.arm()
            try await rig.emulator.scan(text: "HS-1")
            #expect(try await events.nextEvent() == Self.scanned("HS-1"))
            // When another code is scanned while disarmed (garbage after it marks its passing)
            try await rig.emulator.scan(text: "HS-2")
            await rig.emulator.sendGarbage(Self.garbage)
            // Then nothing but the rejection is published
            #expect(try await events.nextEvent() == .rejected(.invalidUTF8))
            // And after arming again the next scan is delivered
            try await rig.driver.arm()
            try await rig.emulator.scan(text: "HS-3")
            #expect(try await events.nextEvent() == Self.scanned("HS-3"))
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func duplicate_withinWindow_dropped_afterWindow_accepted(transport: ScannerTransport) async throws {
        try await ScannerRig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            try await rig.expectRepeatDropped_untilTheWindowPasses(
                "HS-7", scanned: Self.scanned("HS-7"), marker: Self.garbage, rejection: .rejected(.invalidUTF8),
                events: &events)
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func overlongPayload_isRejectedTooLong_andScanningContinues(transport: ScannerTransport) async throws {
        try await ScannerRig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            // When a payload longer than the bound arrives
            try await rig.emulator.sendOverlong(length: ScannerRig.maximumLength + 1)
            // Then it is refused as too long, and the gate is still armed for the next code
            #expect(try await events.nextEvent() == .rejected(.tooLong(limit: ScannerRig.maximumLength)))
            try await rig.emulator.scan(text: "HS-9")
            #expect(try await events.nextEvent() == Self.scanned("HS-9"))
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func garbage_isRejected_andNextScanIsFine(transport: ScannerTransport) async throws {
        try await ScannerRig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            // When line noise and a control character arrive
            await rig.emulator.sendGarbage(Self.garbage)
            await rig.emulator.sendGarbage([0x41, 0x01, 0x42, 0x0D, 0x0A])
            // Then both are refused
            #expect(try await events.nextEvent() == .rejected(.invalidUTF8))
            #expect(try await events.nextEvent() == .rejected(.controlCharacter(1)))
            // And a good code right after is delivered
            try await rig.emulator.scan(text: Self.cccdLine)
            #expect(try await events.nextEvent() == Self.scanned(Self.cccdLine))
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func streamClosed_reportsDisconnected_thenReconnects_andScans(transport: ScannerTransport) async throws {
        try await ScannerRig.run(over: transport) { rig in
            var events = rig.driver.events.makeAsyncIterator()
            #expect(try await events.nextEvent() == .connected)
            // When the port's stream is closed under the driver
            await rig.port.cut()
            // Then it reports the loss, reopens, and scans again
            #expect(try await events.nextEvent() == .disconnected)
            #expect(try await events.nextEvent() == .connected)
            try await rig.driver.arm()
            try await rig.emulator.scan(text: Self.vietnamese)
            #expect(try await events.nextEvent() == Self.scanned(Self.vietnamese))
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func unterminatedLine_isHeldUntilASuffix_neverDeliveredAlone(transport: ScannerTransport) async throws {
        try await ScannerRig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            // Given a line that lost its suffix, then a pause
            try await rig.emulator.sendUnterminated(text: "HS-1", pause: .milliseconds(20))
            // When the next code arrives with its suffix
            try await rig.emulator.scan(text: "HS-2")
            // Then one line comes out, the two run together (the domain parser refuses it);
            // the fragment alone was never delivered
            #expect(try await events.nextEvent() == Self.scanned("HS-1]Q1HS-2"))
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func lineSplitAcrossReads_isDeliveredWhole(transport: ScannerTransport) async throws {
        try await ScannerRig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            // When one line arrives in pieces, cut inside a multi-byte character and between CR and LF
            let line = Array("]Q1".utf8) + Array(Self.vietnamese.utf8) + [0x0D, 0x0A]
            let cuts = [2, 9, 10, line.count - 1]
            var start = 0
            for cut in cuts {
                await rig.emulator.sendGarbage(Array(line[start..<cut]))
                await rig.emulator.enqueue(.pause(.milliseconds(3)))
                start = cut
            }
            await rig.emulator.sendGarbage(Array(line[start...]))
            // Then it comes out once, whole
            #expect(try await events.nextEvent() == Self.scanned(Self.vietnamese))
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func severalLinesInOneRead_areEachFramed(transport: ScannerTransport) async throws {
        try await ScannerRig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            // When a garbage line, a good line and a second good line arrive in one write
            let lines = Self.garbage + Array("]Q1HS-1\r\n]Q1HS-2\r\n".utf8)
            await rig.emulator.sendGarbage(lines)
            // Then the garbage is refused, the first code delivered, the second dropped (disarmed)
            #expect(try await events.nextEvent() == .rejected(.invalidUTF8))
            #expect(try await events.nextEvent() == Self.scanned("HS-1"))
            try await rig.driver.arm()
            try await rig.emulator.scan(text: "HS-3")
            #expect(try await events.nextEvent() == Self.scanned("HS-3"))
        }
    }

    @Test func arm_whileNeverConnected_throwsDisconnected() async throws {
        // Given a driver whose run() was never started
        let driver = SerialLineScanner(name: "scanner0", clock: SteppedClock()) {
            throw HALError(.disconnected, device: "scanner0", detail: "absent")
        }
        // When arming, then it fails as disconnected and stays disarmed
        await #expect(throws: HALError.self) { try await driver.arm() }
        #expect(await driver.status() == ScannerStatus(device: .starting, arming: .disarmed))
    }
}
