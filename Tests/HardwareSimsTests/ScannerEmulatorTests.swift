import DeviceProtocols
import DeviceTransports
import KioskHAL
import Testing
import HardwareSims

/// The scanner emulator on its own: the bytes it puts on the wire, read back by the test.
@Suite struct ScannerEmulatorTests {
    /// Serves `emulator` on an in-memory pipe while `body` reads the host end.
    func withServed<T: Sendable>(
        _ emulator: ScannerEmulator, _ body: @escaping @Sendable (InMemoryByteStream) async throws -> T
    ) async throws -> T {
        let (host, device) = InMemoryByteStream.pair(name: "scanner")
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await emulator.serve(on: device)
                return nil
            }
            group.addTask { try await body(host) }
            var result: T?
            for try await value in group where value != nil {
                result = value
                group.cancelAll()
            }
            await host.close()
            return try #require(result)
        }
    }

    /// Reads exactly `count` bytes from `stream`; each read waits at most 30 s (hang guard).
    static func read(_ count: Int, from stream: any ByteStream) async throws -> [UInt8] {
        var received: [UInt8] = []
        while received.count < count {
            received += try await stream.read(maxCount: count - received.count, timeout: .seconds(30))
        }
        return received
    }

    @Test(arguments: [
        (ScannerEmulator.LineSuffix.carriageReturn, [UInt8(0x0D)]),
        (.carriageReturnLineFeed, [0x0D, 0x0A]),
        (.lineFeed, [0x0A]),
    ])
    func serialScan_sendsUTF8PayloadThenSuffix(suffix: ScannerEmulator.LineSuffix, terminator: [UInt8]) async throws {
        // Given a serial emulator without AIM prefix
        let emulator = ScannerEmulator(mode: .serialLine(suffix: suffix, aimPrefix: false))
        let text = "Nguyễn Văn An|HS-001"
        let expected = Array(text.utf8) + terminator
        // When a code is scanned
        try await emulator.scan(text: text)
        let bytes = try await withServed(emulator) { host in try await Self.read(expected.count, from: host) }
        // Then the line is the UTF-8 payload and the suffix
        #expect(bytes == expected)
    }

    @Test func serialScan_withAIM_prefixesQ1() async throws {
        // Given a serial emulator sending AIM identifiers and CR LF
        let emulator = ScannerEmulator(mode: .serialLine(suffix: .carriageReturnLineFeed, aimPrefix: true))
        let expected = Array("]Q1HS-2026-000123".utf8) + [0x0D, 0x0A]
        // When a code is scanned
        try await emulator.scan(text: "HS-2026-000123")
        let bytes = try await withServed(emulator) { host in try await Self.read(expected.count, from: host) }
        // Then ]Q1 comes first
        #expect(bytes == expected)
    }

    @Test func wedgeScan_recordsDecodeBackToText() async throws {
        // Given a keyboard-wedge emulator and a text with upper case, digits and shifted punctuation
        let emulator = ScannerEmulator(mode: .keyboardWedge)
        let text = "001099012345|Nguyen Van A|01011990|M{x}~?"
        try await emulator.scan(text: text)
        // When the records are read and decoded as the wedge driver would
        let shiftedCount = text.filter { $0.isUppercase || "|{}~?".contains($0) }.count
        let recordCount = (text.count * 2 + shiftedCount * 2 + 2)
        let bytes = try await withServed(emulator) { host in
            try await Self.read(recordCount * EvdevEvent.byteCount, from: host)
        }
        var parser = EvdevEventParser()
        let events = parser.feed(bytes)
        var decoder = KeyboardWedgeDecoder()
        let outcomes = decoder.feed(events)
        // Then exactly one scan comes out, equal to the text, ended by Enter
        #expect(parser.pendingByteCount == 0)
        #expect(events.last?.code == KeyboardLayout.enter)
        #expect(outcomes == [.scanned(Scan(text: text, source: .keyboardWedge))])
    }

    @Test func wedgeScan_nonASCII_isRefused() async throws {
        // Given a keyboard wedge, which can only type ASCII
        let emulator = ScannerEmulator(mode: .keyboardWedge)
        // When a Vietnamese name is scanned, then the emulator refuses it and queues nothing
        await #expect(throws: ScannerControlError.unmappableCharacter("ễ")) {
            try await emulator.scan(text: "Nguyễn")
        }
        #expect(await emulator.pendingTransmissions == 0)
    }

    @Test func imageScan_ofRenderedQR_sendsItsText() async throws {
        // Given a QR rendered to an image
        let text = "https://dichvucong.example.vn/hs/HS-2026-000123"
        let image = try QRMatrix(text: text).rasterised(moduleSize: 4)
        let emulator = ScannerEmulator(mode: .serialLine(suffix: .carriageReturn, aimPrefix: false))
        // When the image is presented
        let sent = try await emulator.scan(image: image)
        let expected = Array(text.utf8) + [0x0D]
        let bytes = try await withServed(emulator) { host in try await Self.read(expected.count, from: host) }
        // Then its text goes out as one line
        #expect(sent == [text])
        #expect(bytes == expected)
    }

    @Test func imageScan_blankImage_throwsNoSymbol() async throws {
        // Given an all-white image
        let image = try GreyImage(width: 64, height: 64, pixels: [UInt8](repeating: GreyImage.white, count: 64 * 64))
        let emulator = ScannerEmulator(mode: .serialLine(suffix: .carriageReturn, aimPrefix: false))
        // When it is presented, then the emulator reports no symbol and sends nothing
        await #expect(throws: ScannerControlError.noSymbolInImage) { try await emulator.scan(image: image) }
        #expect(await emulator.pendingTransmissions == 0)
    }

    @Test func faults_garbageUnterminatedAndOverlong_goOutInOrder() async throws {
        // Given a serial emulator with three faults queued
        let emulator = ScannerEmulator(mode: .serialLine(suffix: .carriageReturn, aimPrefix: false))
        await emulator.sendGarbage([0xFF, 0x00, 0x0D])
        try await emulator.sendUnterminated(text: "HS-1", pause: .milliseconds(1))
        try await emulator.sendOverlong(length: 5)
        let expected: [UInt8] = [0xFF, 0x00, 0x0D] + Array("HS-1".utf8) + Array("AAAAA".utf8) + [0x0D]
        // When served
        let bytes = try await withServed(emulator) { host in try await Self.read(expected.count, from: host) }
        // Then the bytes appear exactly as scripted
        #expect(bytes == expected)
    }
}
