import KioskHAL
import Testing
import TestSupport
@testable import DeviceProtocols

@Suite struct ScanLineFramerTests {
    static let dossierCode = "000.28.21.H28-251107-0012"
    static let name = "Nguyễn Thị Thu Hà"
    static let cccdLine = "093188004821|381234567|Nguyễn Thị Thu Hà|01011988|Nữ|Vị Thanh, Cần Thơ|15032021"

    private func serial(_ text: String, symbology: String? = nil) -> ScanOutcome {
        .scanned(Scan(text: text, symbology: symbology, source: .serialLine))
    }

    @Test func feed_whenALineIsSplitAcrossReads_yieldsItOnceTheSuffixArrives() {
        // Given a CR framer
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none))
        // When the line arrives in three reads
        let first = framer.feed(Array("000.28.21".utf8))
        let second = framer.feed(Array(".H28-251107".utf8))
        let third = framer.feed(Array("-0012\r".utf8))
        // Then nothing is yielded before the suffix, and the whole line after it
        #expect(first.isEmpty && second.isEmpty)
        #expect(framer.pendingByteCount == 0)
        #expect(third == [serial(Self.dossierCode)])
    }

    @Test func feed_whenSeveralCodesArriveInOneRead_yieldsEachInOrder() {
        // Given a CR framer
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none))
        // When three lines and the start of a fourth arrive together
        let outcomes = framer.feed(Array("A1\rB2\rC3\rD".utf8))
        // Then three scans are yielded and the fourth waits
        #expect(outcomes == [serial("A1"), serial("B2"), serial("C3")])
        #expect(framer.pendingByteCount == 1)
    }

    @Test func feed_withCarriageReturnSuffix_swallowsALineFeedAfterTheCR_evenInTheNextRead() {
        // Given a CR framer
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none))
        // When a CR LF pair is split across reads, then another line follows
        let first = framer.feed(Array("ABC\r".utf8))
        let second = framer.feed(Array("\nDEF\r\n".utf8))
        // Then the LFs are not part of any payload and produce no rejection
        #expect(first == [serial("ABC")])
        #expect(second == [serial("DEF")])
    }

    @Test func feed_withCarriageReturnSuffix_refusesALoneLineFeedAsAControlCharacter() {
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none))
        #expect(framer.feed(Array("AB\nCD\r".utf8)) == [.rejected(.controlCharacter(0x0A))])
    }

    @Test func feed_withCRLFSuffix_endsOnCRLF_andToleratesALoneLF() {
        // Given a CR LF framer
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturnLineFeed, aimPrefix: .none))
        // When one line ends in CR LF split across reads and another ends in a lone LF
        let outcomes = framer.feed(Array("ONE\r".utf8)) + framer.feed(Array("\nTWO\n".utf8))
        // Then both are scans and no empty line appears between them
        #expect(outcomes == [serial("ONE"), serial("TWO")])
    }

    @Test func feed_withLineFeedSuffix_endsOnLF_andRefusesACR() {
        // Given an LF framer
        var framer = ScanLineFramer(configuration: .init(suffix: .lineFeed, aimPrefix: .none))
        // When one line ends in LF and another in CR LF
        let outcomes = framer.feed(Array("ONE\nTWO\r\n".utf8))
        // Then the first is a scan and the CR refuses the second
        #expect(outcomes == [serial("ONE"), .rejected(.controlCharacter(0x0D))])
    }

    @Test func feed_whenEmptyLinesArrive_yieldsNothingForThem() {
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none))
        #expect(framer.feed(Array("\r\r\rX\r".utf8)) == [serial("X")])
    }

    @Test func feed_withAIMPrefix_stripsItAndReportsTheSymbology() {
        // Given a framer that strips optional AIM prefixes
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .optional))
        // When a QR line with `]Q1` and a plain line arrive
        let outcomes = framer.feed(Array("]Q1\(Self.dossierCode)\rPLAIN\r".utf8))
        // Then the prefix is stripped and reported, and the plain line has no symbology
        #expect(outcomes == [serial(Self.dossierCode, symbology: "Q1"), serial("PLAIN")])
        #expect(outcomes.first?.event.scan?.isQRCode == true)
    }

    @Test func feed_withoutAIMPolicy_keepsABracketPrefixInThePayload() {
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none))
        #expect(framer.feed(Array("]Q1ABC\r".utf8)) == [serial("]Q1ABC")])
    }

    @Test func feed_withRequiredAIMPrefix_refusesLinesWithoutOne_andPrefixOnlyLines() {
        // Given a framer that requires the AIM prefix
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .required))
        // When a line without it, a prefix alone, a malformed prefix and a good line arrive
        let outcomes = framer.feed(Array("ABC\r]Q1\r]Q\u{7F}X\r]C0123\r".utf8))
        // Then each bad line is refused for its reason and the good one passes
        #expect(outcomes == [.rejected(.missingSymbologyIdentifier), .rejected(.emptyPayload),
                             .rejected(.controlCharacter(0x7F)), serial("123", symbology: "C0")])
    }

    @Test func feed_whenALineExceedsTheLimit_rejectsItOnce_andTheNextScanStillWorks() {
        // Given a framer bounded at 16 bytes
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none, maximumLength: 16))
        // When a 40-byte line arrives in pieces, then a good line
        let long = String(repeating: "7", count: 40)
        let outcomes = framer.feed(Array(long.prefix(10).utf8)) + framer.feed(Array((long.dropFirst(10) + "\rOK\r").utf8))
        // Then the long line is one rejection (not a truncated scan) and the next line passes
        #expect(outcomes == [.rejected(.tooLong(limit: 16)), serial("OK")])
        #expect(framer.pendingByteCount == 0)
    }

    @Test func feed_whenALineIsExactlyTheLimit_acceptsIt() {
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none, maximumLength: 4))
        #expect(framer.feed(Array("ABCD\rABCDE\r".utf8)) == [serial("ABCD"), .rejected(.tooLong(limit: 4))])
    }

    @Test func feed_whenTheBufferNeverSeesASuffix_staysBoundedByTheLimit() {
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none, maximumLength: 32))
        _ = framer.feed([UInt8](repeating: 0x41, count: 100_000))
        #expect(framer.pendingByteCount <= 32)
    }

    @Test(arguments: [
        [0xC3, 0x28],                   // bad continuation
        [0xC0, 0xAF],                   // overlong '/'
        [0xED, 0xA0, 0x80],             // UTF-16 surrogate
        [0xE1, 0xBB],                   // truncated sequence
        [0x80],                         // stray continuation
        [0xF5, 0x80, 0x80, 0x80],       // beyond U+10FFFF
    ] as [[UInt8]])
    func feed_whenBytesAreNotValidUTF8_rejectsTheLine(bytes: [UInt8]) {
        // Given a framer; when a line holds malformed UTF-8 between good bytes
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none))
        let outcomes = framer.feed(Array("AB".utf8) + bytes + Array("CD\rNEXT\r".utf8))
        // Then the line is refused and the next one passes
        #expect(outcomes == [.rejected(.invalidUTF8), serial("NEXT")])
    }

    @Test func feed_whenAPayloadHoldsControlCharacters_rejectsIt() {
        // Given a framer; when lines hold ESC, TAB and a C1 control (U+0085, NEL)
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none))
        let outcomes = framer.feed(Array("A\u{1B}[2J\rA\tB\rA\u{85}B\r".utf8))
        // Then each is refused naming the control
        #expect(outcomes == [.rejected(.controlCharacter(0x1B)), .rejected(.controlCharacter(0x09)),
                             .rejected(.controlCharacter(0x85))])
    }

    @Test func feed_passesVietnameseAndAFullCCCDLineThroughIntact() {
        // Given a CR LF framer with optional AIM prefixes
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturnLineFeed, aimPrefix: .optional))
        // When a name and a CCCD QR line arrive, the second split inside a multi-byte character
        let cccd = Array("]Q1\(Self.cccdLine)\r\n".utf8)
        let split = cccd.firstIndex(of: 0xBB) ?? 10
        let outcomes = framer.feed(Array("\(Self.name)\r\n".utf8) + cccd[..<split])
            + framer.feed(cccd[split...])
        // Then both texts are byte-for-byte what was sent
        #expect(outcomes == [serial(Self.name), serial(Self.cccdLine, symbology: "Q1")])
        #expect(outcomes.last?.event.scan.map { Array($0.text.utf8) } == Array(Self.cccdLine.utf8))
        #expect(outcomes.last?.event.scan?.text.split(separator: "|").count == 7)
    }

    @Test func feed_inRandomChunks_givesTheSameOutcomesAsInOneRead() {
        // Given a stream mixing good, long, malformed and Vietnamese lines
        let stream: [UInt8] = Array("]Q1\(Self.cccdLine)\r\n\(Self.dossierCode)\r\n".utf8)
            + [UInt8](repeating: 0x39, count: 200) + [0x0D, 0x0A, 0x41, 0xFF, 0x0D, 0x0A]
            + Array("]Q1\(Self.name)\r\n\r\n".utf8)
        let configuration = ScanLineFramer.Configuration(suffix: .carriageReturnLineFeed, aimPrefix: .optional, maximumLength: 128)
        var whole = ScanLineFramer(configuration: configuration)
        let expected = whole.feed(stream)
        #expect(expected == [serial(Self.cccdLine, symbology: "Q1"), serial(Self.dossierCode),
                             .rejected(.tooLong(limit: 128)), .rejected(.invalidUTF8), serial(Self.name, symbology: "Q1")])
        // When it is fed byte by byte and in 500 random chunkings
        var single = ScanLineFramer(configuration: configuration)
        #expect(stream.flatMap { single.feed([$0]) } == expected)
        var generator = SplitMix64(seed: 0x5343_414E)
        for _ in 0..<500 {
            var chunked = ScanLineFramer(configuration: configuration)
            let outcomes = stream.randomChunks(maximum: 9, using: &generator).flatMap { chunked.feed($0) }
            // Then every chunking gives the same outcomes
            #expect(outcomes == expected)
        }
    }

    @Test func reset_dropsAnUnterminatedLine() {
        var framer = ScanLineFramer(configuration: .init(suffix: .carriageReturn, aimPrefix: .none))
        _ = framer.feed(Array("HALF".utf8))
        framer.reset()
        #expect(framer.feed(Array("WHOLE\r".utf8)) == [serial("WHOLE")])
    }
}
