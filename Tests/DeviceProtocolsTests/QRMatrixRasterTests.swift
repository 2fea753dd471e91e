import Testing
@testable import DeviceProtocols

@Suite struct QRMatrixRasterTests {
    @Test func rasterise_withQuietZone_paintsModulesAsSquaresInsideAWhiteMargin() throws {
        // Given a version-1 symbol (21 modules)
        let matrix = try QRMatrix(text: "A")

        // When it is rasterised at 4 px per module with the recommended 4-module quiet zone
        let image = try matrix.rasterised(moduleSize: 4)

        // Then the image is (21 + 8) × 4 px square
        #expect(image.width == 116)
        #expect(image.height == 116)
        // and the 16 px margin is white on every side
        for offset in 0..<16 {
            #expect(image.row(offset)?.allSatisfy { $0 == 255 } == true)
            #expect(image.row(115 - offset)?.allSatisfy { $0 == 255 } == true)
            #expect(image.pixel(x: offset, y: 58) == 255)
            #expect(image.pixel(x: 115 - offset, y: 58) == 255)
        }
        // and module (0, 0) covers pixels 16...19 in both directions
        #expect(image.pixel(x: 16, y: 16) == 0)
        #expect(image.pixel(x: 19, y: 19) == 0)
        // while module (1, 1), inside the finder's white ring, starts at pixel 20
        #expect(image.pixel(x: 20, y: 20) == 255)
        // and every dark module is exactly 16 black pixels
        #expect(image.darkPixelCount() == matrix.darkModuleCount * 16)
    }

    @Test func rasterise_withoutQuietZone_startsWithTheSymbolAtPixelZero() throws {
        let matrix = try QRMatrix(text: "A")
        let image = try matrix.rasterised(moduleSize: 1, quietZone: 0)
        #expect(image.width == 21)
        #expect(image.pixel(x: 0, y: 0) == 0)
        #expect(image.pixels == matrix.modules.map { $0 ? 0 : 255 })
    }

    @Test func rasterise_whenModuleSizeIsBelowOne_throws() throws {
        let matrix = try QRMatrix(text: "A")
        #expect(throws: QRRasterError.invalidModuleSize(0)) {
            try matrix.rasterised(moduleSize: 0)
        }
    }

    @Test func rasterise_whenQuietZoneIsNegative_throws() throws {
        let matrix = try QRMatrix(text: "A")
        #expect(throws: QRRasterError.invalidQuietZone(-1)) {
            try matrix.rasterised(moduleSize: 2, quietZone: -1)
        }
    }

    @Test func rasterise_whenTheImageWouldBeHuge_throwsInsteadOfAllocating() throws {
        // Given a version-1 symbol: (21 + 8) × 600 px = 17 400 px, over the 16 384 px limit
        let matrix = try QRMatrix(text: "A")
        #expect(matrix.rasterSide(moduleSize: 564) == 16_356)
        #expect(matrix.rasterSide(moduleSize: 600) == nil)
        #expect(matrix.rasterSide(moduleSize: Int.max, quietZone: Int.max) == nil)

        // When / Then
        #expect(throws: QRRasterError.imageTooLarge(moduleSize: 600, quietZone: 4)) {
            try matrix.rasterised(moduleSize: 600)
        }
    }

    @Test func largestModuleSize_fitsTheSymbolIntoAPrinterWidth() throws {
        // Given the dossier code at level M: version 2, 25 modules, 33 with the quiet zone
        let matrix = try QRMatrix(text: "000.28.21.H28-251107-0012", errorCorrection: .medium)

        // When / Then 576 dots (80 mm paper) allow 17 px modules, 384 dots (58 mm) allow 11
        #expect(matrix.largestModuleSize(fittingSide: 576) == 17)
        #expect(matrix.largestModuleSize(fittingSide: 384) == 11)
        #expect(try matrix.rasterised(moduleSize: 17).width == 561)
        // and a side narrower than the symbol, or nonsense input, fits nothing
        #expect(matrix.largestModuleSize(fittingSide: 32) == nil)
        #expect(matrix.largestModuleSize(fittingSide: 33) == 1)
        #expect(matrix.largestModuleSize(fittingSide: 0) == nil)
        #expect(matrix.largestModuleSize(fittingSide: 576, quietZone: -1) == nil)
    }
}
