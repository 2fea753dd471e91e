import DeviceProtocols
import DeviceTransports
@testable import HardwareSims
import KioskDrivers
import KioskHAL
import Testing

/// `KeyboardWedgeScanner` against the scanner emulator in keyboard-wedge mode, over an
/// in-memory pipe and a real PTY (raw, so the 24-byte records pass unchanged).
/// Every wait is on an event; the suite's time limit is the hang guard. Arming, disarmed drops,
/// over-long input and reconnection are run on this driver by `CodeScannerConformanceTests`.
@Suite(.timeLimit(.minutes(1))) struct KeyboardWedgeScannerTests {
    typealias Rig = WedgeScannerRig

    /// Upper case, digits and shifted punctuation: the shift key is pressed and released around each.
    static let shifted = "HS-2026-000123|Nguyen Van A{x}~?"

    static func scanned(_ text: String) -> ScanEvent {
        .scanned(Scan(text: text, source: .keyboardWedge))
    }

    static let unknownKey = ScanEvent.rejected(.unknownKey(code: Rig.functionKey))

    @Test(arguments: ScannerTransport.allCases)
    func armedScan_withShiftedCharacters_deliversTheText_andDisarms(transport: ScannerTransport) async throws {
        try await Rig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            // When a code with upper case and shifted punctuation is typed
            try await rig.emulator.scan(text: Self.shifted)
            // Then it arrives intact as one wedge scan, and the scanner disarms
            #expect(try await events.nextEvent() == Self.scanned(Self.shifted))
            #expect(await rig.driver.status() == ScannerStatus(device: .online, arming: .disarmed))
            #expect(rig.driver.capabilities.deliversUTF8 == false)
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func scanWithoutEnter_endsAfterTheIdleGap_onTheInjectedClock(transport: ScannerTransport) async throws {
        try await Rig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            // Given keys typed without Enter, held by the driver
            try await rig.emulator.sendUnterminated(text: "HS-1", pause: .zero)
            try await rig.waitForScanInProgress()
            // When the idle gap passes on the driver's clock
            rig.clock.advance(by: Rig.idleGap + .milliseconds(1))
            // Then the scan ends and is delivered
            #expect(try await events.nextEvent() == Self.scanned("HS-1"))
            #expect(await rig.driver.isScanInProgress == false)
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func severalScansInOneRead_areEachEndedByEnter(transport: ScannerTransport) async throws {
        try await Rig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            // When a refused scan and a good one arrive in one write
            let records = Rig.unknownKeyScan + (try await rig.records(typing: "HS-2"))
            await rig.emulator.sendGarbage(records)
            // Then each is framed by its own Enter
            #expect(try await events.nextEvent() == Self.unknownKey)
            #expect(try await events.nextEvent() == Self.scanned("HS-2"))
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func recordsSplitAcrossReads_areReassembled(transport: ScannerTransport) async throws {
        try await Rig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            // When the records of one scan arrive cut at odd offsets, with pauses between pieces
            let records = try await rig.records(typing: "Ab-9")
            var offset = 0
            for size in [7, 30, 1, 23, 50] where offset < records.count {
                let end = min(offset + size, records.count)
                await rig.emulator.sendGarbage(Array(records[offset..<end]))
                await rig.emulator.enqueue(.pause(.milliseconds(3)))
                offset = end
            }
            await rig.emulator.sendGarbage(Array(records[offset...]))
            // Then the scan comes out whole
            #expect(try await events.nextEvent() == Self.scanned("Ab-9"))
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func duplicate_withinWindow_dropped_afterWindow_accepted(transport: ScannerTransport) async throws {
        try await Rig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            try await rig.expectRepeatDropped_untilTheWindowPasses(
                "HS-7", scanned: Self.scanned("HS-7"), marker: Rig.unknownKeyScan, rejection: Self.unknownKey,
                events: &events)
        }
    }

    @Test(arguments: ScannerTransport.allCases)
    func streamClosed_reportsDisconnected_reconnects_andDropsTheHalfTypedScan(transport: ScannerTransport) async throws {
        try await Rig.run(over: transport) { rig in
            var events = try await rig.connectedAndArmed()
            // Given half a scan held by the driver, with shift down
            var records = try await rig.records(typing: "X", enter: false)
            records.removeLast(2 * EvdevEvent.byteCount)  // X and shift still down
            await rig.emulator.sendGarbage(records)
            try await rig.waitForScanInProgress()
            // When the device goes away and comes back
            await rig.port.cut()
            #expect(try await events.nextEvent() == .disconnected)
            #expect(try await events.nextEvent() == .connected)
            // Then the half scan and the shift state are gone, and scanning works
            #expect(await rig.driver.isScanInProgress == false)
            try await rig.driver.arm()
            try await rig.emulator.scan(text: "hs-4")
            #expect(try await events.nextEvent() == Self.scanned("hs-4"))
        }
    }

    @Test func vietnameseText_cannotTravelThroughAWedge() async throws {
        // Given the emulator of a wedge: it cannot type non-ASCII
        let emulator = ScannerEmulator(mode: .keyboardWedge)
        await #expect(throws: ScannerControlError.unmappableCharacter("ễ")) { try await emulator.scan(text: "Nguyễn") }
        // And the driver says so in its capabilities
        let driver = KeyboardWedgeScanner(name: "scanner0", clock: SteppedClock()) {
            throw HALError(.disconnected, device: "scanner0", detail: "absent")
        }
        #expect(driver.capabilities == ScannerCapabilities(
            deliversUTF8: false, decodesImages: false, reportsSymbology: false, maximumPayloadLength: 1024))
        await #expect(throws: HALError.self) { try await driver.arm() }
    }
}
