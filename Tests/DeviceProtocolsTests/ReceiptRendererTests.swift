import Foundation
import Testing
@testable import DeviceProtocols

@Suite struct ReceiptRendererTests {
    static let profiles: [PaperProfile] = [.mm80, .mm58]

    /// The QR symbols zbar finds in `image`, plus the count of all symbols of any kind.
    static func scan(_ image: GreyImage) throws -> (all: Int, qrTexts: [String?]) {
        let symbols = try BarcodeImageDecoder().decode(image)
        return (symbols.count, symbols.filter(\.isQRCode).map(\.text))
    }

    /// Whether columns `range` of `image` hold no ink at all.
    static func isBlank(_ image: GreyImage, columns range: Range<Int>) -> Bool {
        for y in 0..<image.height {
            for x in range where image.pixels[y * image.width + x] != GreyImage.white {
                return false
            }
        }
        return true
    }

    @Test(arguments: profiles)
    func handInReceipt_isPaperWide_andItsOnlyQRDecodesToTheDossierCode(profile: PaperProfile) throws {
        // Given the hand-in receipt of the first seed dossier
        let renderer = try ReceiptRenderer(profile: profile)

        // When rendered
        let image = try renderer.render(ReceiptSamples.handIn.document())

        // Then it is exactly the paper's width and zbar reads back exactly one QR: the code
        #expect(image.width == profile.widthDots)
        #expect(image.height > 600)
        let scanned = try Self.scan(image)
        #expect(scanned.all == 1)
        #expect(scanned.qrTexts == ["000.28.21.H28-251107-0012"])
        // And nothing is drawn into the side margins
        #expect(Self.isBlank(image, columns: 0..<profile.sideMarginDots))
        #expect(Self.isBlank(image, columns: (profile.widthDots - profile.sideMarginDots)..<profile.widthDots))
    }

    @Test(arguments: profiles)
    func handOutSlip_isPaperWide_andItsOnlyQRDecodesToTheDossierCode(profile: PaperProfile) throws {
        // Given the hand-out slip
        let renderer = try ReceiptRenderer(profile: profile)

        // When rendered
        let image = try renderer.render(ReceiptSamples.handOut.document())

        // Then
        #expect(image.width == profile.widthDots)
        #expect(try Self.scan(image).qrTexts == [ReceiptSamples.dossierCode])
    }

    @Test func narrowerPaper_wrapsToMoreRows() throws {
        // Given the same receipt on both rolls
        let document = ReceiptSamples.handIn.document()

        // When rendered
        let wide = try ReceiptRenderer(profile: .mm80).render(document)
        let narrow = try ReceiptRenderer(profile: .mm58).render(document)

        // Then the 58 mm receipt is narrower but not shorter (text wraps onto more lines)
        #expect(narrow.width < wide.width)
        #expect(narrow.height * PaperProfile.mm80.bodyPixelSize > wide.height * PaperProfile.mm58.bodyPixelSize)
    }

    @Test func render_whenTextHasNoGlyph_throwsMissingGlyphs() throws {
        // Given a receipt whose procedure name contains ideographs
        var receipt = ReceiptSamples.handIn
        receipt.procedureName = "Đăng ký 漢"
        let renderer = try ReceiptRenderer(profile: .mm80)

        // When / Then rendering fails naming the scalar
        #expect(throws: ReceiptRenderError.text(.missingGlyphs(["漢"]))) {
            try renderer.render(receipt.document())
        }
    }

    @Test func qrCode_shrinksItsModulesToFit_andFailsWhenEvenOneDotIsTooWide() throws {
        // Given a request for huge modules on 58 mm paper
        let renderer = try ReceiptRenderer(profile: .mm58)
        let document = ReceiptDocument(blocks: [
            .qrCode(payload: ReceiptSamples.dossierCode, moduleSize: 40, errorCorrection: .high),
        ])

        // When rendered / Then the symbol fits and still decodes
        let image = try renderer.render(document)
        #expect(image.width == 384)
        #expect(try Self.scan(image).qrTexts == [ReceiptSamples.dossierCode])

        // Given paper too narrow for a large symbol even at 1 dot per module
        let tiny = ReceiptRenderer(profile: PaperProfile(
            widthDots: 100, dotsPerInch: 203, sideMarginDots: 0,
            bodyPixelSize: 12, titlePixelSize: 14, qrModuleSize: 1), rasteriser: renderer.rasteriser)
        let long = String(repeating: "0123456789", count: 200)
        let modules = try QRMatrix(text: long, errorCorrection: .low).size
        #expect(modules + 8 > 100)
        // Then it is refused with the symbol size
        #expect(throws: ReceiptRenderError.qrDoesNotFit(modules: modules, widthDots: 100)) {
            try tiny.render(ReceiptDocument(blocks: [.qrCode(payload: long, moduleSize: nil, errorCorrection: .low)]))
        }
    }

    @Test func blocks_stackTheirHeights_andRulesAndSpacingAreExact() throws {
        // Given a renderer and simple blocks
        let renderer = try ReceiptRenderer(profile: .mm80)
        let padding = 2 * ReceiptRenderer.verticalPaddingDots

        // When / Then spacing adds its dots and a rule adds thickness plus 8 dots of air
        #expect(try renderer.render(ReceiptDocument()).height == padding)
        #expect(try renderer.render(ReceiptDocument(blocks: [.spacing(dots: 30)])).height == padding + 30)
        let rule = try renderer.render(ReceiptDocument(blocks: [.rule(thickness: 3)]))
        #expect(rule.height == padding + 3 + 8)
        #expect(rule.darkPixelCount() == 3 * PaperProfile.mm80.textWidthDots)
    }

    @Test func keyValue_hangsContinuationLinesUnderTheValue() throws {
        // Given a long value after a short key on 58 mm paper
        let renderer = try ReceiptRenderer(profile: .mm58)
        let block = ReceiptBlock.keyValue(key: "Thủ tục", value: "Đăng ký khai sinh kết hợp nhận cha, mẹ, con và đăng ký thường trú")

        // When rendered line by line
        let strips = try renderer.strips(for: block)
        let keyWidth = try renderer.rasteriser.measure("Thủ tục: ", style: TextStyle(pixelSize: 20, weight: .bold))

        // Then it wraps, and every continuation line leaves the key's width blank on its left
        #expect(strips.count >= 2)
        for strip in strips.dropFirst() {
            #expect(Self.isBlank(strip, columns: 0..<(PaperProfile.mm58.sideMarginDots + keyWidth)))
        }
        #expect(!Self.isBlank(strips[0], columns: 0..<(PaperProfile.mm58.sideMarginDots + keyWidth)))
    }
}
