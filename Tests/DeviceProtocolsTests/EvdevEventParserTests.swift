import Testing
import TestSupport
@testable import DeviceProtocols

@Suite struct EvdevEventParserTests {
    /// KEY_A pressed at 1 700 000 000.123456 s, as the x86_64 kernel writes it.
    static let keyAPressed: [UInt8] = [
        0x00, 0xF1, 0x53, 0x65, 0x00, 0x00, 0x00, 0x00,   // tv_sec 1_700_000_000
        0x40, 0xE2, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,   // tv_usec 123_456
        0x01, 0x00,                                       // EV_KEY
        0x1E, 0x00,                                       // KEY_A = 30
        0x01, 0x00, 0x00, 0x00,                           // pressed
    ]

    @Test func event_decodesTheKernelLayout() throws {
        // Given the 24 bytes of a key press; when decoded
        let event = try #require(EvdevEvent(bytes: Self.keyAPressed))
        // Then every field is read little-endian at its offset
        #expect(event == EvdevEvent(seconds: 1_700_000_000, microseconds: 123_456, type: 1, code: 30, value: 1))
        #expect(event.timestamp == .seconds(1_700_000_000) + .microseconds(123_456))
        #expect(event.isKeyDown)
        #expect(event.encoded == Self.keyAPressed)
    }

    @Test func event_decodesNegativeValuesAndHighCodes() throws {
        let original = EvdevEvent(seconds: -1, microseconds: 999_999, type: 0x1234, code: 0xABCD, value: -2)
        #expect(EvdevEvent(bytes: original.encoded) == original)
        #expect(original.encoded[16...19] == [0x34, 0x12, 0xCD, 0xAB])
        #expect(original.encoded[20...] == [0xFE, 0xFF, 0xFF, 0xFF])
    }

    @Test func event_refusesAnyLengthOtherThan24() {
        #expect(EvdevEvent(bytes: Self.keyAPressed.dropLast()) == nil)
        #expect(EvdevEvent(bytes: Self.keyAPressed + [0]) == nil)
    }

    @Test func event_timestamp_saturatesOnAbsurdSeconds() {
        let event = EvdevEvent(seconds: .max, microseconds: .min, type: 1, code: 30, value: 1)
        #expect(event.timestamp == .seconds(Int64(1) << 40) + .microseconds(-(Int64(1) << 40)))
    }

    @Test func parser_whenTwoRecordsAreSplitAtEveryOffset_yieldsBothIntact() {
        // Given a press and a release of KEY_A
        let press = EvdevEvent(seconds: 1_700_000_000, microseconds: 123_456, type: 1, code: 30, value: 1)
        let release = EvdevEvent(seconds: 1_700_000_000, microseconds: 130_000, type: 1, code: 30, value: 0)
        let stream = Self.keyAPressed + release.encoded
        for cut in 0...stream.count {
            // When the bytes arrive in two reads cut at `cut`
            var parser = EvdevEventParser()
            let first = parser.feed(stream[..<cut])
            let second = parser.feed(stream[cut...])
            // Then the records come out whole, in order, each as soon as its last byte arrives
            #expect(first.count == cut / 24, "cut \(cut)")
            #expect(first + second == [press, release], "cut \(cut)")
            #expect(parser.pendingByteCount == 0)
        }
    }

    @Test func parser_inRandomChunks_givesTheSameEvents() {
        // Given 50 random records
        var generator = SplitMix64(seed: 0x4556_4445_56)
        let events = (0..<50).map { index in
            EvdevEvent(seconds: Int64(index), microseconds: Int64(generator.below(1_000_000)), type: 1,
                       code: UInt16(generator.below(120)), value: Int32(generator.below(3)))
        }
        let stream = events.flatMap(\.encoded)
        for _ in 0..<200 {
            // When fed in random chunks
            var parser = EvdevEventParser()
            let parsed = stream.randomChunks(maximum: 50, using: &generator).flatMap { parser.feed($0) }
            // Then the events are the originals
            #expect(parsed == events)
        }
    }

    @Test func parser_keepsAPartialRecord_untilReset() {
        var parser = EvdevEventParser()
        #expect(parser.feed(Self.keyAPressed.prefix(23)).isEmpty)
        #expect(parser.pendingByteCount == 23)
        parser.reset()
        #expect(parser.feed(Self.keyAPressed).map(\.code) == [30])
    }
}
