import DeviceProtocols
import Foundation
import KioskDrivers
import KioskHAL
import Testing

/// `ImageCodeScanner` fed real rendered QR codes (libqrencode) and decoding them with zbar.
/// Arming, duplicates, over-long codes and a lost source are run on it by
/// `CodeScannerConformanceTests`.
@Suite(.timeLimit(.minutes(1))) struct ImageCodeScannerTests {
    typealias Rig = ImageScannerRig

    static let vietnamese = "Nguyễn Thị Hồng Nhung · Hồ sơ HS-2026-000123"

    static func scanned(_ text: String) -> ScanEvent {
        .scanned(Scan(text: text, symbology: "Q1", source: .image))
    }

    @Test func armedFrame_deliversTheQRWithItsType_andDisarms() async throws {
        try await Rig.run { rig in
            var events = rig.driver.events.makeAsyncIterator()
            #expect(try await events.nextEvent() == .connected)
            try await rig.driver.arm()
            try await rig.present(Rig.qr(Self.vietnamese))
            #expect(try await events.nextEvent() == Self.scanned(Self.vietnamese))
            #expect(await rig.driver.status() == ScannerStatus(device: .online, arming: .disarmed))
            #expect(rig.driver.capabilities.decodesImages && rig.driver.capabilities.deliversUTF8)
        }
    }

    @Test func frameWithTwoCodes_deliversOnePerArming_theRepeatIsDebounced() async throws {
        try await Rig.run { rig in
            var events = rig.driver.events.makeAsyncIterator()
            #expect(try await events.nextEvent() == .connected)
            let frame = try Rig.sideBySide(Rig.qr("HS-A"), Rig.qr("HS-B"))
            // When a frame holding two codes is shown to an armed scanner
            try await rig.driver.arm()
            try await rig.present(frame)
            let first = try #require(try await events.nextEvent().scan?.text)
            // And shown again after arming again
            try await rig.driver.arm()
            try await rig.present(frame)
            let second = try #require(try await events.nextEvent().scan?.text)
            // Then each code was delivered once: the first is a duplicate within the window the
            // second time, so the other symbol got through
            #expect(Set([first, second]) == ["HS-A", "HS-B"])
        }
    }

    @Test func blankAndOversizedFrames_yieldNothing_andAreCounted() async throws {
        try await Rig.run { rig in
            var events = rig.driver.events.makeAsyncIterator()
            #expect(try await events.nextEvent() == .connected)
            try await rig.driver.arm()
            // When a blank frame, an oversized one and then a code are shown
            try await rig.present(GreyImage(width: 64, height: 64))
            try await rig.present(GreyImage(width: 1024, height: 1024))
            try await rig.present(Rig.qr("HS-5"))
            // Then only the code comes out, and the two others are counted
            #expect(try await events.nextEvent() == Self.scanned("HS-5"))
            let counts = await rig.driver.frameCounts
            #expect(counts.withoutSymbols == 1 && counts.oversized == 1 && counts.withSymbols == 1)
        }
    }

    @Test func refusedSymbols_areReported_armedOrNot() async throws {
        try await Rig.run { rig in
            var events = rig.driver.events.makeAsyncIterator()
            #expect(try await events.nextEvent() == .connected)
            // When codes with invalid UTF-8, a control character and an over-long payload are shown
            try await rig.present(Rig.qr(bytes: [0x48, 0xC3, 0x28]))
            try await rig.present(Rig.qr("HS\u{7}1"))
            try await rig.present(Rig.qr(String(repeating: "A", count: Rig.maximumLength + 1)))
            // Then each is refused with its reason
            #expect(try await events.nextEvent() == .rejected(.invalidUTF8))
            #expect(try await events.nextEvent() == .rejected(.controlCharacter(7)))
            #expect(try await events.nextEvent() == .rejected(.tooLong(limit: Rig.maximumLength)))
        }
    }

    @Test func pgmPlainPgmAndPngFiles_areDecodedLikeFrames() async throws {
        try await Rig.run { rig in
            var events = rig.driver.events.makeAsyncIterator()
            #expect(try await events.nextEvent() == .connected)
            let channel = try await rig.source.channel()
            try await rig.driver.arm()
            try channel.send(file: PGMDecoder.encode(Rig.qr("HS-PGM")))
            #expect(try await events.nextEvent() == Self.scanned("HS-PGM"))
            try await rig.driver.arm()
            try channel.send(file: PNGEncoder.encode(Rig.qr("HS-PNG")))
            #expect(try await events.nextEvent() == Self.scanned("HS-PNG"))
            // A plain (P2) PGM, as text tools write it
            let symbol = try Rig.qr("HS-P2")
            let plain = "P2\n\(symbol.width) \(symbol.height)\n255\n" + symbol.pixels.map(String.init).joined(separator: " ")
            try await rig.driver.arm()
            try channel.send(file: Array(plain.utf8))
            #expect(try await events.nextEvent() == Self.scanned("HS-P2"))
            // A file on disk, as a camera tool drops it
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("frame-\(UUID().uuidString).pgm").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let file = Data(PGMDecoder.encode(try Rig.qr("HS-FILE")))
            #expect(FileManager.default.createFile(atPath: path, contents: file))
            try await rig.driver.arm()
            try channel.send(contentsOf: path)
            #expect(try await events.nextEvent() == Self.scanned("HS-FILE"))
            // A file that is neither format, or is missing, is refused to the sender, and nothing is queued
            #expect(throws: ImageFileError.unknownFormat) { try channel.send(file: Array("GIF89a".utf8)) }
            #expect(throws: ImageFileError.self) { try channel.send(contentsOf: path + ".missing") }
        }
    }
}
