import Testing
@testable import DeviceProtocols

@Suite struct PrinterMonoBitmapTests {
    @Test func initFromGrey_whenPixelsStraddleThreshold_blackensOnlyDarkerOnes() throws {
        // Given one row: 0, 127, 128, 255 with threshold 128
        let grey = try GreyImage(width: 4, height: 1, pixels: [0, 127, 128, 255])

        // When
        let bitmap = try MonoBitmap(grey, threshold: 128)

        // Then the two pixels below 128 are black, packed from the MSB
        #expect(bitmap.rows == [0b1100_0000])
        #expect(bitmap.isBlack(x: 1, y: 0) == true)
        #expect(bitmap.isBlack(x: 2, y: 0) == false)
    }

    @Test func initFromGrey_whenThresholdIsZero_isAllWhite() throws {
        let grey = try GreyImage(width: 9, height: 2, filledWith: 0)
        let bitmap = try MonoBitmap(grey, threshold: 0)
        #expect(bitmap.blackDotCount == 0)
    }

    @Test func initFromGrey_whenWidthIsTen_packsTwoBytesPerRowWithWhitePadding() throws {
        // Given a 10×2 image: row 0 black at x = 0 and x = 9, row 1 all black
        var grey = try GreyImage(width: 10, height: 2)
        grey.fillRectangle(x: 0, y: 0, width: 1, height: 1, value: 0)
        grey.fillRectangle(x: 9, y: 0, width: 1, height: 1, value: 0)
        grey.fillRectangle(x: 0, y: 1, width: 10, height: 1, value: 0)

        // When
        let bitmap = try MonoBitmap(grey)

        // Then the leftmost dot is the MSB of byte 0; x = 9 is bit 6 of byte 1; padding stays 0
        #expect(bitmap.bytesPerRow == 2)
        #expect(bitmap.rows == [0x80, 0x40, 0xFF, 0xC0])
    }

    @Test func packedRows_whenEachPositionSetAlone_mapsXToItsBit() throws {
        for x in 0..<16 {
            // Given a 16-dot row with only dot x black
            var grey = try GreyImage(width: 16, height: 1)
            grey.fillRectangle(x: x, y: 0, width: 1, height: 1, value: 0)

            // When
            let bitmap = try MonoBitmap(grey)

            // Then exactly bit (7 - x % 8) of byte x / 8 is set
            var expected: [UInt8] = [0, 0]
            expected[x / 8] = 0x80 >> UInt8(x % 8)
            #expect(bitmap.rows == expected, "dot \(x)")
        }
    }

    @Test func initPacked_whenBufferSizeIsWrong_throwsSizeMismatch() {
        #expect(throws: MonoBitmapError.bufferSizeMismatch(expected: 6, actual: 5)) {
            try MonoBitmap(width: 10, height: 3, packedRows: [0, 0, 0, 0, 0])
        }
    }

    @Test func initPacked_whenPaddingBitsAreSet_throwsPaddingError() {
        // Given a 10-dot row whose last byte sets bit 5 (dot 10, beyond the width)
        #expect(throws: MonoBitmapError.paddingBitsSet(row: 1)) {
            try MonoBitmap(width: 10, height: 2, packedRows: [0, 0, 0xFF, 0x20])
        }
    }

    @Test func initPacked_whenASideIsEmptyOrTooLarge_throws() {
        #expect(throws: MonoBitmapError.emptyDimension(width: 0, height: 1)) {
            try MonoBitmap(width: 0, height: 1, packedRows: [])
        }
        #expect(throws: MonoBitmapError.tooLarge(width: 8, height: 70_000)) {
            try MonoBitmap(width: 8, height: 70_000, packedRows: [])
        }
        #expect(throws: MonoBitmapError.tooLarge(width: 65_535 * 8, height: 65_535)) {
            try MonoBitmap(width: 65_535 * 8, height: 65_535, packedRows: [])
        }
    }

    @Test func greyImage_whenConvertedBack_matchesTheThresholdedPicture() throws {
        // Given a bitmap with a 3×2 black block
        var grey = try GreyImage(width: 12, height: 4)
        grey.fillRectangle(x: 2, y: 1, width: 3, height: 2, value: 0)
        let bitmap = try MonoBitmap(grey)

        // When
        let back = try bitmap.greyImage()

        // Then
        #expect(back == grey)
        #expect(bitmap.blackDotCount == 6)
    }

    @Test func packedRows_whenRangeOverhangs_isClamped() throws {
        let bitmap = try MonoBitmap(width: 8, height: 3, packedRows: [1, 2, 3])
        #expect(Array(bitmap.packedRows(1..<10)) == [2, 3])
        #expect(Array(bitmap.packedRows(-4..<1)) == [1])
    }
}
