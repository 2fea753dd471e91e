import Testing
@testable import DeviceProtocols

@Suite struct TextParagraphTests {
    /// Leftmost and rightmost inked columns of `image`, or `nil` when it is blank.
    static func inkColumns(_ image: GreyImage) -> ClosedRange<Int>? {
        var low = Int.max
        var high = Int.min
        for y in 0..<image.height {
            for x in 0..<image.width where image.pixels[y * image.width + x] == GreyImage.black {
                low = min(low, x)
                high = max(high, x)
            }
        }
        return low <= high ? low...high : nil
    }

    @Test func renderParagraph_isExactlyTheWidth_withOneLineHeightPerWrappedLine() throws {
        // Given a paragraph that wraps at 200 px
        let rasteriser = try TextRasteriser()
        let style = TextStyle(pixelSize: 24)
        let text = "Giữ phiếu này để tra cứu và nhận kết quả"
        let lines = try rasteriser.wrap(text, style: style, maxWidth: 200)

        // When rendered
        let image = try rasteriser.renderParagraph(text, style: style, width: 200)

        // Then it is 200 px wide and at least one line height per line
        #expect(lines.count >= 2)
        #expect(image.width == 200)
        #expect(image.height >= lines.count * (try rasteriser.lineMetrics(pixelSize: 24).lineHeight))
        #expect(Self.inkColumns(image)?.upperBound ?? 200 < 200)
    }

    @Test func centredLine_hasEqualMarginsWithinAPixel_leftLineStartsAtTheEdge() throws {
        // Given a short line on a wide image
        let rasteriser = try TextRasteriser()
        let style = TextStyle(pixelSize: 24, weight: .bold)
        let width = try rasteriser.measure("PHIẾU", style: style)

        // When rendered centred and left-aligned
        let centred = try rasteriser.renderParagraph("PHIẾU", style: style, width: 400, alignment: .centred)
        let left = try rasteriser.renderParagraph("PHIẾU", style: style, width: 400, alignment: .left)

        // Then the centred pen starts at (400 − width) / 2 and the left one at 0
        let shift = try #require(Self.inkColumns(centred)).lowerBound - #require(Self.inkColumns(left)).lowerBound
        #expect(shift == (400 - width) / 2)
        #expect(try #require(Self.inkColumns(left)).lowerBound < 4)
    }
}
