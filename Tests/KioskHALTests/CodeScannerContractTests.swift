import Testing
@testable import KioskHAL

@Suite struct CodeScannerContractTests {
    @Test func rejectionDescriptions_nameTheReason_withoutPayloadText() {
        // Given every kind of rejection
        let rejections: [ScanRejection] = [
            .tooLong(limit: 1024), .invalidUTF8, .controlCharacter(0x1B), .unknownKey(code: 56),
            .missingSymbologyIdentifier, .emptyPayload,
        ]
        // When described for technicians, then each says why in one line
        #expect(rejections.map(\.description) == [
            "payload longer than 1024",
            "payload is not valid UTF-8",
            "control character U+001B in payload",
            "key code 56 is not in the layout",
            "no AIM symbology identifier before the payload",
            "empty payload",
        ])
        #expect(ScanRejection.controlCharacter(0x85).description == "control character U+0085 in payload")
    }

    @Test func scanEvent_exposesItsScan_onlyForScanned() {
        // Given a scan and the other event kinds
        let scan = Scan(text: "000.28.21.H28-251107-0012", symbology: "Q1", source: .serialLine)
        // Then only `.scanned` carries it
        #expect(ScanEvent.scanned(scan).scan == scan)
        #expect(ScanEvent.rejected(.invalidUTF8).scan == nil)
        #expect(ScanEvent.connected.scan == nil)
        #expect(ScanEvent.disconnected.scan == nil)
    }

    @Test func scan_isQRCode_followsTheAIMCodeCharacter() {
        #expect(Scan(text: "x", symbology: "Q1", source: .serialLine).isQRCode)
        #expect(Scan(text: "x", symbology: "Q3", source: .hidPointOfSale).isQRCode)
        #expect(!Scan(text: "x", symbology: "C0", source: .serialLine).isQRCode)
        #expect(!Scan(text: "x", source: .keyboardWedge).isQRCode)
    }

    @Test func scan_keepsVietnameseTextAsGiven() {
        let scan = Scan(text: "Nguyễn Thị Thu Hà", source: .serialLine)
        #expect(Array(scan.text.unicodeScalars).count == 17)
        #expect(scan.symbology == nil)
    }

    @Test func scannerStatus_startsUnknown_andSourcesAreTheFourWirings() {
        #expect(ScannerStatus.unknown == ScannerStatus(device: .unknown, arming: .unknown))
        #expect(ScanSource.allCases.map(\.rawValue) == ["serialLine", "keyboardWedge", "hidPointOfSale", "image"])
    }

    @Test func aScannerImplementation_deliversThroughTheContract() async throws {
        // Given a minimal conforming scanner that reports one scan
        let scanner: any CodeScanner = FixedScanner(events: [.connected, .scanned(Scan(text: "A", source: .image))])
        // When armed and its stream read
        try await scanner.arm()
        var received: [ScanEvent] = []
        for await event in scanner.events { received.append(event) }
        // Then the events arrive in order and the capabilities are what it declared
        #expect(received == [.connected, .scanned(Scan(text: "A", source: .image))])
        #expect(scanner.capabilities.decodesImages)
        #expect(await scanner.status() == ScannerStatus(device: .online, arming: .armed))
    }
}

/// A scanner that replays a fixed list of events; only here to prove the contract is usable
/// from outside the module with `any CodeScanner`.
private struct FixedScanner: CodeScanner {
    let capabilities = ScannerCapabilities(deliversUTF8: true, decodesImages: true, reportsSymbology: false,
                                           maximumPayloadLength: 1024)
    let events: AsyncStream<ScanEvent>

    init(events list: [ScanEvent]) {
        events = AsyncStream { continuation in
            for event in list { continuation.yield(event) }
            continuation.finish()
        }
    }

    func status() async -> ScannerStatus { ScannerStatus(device: .online, arming: .armed) }
    func arm() async throws {}
    func disarm() async throws {}
}
