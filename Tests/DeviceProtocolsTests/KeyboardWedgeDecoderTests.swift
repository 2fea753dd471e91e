import KioskHAL
import Testing
@testable import DeviceProtocols

@Suite struct KeyboardWedgeDecoderTests {
    private func wedge(_ text: String) -> ScanOutcome {
        .scanned(Scan(text: text, source: .keyboardWedge))
    }

    @Test func feed_typesADossierCode_withShiftForTheLetter() {
        // Given a decoder and the keys for a dossier code, H typed with left shift, ended by Enter
        var decoder = KeyboardWedgeDecoder()
        var typing = KeyboardWedgeTyping()
        let events = typing.type("000.28.21.H28-251107-0012")
        // When decoded
        let outcomes = decoder.feed(events)
        // Then the code comes out exactly, with an upper-case H
        #expect(outcomes == [wedge("000.28.21.H28-251107-0012")])
        #expect(!decoder.isScanInProgress)
    }

    @Test func feed_typesTheCCCDDigits_withShiftedPipes_fromTheRightShiftKey() {
        // Given the ASCII fields of a CCCD QR, separated by `|`, typed with the right shift key
        var decoder = KeyboardWedgeDecoder()
        var typing = KeyboardWedgeTyping()
        typing.rightShift = true
        let events = typing.type("093188004821|381234567||01011988|||15032021")
        // When decoded, then the separators survive
        #expect(decoder.feed(events) == [wedge("093188004821|381234567||01011988|||15032021")])
    }

    @Test func feed_mapsTheUSLayoutPunctuation_shiftedAndNot() {
        var decoder = KeyboardWedgeDecoder()
        var typing = KeyboardWedgeTyping()
        #expect(decoder.feed(typing.type("a/:_?-. Qz")) == [wedge("a/:_?-. Qz")])
    }

    @Test func layout_usesLinuxKeyCodes_notHIDUsages() {
        let layout = KeyboardLayout.unitedStates
        #expect(layout.character(for: 30, shifted: false) == "a")
        #expect(layout.character(for: 4, shifted: false) == "3")
        #expect(layout.character(for: 43, shifted: true) == "|")
        #expect(layout.character(for: 82, shifted: false) == "0")
        #expect(layout.character(for: 29, shifted: false) == nil)
    }

    @Test func feed_endsOnKeypadEnterToo() {
        var decoder = KeyboardWedgeDecoder()
        var typing = KeyboardWedgeTyping()
        #expect(decoder.feed(typing.type("12", enter: 96)) == [wedge("12")])
    }

    @Test func shift_releaseStopsShifting_andEachSideIsTrackedAlone() {
        // Given left and right shift both down, then left released: still shifted
        var decoder = KeyboardWedgeDecoder()
        var typing = KeyboardWedgeTyping()
        var events = typing.next(42, 1) + typing.next(54, 1) + typing.next(42, 0)
        events += typing.next(35, 1) + typing.next(35, 0)
        // When right is released too: no longer shifted
        events += typing.next(54, 0) + typing.next(35, 1) + typing.next(35, 0) + typing.next(28, 1)
        // Then H then h
        #expect(decoder.feed(events) == [wedge("Hh")])
    }

    @Test func feed_whenAKeyRepeats_typesItAgain() {
        // Given "1" pressed, auto-repeated twice, released
        var decoder = KeyboardWedgeDecoder()
        var typing = KeyboardWedgeTyping()
        let events = typing.next(2, 1) + typing.next(2, 2) + typing.next(2, 2) + typing.next(2, 0) + typing.next(28, 1)
        // Then three characters
        #expect(decoder.feed(events) == [wedge("111")])
    }

    @Test func handle_whenAKeyArrivesAfterTheIdleGap_endsThePreviousScanFirst() {
        // Given "12" typed without Enter, then a 100 ms pause (gap 80 ms), then "3" and Enter
        var decoder = KeyboardWedgeDecoder(configuration: .init(idleGap: .milliseconds(80)))
        var typing = KeyboardWedgeTyping()
        var outcomes = decoder.feed(typing.type("12", enter: nil))
        typing.time += .milliseconds(100)
        outcomes += decoder.feed(typing.type("3"))
        // Then "12" ends at the gap and "3" is a scan of its own
        #expect(outcomes == [wedge("12"), wedge("3")])
    }

    @Test func idle_endsAScanOnlyAfterTheGap_measuredFromTheLastKey() {
        // Given "az" typed without Enter, the last key down 4 ms after the first
        var decoder = KeyboardWedgeDecoder(configuration: .init(idleGap: .milliseconds(80)))
        var typing = KeyboardWedgeTyping(startingAt: .seconds(50))
        _ = decoder.feed(typing.type("az", enter: nil))
        let lastKeyDown = Duration.seconds(50) + .milliseconds(4)
        // When the caller reports idleness before and after the gap
        let early = decoder.idle(at: lastKeyDown + .milliseconds(80))
        let late = decoder.idle(at: lastKeyDown + .milliseconds(81))
        let again = decoder.idle(at: lastKeyDown + .seconds(5))
        // Then only the late report ends the scan, once
        #expect(early == nil)
        #expect(late == wedge("az"))
        #expect(again == nil)
    }

    @Test func feed_whenAnUnknownKeyArrives_rejectsThatScanOnly() {
        // Given "12", then Left Alt (56) with keypad digits (an Alt code), then "3" and Enter
        var decoder = KeyboardWedgeDecoder()
        var typing = KeyboardWedgeTyping()
        var events = typing.type("12", enter: nil)
        events += typing.next(56, 1) + typing.next(79, 1) + typing.next(79, 0) + typing.next(56, 0)
        events += typing.type("3")
        // When the next scan is clean
        events += typing.type("45")
        // Then the first scan is refused naming the key, and the next passes
        #expect(decoder.feed(events) == [.rejected(.unknownKey(code: 56)), wedge("45")])
    }

    @Test func feed_whenAScanExceedsTheLimit_rejectsIt_andTheNextPasses() {
        var decoder = KeyboardWedgeDecoder(configuration: .init(maximumLength: 5))
        var typing = KeyboardWedgeTyping()
        let events = typing.type("123456") + typing.type("12345")
        #expect(decoder.feed(events) == [.rejected(.tooLong(limit: 5)), wedge("12345")])
    }

    @Test func feed_whenEnterArrivesAlone_yieldsNothing() {
        var decoder = KeyboardWedgeDecoder()
        var typing = KeyboardWedgeTyping()
        #expect(decoder.feed(typing.type("") + typing.type("")).isEmpty)
    }

    @Test func feed_fromRawBytes_throughTheParser_givesTheScan() {
        // Given the kernel bytes of a typed code, split in odd reads
        var typing = KeyboardWedgeTyping()
        let bytes = typing.type("H28").flatMap(\.encoded)
        var parser = EvdevEventParser()
        var decoder = KeyboardWedgeDecoder()
        // When parsed and decoded in 7-byte reads
        var outcomes: [ScanOutcome] = []
        var index = 0
        while index < bytes.count {
            outcomes += decoder.feed(parser.feed(bytes[index..<min(bytes.count, index + 7)]))
            index += 7
        }
        // Then the scan is the code
        #expect(outcomes == [wedge("H28")])
    }

    @Test func reset_dropsAScanInProgress_andReleasesShift() {
        var decoder = KeyboardWedgeDecoder()
        var typing = KeyboardWedgeTyping()
        _ = decoder.feed(typing.next(42, 1) + typing.next(2, 1))
        decoder.reset()
        #expect(decoder.feed(typing.next(35, 1) + typing.next(28, 1)) == [wedge("h")])
    }
}
