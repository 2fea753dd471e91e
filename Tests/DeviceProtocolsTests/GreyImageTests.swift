import Testing
@testable import DeviceProtocols

@Suite struct GreyImageTests {
    @Test func init_whenBufferMatchesSize_keepsPixelsRowMajor() throws {
        // Given a 3×2 buffer
        let pixels: [UInt8] = [0, 10, 20, 30, 40, 50]

        // When it becomes an image
        let image = try GreyImage(width: 3, height: 2, pixels: pixels)

        // Then x runs along a row and y down the rows
        #expect(image.pixel(x: 0, y: 0) == 0)
        #expect(image.pixel(x: 2, y: 0) == 20)
        #expect(image.pixel(x: 0, y: 1) == 30)
        #expect(image.pixel(x: 2, y: 1) == 50)
        #expect(image.row(1) == [30, 40, 50])
    }

    @Test func init_whenBufferIsShort_throwsSizeMismatch() {
        // Given a buffer one byte short of 4×4
        let pixels = [UInt8](repeating: 255, count: 15)

        // When / Then
        #expect(throws: GreyImageError.bufferSizeMismatch(expected: 16, actual: 15)) {
            try GreyImage(width: 4, height: 4, pixels: pixels)
        }
    }

    @Test func init_whenASideIsZeroOrNegative_throwsEmptyDimension() {
        #expect(throws: GreyImageError.emptyDimension(width: 0, height: 5)) {
            try GreyImage(width: 0, height: 5, pixels: [])
        }
        #expect(throws: GreyImageError.emptyDimension(width: 3, height: -1)) {
            try GreyImage(width: 3, height: -1)
        }
    }

    @Test func init_whenSizeIsAbsurd_throwsTooLargeBeforeAllocating() {
        // A side over the limit
        #expect(throws: GreyImageError.tooLarge(width: 16_385, height: 1)) {
            try GreyImage(width: 16_385, height: 1)
        }
        // Both sides within the limit but the area over 32 MiB
        #expect(throws: GreyImageError.tooLarge(width: 16_384, height: 16_384)) {
            try GreyImage(width: 16_384, height: 16_384)
        }
        // Int.max must not overflow the size computation
        #expect(throws: GreyImageError.tooLarge(width: Int.max, height: Int.max)) {
            try GreyImage(width: Int.max, height: Int.max, pixels: [])
        }
    }

    @Test func filledInit_defaultsToWhite() throws {
        let image = try GreyImage(width: 2, height: 2)
        #expect(image.pixels == [255, 255, 255, 255])
        #expect(image.darkPixelCount() == 0)
    }

    @Test func pixel_outsideTheImage_isNil() throws {
        let image = try GreyImage(width: 2, height: 3)
        #expect(image.pixel(x: -1, y: 0) == nil)
        #expect(image.pixel(x: 2, y: 0) == nil)
        #expect(image.pixel(x: 0, y: 3) == nil)
        #expect(image.row(3) == nil)
        #expect(image.pixel(x: 1, y: 2) == 255)
    }

    @Test func fillRectangle_clipsToTheImage() throws {
        // Given a white 4×3 image
        var image = try GreyImage(width: 4, height: 3)

        // When a rectangle hanging over the top-left and one far outside are filled
        image.fillRectangle(x: -1, y: -1, width: 3, height: 2, value: 0)
        image.fillRectangle(x: 10, y: 10, width: 5, height: 5, value: 0)
        image.fillRectangle(x: 3, y: 2, width: Int.max, height: Int.max, value: 7)

        // Then only the overlap changed
        #expect(image.pixels == [
            0, 0, 255, 255,
            255, 255, 255, 255,
            255, 255, 255, 7,
        ])
        #expect(image.darkPixelCount() == 3)
    }
}
