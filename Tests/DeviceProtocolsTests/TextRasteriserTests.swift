import Foundation
import Testing
@testable import DeviceProtocols

@Suite struct TextRasteriserTests {
    @Test func seedNamesAndProcedures_renderWithRealGlyphs_inRegularAndBold() throws {
        // Given every string of the seed dossiers and procedures, and both weights
        let rasteriser = try TextRasteriser()
        let strings = try ReceiptSamples.seedStrings()
        #expect(strings.contains("Nguyễn Thị Thu Hà"))
        #expect(strings.contains("Đăng ký thành lập hộ kinh doanh"))
        #expect(rasteriser.boldFace?.familyName == "DejaVu Sans")

        for weight in FontWeight.allCases {
            // When each string is checked and drawn
            let missing = strings.flatMap { rasteriser.missingGlyphs(in: $0, weight: weight) }
            // Then no scalar lacks a glyph and every non-blank string leaves ink
            #expect(missing.isEmpty, "missing in \(weight): \(missing)")
            for text in strings where !text.allSatisfy(\.isWhitespace) {
                let line = try rasteriser.renderLine(text, style: TextStyle(pixelSize: 24, weight: weight))
                #expect(line.darkPixelCount() > 0, "no ink for \(text)")
            }
        }
    }

    @Test func renderLine_ofNFDInput_isPixelEqualToNFC() throws {
        // Given a Vietnamese line in composed and decomposed form
        let rasteriser = try TextRasteriser()
        let composed = "Nguyễn Thị Thu Hà — Ừ Ữ Ỵ Ậ Ặ ẫ ỡ đ Đ".precomposedStringWithCanonicalMapping
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(composed.unicodeScalars.count < decomposed.unicodeScalars.count)

        for weight in FontWeight.allCases {
            let style = TextStyle(pixelSize: 24, weight: weight)
            // When both are rendered / Then the images are identical
            #expect(try rasteriser.renderLine(decomposed, style: style) == rasteriser.renderLine(composed, style: style))
        }
    }

    @Test func renderLine_whenAGlyphIsMissing_throwsNamingTheScalars() throws {
        // Given text with ideographs DejaVu Sans lacks
        let rasteriser = try TextRasteriser()

        // When / Then rendering refuses instead of silently dropping them
        #expect(throws: TextRenderError.missingGlyphs(["漢", "字"])) {
            try rasteriser.renderLine("Hà 漢字", style: TextStyle(pixelSize: 24))
        }
        #expect(throws: TextRenderError.missingGlyphs(["漢"])) {
            try rasteriser.measure("漢", style: TextStyle(pixelSize: 24, weight: .bold))
        }
    }

    @Test func diacritics_changeTheImage_andStackedMarksGrowTheLine() throws {
        // Given letters with and without marks
        let rasteriser = try TextRasteriser()
        let style = TextStyle(pixelSize: 32, weight: .bold)
        let metrics = try rasteriser.lineMetrics(pixelSize: 32)

        // When rendered
        let plain = try rasteriser.renderLine("A", style: style)
        let stacked = try rasteriser.renderLine("Ậ", style: style)

        // Then the marks add ink and the stacked capital is kept whole above the baseline
        #expect(stacked.darkPixelCount() > plain.darkPixelCount())
        #expect(try rasteriser.inkAscent(of: "Ậ", style: style) > rasteriser.inkAscent(of: "A", style: style))
        #expect(stacked.height >= plain.height)
        #expect(stacked.height >= metrics.ascender + metrics.descender)
    }

    @Test func measure_isTheSumOfAdvances_andBoldIsWiderAndDarker() throws {
        // Given a line in both weights
        let rasteriser = try TextRasteriser()
        let regular = TextStyle(pixelSize: 24)
        let bold = TextStyle(pixelSize: 24, weight: .bold)

        // When measured
        let single = try rasteriser.measure("i", style: regular)
        let triple = try rasteriser.measure("iii", style: regular)

        // Then advances add up, nothing is negative, and bold is heavier
        #expect(try rasteriser.measure("", style: regular) == 0)
        #expect(single > 0)
        #expect(triple == 3 * (try rasteriser.regularFace.glyph(for: "i", pixelSize: 24).advance))
        let text = "Thủ tục hành chính"
        #expect(try rasteriser.measure(text, style: bold) > rasteriser.measure(text, style: regular))
        #expect(try rasteriser.renderLine(text, style: bold).darkPixelCount()
            > rasteriser.renderLine(text, style: regular).darkPixelCount())
        #expect(try rasteriser.renderLine(text, style: regular).width == rasteriser.measure(text, style: regular))
    }

    @Test func bold_whenTheBoldFontIsAbsent_isSynthesisedFromRegular() throws {
        // Given a rasteriser without a bold font file
        let rasteriser = try TextRasteriser(boldPath: "/nonexistent/DejaVuSans-Bold.ttf")
        #expect(rasteriser.boldFace == nil)

        // When the same text is drawn in both weights
        let regular = try rasteriser.renderLine("Hộ tịch", style: TextStyle(pixelSize: 24))
        let bold = try rasteriser.renderLine("Hộ tịch", style: TextStyle(pixelSize: 24, weight: .bold))

        // Then bold is emboldened: wider and darker
        #expect(bold.width > regular.width)
        #expect(bold.darkPixelCount() > regular.darkPixelCount())
    }

    @Test func pixelSize_outsideTheRange_isRejected() throws {
        let rasteriser = try TextRasteriser()
        #expect(throws: TextRenderError.invalidPixelSize(2)) {
            try rasteriser.measure("a", style: TextStyle(pixelSize: 2))
        }
    }
}
