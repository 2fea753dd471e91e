import Testing
@testable import DeviceProtocols

@Suite struct TextWrapperTests {
    /// One "pixel" per character, so expected splits can be written by hand.
    static func characterCount(_ text: String) throws(TextRenderError) -> Int { text.count }

    @Test func wrap_breaksAtSpaces_withExactSplits() throws {
        // Given a 20-character limit
        let wrapper = try TextWrapper(width: 20)

        // When / Then
        #expect(try wrapper.wrap("Đăng ký thành lập hộ kinh doanh", measure: Self.characterCount)
            == ["Đăng ký thành lập hộ", "kinh doanh"])
        #expect(try wrapper.wrap("Giữ phiếu này để tra cứu và nhận kết quả", measure: Self.characterCount)
            == ["Giữ phiếu này để tra", "cứu và nhận kết quả"])
        #expect(try wrapper.wrap("  a   b  ", measure: Self.characterCount) == ["a b"])
        #expect(try wrapper.wrap("", measure: Self.characterCount) == [""])
        #expect(try wrapper.wrap("một\n\nhai", measure: Self.characterCount) == ["một", "", "hai"])
    }

    @Test func wrap_whenAWordIsLongerThanALine_breaksItByCharacters() throws {
        // Given a 10-character limit and a 25-character dossier code
        let wrapper = try TextWrapper(width: 10)

        // When / Then the code is cut into full lines plus the rest, words around it stay whole
        #expect(try wrapper.wrap("Mã 000.28.21.H28-251107-0012 xong", measure: Self.characterCount)
            == ["Mã", "000.28.21.", "H28-251107", "-0012 xong"])
    }

    @Test func wrap_ofNFDInput_keepsEachLetterWithItsMarks() throws {
        // Given decomposed text and a limit of 3 characters
        let wrapper = try TextWrapper(width: 3)
        let decomposed = "Nguyễn".decomposedStringWithCanonicalMapping

        // When / Then lines are NFC and "ễ" is never split from its marks
        #expect(try wrapper.wrap(decomposed, measure: Self.characterCount) == ["Ngu", "yễn"])
    }

    @Test func wrap_withANarrowFirstLine_movesAWordThatFitsLaterInsteadOfSplittingIt() throws {
        // Given a first line of 5 and later lines of 12
        let wrapper = try TextWrapper(firstLineWidth: 5, otherLinesWidth: 12)

        // When / Then
        #expect(try wrapper.wrap("H28-251107 ab", measure: Self.characterCount) == ["", "H28-251107", "ab"])
        #expect(try wrapper.wrap("ab cd efgh", measure: Self.characterCount) == ["ab cd", "efgh"])
    }

    @Test func wrap_withRealFonts_neverExceedsTheLimit() throws {
        // Given real measurements and several limits
        let rasteriser = try TextRasteriser()
        let strings = try ReceiptSamples.seedStrings() + ["000.28.21.H28-251107-0012000.28.21.H28-251107-0012"]
        for weight in FontWeight.allCases {
            let style = TextStyle(pixelSize: 24, weight: weight)
            for limit in [120, 368, 560] {
                let wrapper = try TextWrapper(width: limit)
                for text in strings {
                    // When wrapped
                    let lines = try wrapper.wrap(text) { (line: String) throws(TextRenderError) -> Int in
                        try rasteriser.measure(line, style: style)
                    }
                    // Then every line fits and no word is lost
                    for line in lines {
                        #expect(try rasteriser.measure(line, style: style) <= limit, "\(line) > \(limit)")
                    }
                    let normalised = text.precomposedStringWithCanonicalMapping
                    #expect(lines.joined().filter { !$0.isWhitespace } == normalised.filter { !$0.isWhitespace })
                }
            }
        }
    }

    @Test func init_withANonPositiveWidth_throws() {
        #expect(throws: TextRenderError.invalidWidth(0)) { try TextWrapper(width: 0) }
        #expect(throws: TextRenderError.invalidWidth(-3)) { try TextWrapper(firstLineWidth: 5, otherLinesWidth: -3) }
    }
}
