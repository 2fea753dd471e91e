import Testing
@testable import DeviceProtocols
import TestSupport

@Suite struct WKLYFrameTests {
    @Test func encoder_matchesTheVendorVectors() throws {
        #expect(try WKLYMessage.openLock(address: 0, channel: 1).frame.encoded()
                == [0x57, 0x4B, 0x4C, 0x59, 0x09, 0x00, 0x82, 0x01, 0x83])
        #expect(try WKLYMessage.openLockReply(address: 0, ok: true, channel: 1, door: .open).frame.encoded()
                == [0x57, 0x4B, 0x4C, 0x59, 0x0B, 0x00, 0x82, 0x00, 0x01, 0x00, 0x81])
        #expect(try WKLYMessage.queryAllDoors(address: 0).frame.encoded()
                == [0x57, 0x4B, 0x4C, 0x59, 0x08, 0x00, 0x84, 0x85])
    }

    @Test func encoder_refusesAddressesAbove31_andOversizedData() {
        #expect(throws: LockFrameError.fieldOutOfRange(field: "address", value: 32)) {
            try WKLYFrame(address: 32, command: 0x84).encoded()
        }
        #expect(throws: LockFrameError.tooLong(length: 73)) {
            try WKLYFrame(address: 0, command: 0x84, data: Array(repeating: 1, count: 73)).encoded()
        }
    }

    @Test(arguments: [
        WKLYMessage.openLock(address: 3, channel: 12), .openLockReply(address: 3, ok: false, channel: 12, door: .closed),
        .queryDoor(address: 31, channel: 1), .queryDoorReply(address: 31, ok: true, channel: 1, door: .error),
        .queryAllDoors(address: 7), .queryAllDoorsReply(address: 7, ok: true, doors: [.open, .closed, .closed, .error]),
        .doorChanged(address: 2, channel: 5, door: .open), .openAll(address: 1), .openAllReply(address: 1, ok: true),
    ])
    func message_roundTripsThroughBytesAndTheDecoder(message: WKLYMessage) throws {
        var decoder = WKLYFrameDecoder()
        let frames = decoder.feed(try message.frame.encoded())
        #expect(frames.count == 1)
        let fromBoard: Bool
        switch message {
        case .openLock, .queryDoor, .queryAllDoors, .openAll: fromBoard = false
        default: fromBoard = true
        }
        #expect(frames.first.flatMap { WKLYMessage(frame: $0, fromBoard: fromBoard) } == message)
    }

    @Test func unknownCommands_andMalformedData_areNotMessages() {
        #expect(WKLYMessage(frame: WKLYFrame(address: 0, command: 0x99), fromBoard: true) == nil)
        #expect(WKLYMessage(frame: WKLYFrame(address: 0, command: 0x82, data: [0x00, 0x01, 0x07]), fromBoard: true) == nil)
        #expect(WKLYMessage(frame: WKLYFrame(address: 0, command: 0x82, data: [0x00]), fromBoard: false) == nil)
        #expect(WKLYMessage(frame: WKLYFrame(address: 0, command: 0x85, data: [0x01]), fromBoard: true) == nil)
    }

    @Test func unsolicitedDoorChange_betweenRequestAndReply_isDecodedInOrder() throws {
        let stream = try [WKLYMessage.doorChanged(address: 0, channel: 4, door: .closed),
                          .openLockReply(address: 0, ok: true, channel: 1, door: .open)].flatMap { try $0.frame.encoded() }
        var generator = SplitMix64(seed: 11)
        for _ in 0..<200 {
            var decoder = WKLYFrameDecoder()
            let frames = stream.randomChunks(maximum: 5, using: &generator).flatMap { decoder.feed($0) }
            #expect(frames.compactMap { WKLYMessage(frame: $0, fromBoard: true) } == [
                .doorChanged(address: 0, channel: 4, door: .closed), .openLockReply(address: 0, ok: true, channel: 1, door: .open),
            ])
        }
    }

    @Test func decoder_resynchronisesAfterStrayBytesBadXORAndFalseHeaders() throws {
        let good = try WKLYMessage.doorChanged(address: 1, channel: 2, door: .open).frame.encoded()
        var bad = good
        bad[7] ^= 0x01
        var decoder = WKLYFrameDecoder()
        let frames = decoder.feed([0x57, 0x4B, 0x00, 0x57, 0x4B, 0x4C, 0x59, 0x02] + bad + [0xAA] + good + good.prefix(3))
        #expect(frames.count == 1)
        #expect(frames.first.flatMap { WKLYMessage(frame: $0, fromBoard: true) } == .doorChanged(address: 1, channel: 2, door: .open))
        #expect(decoder.checksumFailures == 1)
        #expect(decoder.pendingByteCount == 3)
    }

    @Test func decoder_neverYieldsAFrameThatWasNotOnTheWireWithAValidXOR_overAMillionRandomInputs() async throws {
        let seed: UInt64 = 0x574B_4C59
        var generator = SplitMix64(seed: seed)
        let templates = try [WKLYMessage.openLockReply(address: 0, ok: true, channel: 1, door: .open),
                             .doorChanged(address: 4, channel: 9, door: .closed), .queryAllDoors(address: 2)]
            .map { try $0.frame.encoded() }
        var yielded = 0
        for round in 0..<1_000_000 {
            // Share the cooperative threads with tests that wait on I/O (2 cores on CI).
            if round % 10_000 == 0 { await Task.yield() }
            var input: [UInt8]
            if round % 2 == 0 {
                input = (0..<Int.random(in: 0...24, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                if round % 4 == 0 { input.insert(contentsOf: WKLYFrame.header, at: 0) }
            } else {
                input = templates[round % templates.count]
                input[Int.random(in: 0..<input.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            var decoder = WKLYFrameDecoder()
            for frame in decoder.feed(input) {
                yielded += 1
                let bytes = try frame.encoded()
                guard input.containsRun(bytes) else {
                    Issue.record("seed \(seed) round \(round): \(frame) not on the wire \(input)")
                    return
                }
            }
        }
        #expect(yielded > 0)
    }
}
