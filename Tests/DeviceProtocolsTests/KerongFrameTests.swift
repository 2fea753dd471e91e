import Testing
@testable import DeviceProtocols
import TestSupport

@Suite struct KerongFrameTests {
    @Test func encoder_matchesTheVendorVectors() throws {
        #expect(try KerongFrame.readStatus(board: 0).encoded() == [0x02, 0x00, 0x30, 0x03, 0x35])
        #expect(try KerongFrame.unlock(board: 0, lock: 0).encoded() == [0x02, 0x00, 0x31, 0x03, 0x36])
        #expect(try KerongFrame.unlock(board: 1, lock: 0).encoded() == [0x02, 0x10, 0x31, 0x03, 0x46])
        #expect(try KerongFrame.status(board: 0, hooks: 0xFFFF, sensors: 0).encoded()
                == [0x02, 0x00, 0x35, 0xFF, 0xFF, 0x00, 0x00, 0x03, 0x38])
        #expect(try KerongFrame.readAllBoards.encoded() == [0x02, 0xF0, 0x32, 0x03, 0x27])
    }

    @Test func encoder_refusesBoardsAndLocksTheAddressCannotHold() {
        #expect(throws: LockFrameError.fieldOutOfRange(field: "board", value: 16)) { try KerongFrame.readStatus(board: 16).encoded() }
        #expect(throws: LockFrameError.fieldOutOfRange(field: "lock", value: 16)) { try KerongFrame.unlock(board: 0, lock: 16).encoded() }
    }

    @Test func decoder_readsTheVendorStatusReply_withBitsPerLock() {
        var decoder = KerongFrameDecoder()
        let frames = decoder.feed([0x02, 0x03, 0x35, 0xFE, 0x7F, 0x01, 0x80, 0x03] + [KerongFrame.checksum([0x02, 0x03, 0x35, 0xFE, 0x7F, 0x01, 0x80, 0x03])])
        // lock 1 unlocked (bit 0 clear), lock 16 unlocked (bit 15 clear); items in locks 1 and 16
        #expect(frames == [.status(board: 0, hooks: 0x7FFE, sensors: 0x8001)])
        #expect(decoder.pendingByteCount == 0)
    }

    @Test func decoder_givesTheSameFramesFedByteByByteOrInRandomChunks() throws {
        let stream = try [KerongFrame.status(board: 2, hooks: 0x1234, sensors: 0x00F0), .unlock(board: 9, lock: 15),
                          .readStatus(board: 3), .unlockAll(board: 4), .readAllBoards]
            .flatMap { try $0.encoded() }
        var whole = KerongFrameDecoder()
        let expected = whole.feed(stream)
        #expect(expected.count == 5)
        var single = KerongFrameDecoder()
        #expect(stream.flatMap { single.feed([$0]) } == expected)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            var chunked = KerongFrameDecoder()
            #expect(stream.randomChunks(maximum: 7, using: &generator).flatMap { chunked.feed($0) } == expected)
        }
    }

    @Test func decoder_resynchronisesAfterGarbageCorruptionAndTruncation() throws {
        let good = try KerongFrame.status(board: 1, hooks: 0xFFFF, sensors: 0x0001).encoded()
        var corrupted = good
        corrupted[4] ^= 0x40
        let truncated = Array(good.prefix(6))
        var decoder = KerongFrameDecoder()
        let frames = decoder.feed([0x00, 0x02, 0x02, 0x99, 0x03] + corrupted + truncated + good + [0x02])
        #expect(frames == [.status(board: 1, hooks: 0xFFFF, sensors: 0x0001)])
        #expect(decoder.checksumFailures >= 1)
        #expect(decoder.pendingByteCount == 1)
    }

    @Test func decoder_neverYieldsAFrameThatWasNotOnTheWireWithAValidChecksum_overAMillionRandomInputs() async throws {
        let seed: UInt64 = 0x4B45_524F_4E47
        var generator = SplitMix64(seed: seed)
        let templates = try [KerongFrame.status(board: 0, hooks: 0xFFFF, sensors: 0), .unlock(board: 3, lock: 7),
                             .readStatus(board: 5)].map { try $0.encoded() }
        var yielded = 0
        for round in 0..<1_000_000 {
            // Share the cooperative threads with tests that wait on I/O (2 cores on CI).
            if round % 10_000 == 0 { await Task.yield() }
            var input: [UInt8]
            if round % 2 == 0 {
                input = (0..<Int.random(in: 0...24, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                input = templates[round % templates.count]
                input[Int.random(in: 0..<input.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                input.insert(contentsOf: [0x02, UInt8.random(in: 0...255, using: &generator)], at: 0)
            }
            var decoder = KerongFrameDecoder()
            for frame in decoder.feed(input) {
                yielded += 1
                let bytes = try frame.encoded()
                guard input.containsRun(bytes) else {
                    Issue.record("seed \(seed) round \(round): \(frame) not on the wire \(input)")
                    return
                }
            }
            #expect(decoder.pendingByteCount <= 8, "seed \(seed) round \(round)")
        }
        #expect(yielded > 0)
    }
}
