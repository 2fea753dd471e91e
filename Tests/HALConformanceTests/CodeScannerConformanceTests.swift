import DeviceProtocols
import KioskHAL
import Testing

/// What every `CodeScanner` must do, run against each production driver in front of what plays
/// its scanner: the serial-line driver and the keyboard-wedge driver against the scanner
/// emulator over an in-memory stream and over a real PTY (raw, so evdev records pass unchanged),
/// and the image driver against camera frames in memory.
@Suite(.timeLimit(.minutes(2))) struct CodeScannerConformanceTests {
    typealias Events = AsyncStream<ScanEvent>.Iterator

    static func next(_ events: inout Events) async throws -> ScanEvent {
        let event = await events.next()
        return try #require(event)
    }

    @Test(arguments: ScannerConformanceCase.all)
    func armed_deliversOneScan_thenDisarms(_ testCase: ScannerConformanceCase) async throws {
        try await CodeScannerRig.with(testCase) { rig in
            var events = rig.scanner.events.makeAsyncIterator()
            #expect(try await Self.next(&events) == .connected)
            try await rig.scanner.arm()
            try await rig.present("HS-2026-000123")
            #expect(try await Self.next(&events) == .scanned(rig.expected("HS-2026-000123")))
            #expect(await rig.scanner.status() == ScannerStatus(device: .online, arming: .disarmed))
        }
    }

    @Test(arguments: ScannerConformanceCase.all)
    func disarmed_dropsTheScan_andRefusalsStillShow(_ testCase: ScannerConformanceCase) async throws {
        try await CodeScannerRig.with(testCase) { rig in
            var events = rig.scanner.events.makeAsyncIterator()
            #expect(try await Self.next(&events) == .connected)
            // Given a scanner never armed, when a code and then a refused payload arrive
            try await rig.present("HS-1")
            let rejection = try await rig.refused()
            // Then only the refusal is published
            #expect(try await Self.next(&events) == rejection)
            // And after arming the next code is delivered
            try await rig.scanner.arm()
            try await rig.present("HS-2")
            #expect(try await Self.next(&events) == .scanned(rig.expected("HS-2")))
        }
    }

    @Test(arguments: ScannerConformanceCase.all)
    func duplicateWithinTheDebounceWindow_isDropped(_ testCase: ScannerConformanceCase) async throws {
        try await CodeScannerRig.with(testCase) { rig in
            var events = rig.scanner.events.makeAsyncIterator()
            #expect(try await Self.next(&events) == .connected)
            try await rig.scanner.arm()
            try await rig.present("HS-7")
            #expect(try await Self.next(&events) == .scanned(rig.expected("HS-7")))
            // When armed again and the same code comes within the window
            try await rig.scanner.arm()
            try await rig.present("HS-7")
            let rejection = try await rig.refused()
            // Then it is dropped, and the scanner stays armed for another code
            #expect(try await Self.next(&events) == rejection)
            #expect(await rig.scanner.status().arming == .armed)
            try await rig.present("HS-8")
            #expect(try await Self.next(&events) == .scanned(rig.expected("HS-8")))
        }
    }

    @Test(arguments: ScannerConformanceCase.all)
    func overlongPayload_isRejected_andTheGateStaysArmed(_ testCase: ScannerConformanceCase) async throws {
        try await CodeScannerRig.with(testCase) { rig in
            var events = rig.scanner.events.makeAsyncIterator()
            #expect(try await Self.next(&events) == .connected)
            try await rig.scanner.arm()
            try await rig.present(String(repeating: "A", count: CodeScannerRig.maximumLength + 1))
            #expect(try await Self.next(&events) == .rejected(.tooLong(limit: CodeScannerRig.maximumLength)))
            #expect(rig.scanner.capabilities.maximumPayloadLength == CodeScannerRig.maximumLength)
            try await rig.present("HS-9")
            #expect(try await Self.next(&events) == .scanned(rig.expected("HS-9")))
        }
    }

    @Test(arguments: ScannerConformanceCase.all)
    func linkLost_reportsDisconnected_thenReconnects_andScans(_ testCase: ScannerConformanceCase) async throws {
        try await CodeScannerRig.with(testCase) { rig in
            var events = rig.scanner.events.makeAsyncIterator()
            #expect(try await Self.next(&events) == .connected)
            // When the scanner is unplugged, arming fails
            await rig.unplug()
            #expect(try await Self.next(&events) == .disconnected)
            await #expect(throws: HALError.self) { try await rig.scanner.arm() }
            // And when it is back, it reconnects and scans
            await rig.replug()
            #expect(try await Self.next(&events) == .connected)
            try await rig.scanner.arm()
            try await rig.present("HS-10")
            #expect(try await Self.next(&events) == .scanned(rig.expected("HS-10")))
        }
    }

    @Test(arguments: ScannerConformanceCase.all)
    func presentedImage_roundTripsItsText(_ testCase: ScannerConformanceCase) async throws {
        try await CodeScannerRig.with(testCase) { rig in
            var events = rig.scanner.events.makeAsyncIterator()
            #expect(try await Self.next(&events) == .connected)
            try await rig.scanner.arm()
            // When a receipt's QR, rendered by the product's QR rasteriser, is presented
            let text = "https://dichvucong.example.vn/hs/HS-2026-000123?k=AbC_9"
            try await rig.presentImage(QRMatrix(text: text).rasterised(moduleSize: 3))
            // Then the scanner delivers exactly its text
            #expect(try await Self.next(&events) == .scanned(rig.expected(text)))
        }
    }
}
