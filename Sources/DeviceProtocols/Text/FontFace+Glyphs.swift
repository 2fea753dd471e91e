import CFreeType

/// Vertical metrics of a face at one pixel size, in whole pixels.
public struct FontLineMetrics: Hashable, Sendable {
    /// Pixels from the baseline up to the top of the tallest ordinary letter (positive).
    public let ascender: Int
    /// Pixels from the baseline down to the lowest descender (positive).
    public let descender: Int
    /// Recommended distance between consecutive baselines.
    public let lineHeight: Int
}

extension FontFace {
    /// Smallest and largest pixel size accepted by `glyph(for:pixelSize:)` and `lineMetrics`.
    public static let pixelSizeRange = 4...512

    /// Renders `scalar` as a 1-bit hinted bitmap at `pixelSize` (em size in pixels, within
    /// `pixelSizeRange`); throws `TextRenderError.missingGlyphs` when the font lacks the glyph,
    /// `.invalidPixelSize` or `.freeType` when FreeType refuses.
    public func glyph(for scalar: Unicode.Scalar, pixelSize: Int) throws(TextRenderError) -> GlyphBitmap {
        try selectPixelSize(pixelSize)
        let index = glyphIndex(for: scalar)
        guard index != 0 else { throw .missingGlyphs([scalar]) }
        let loadStatus = FT_Load_Glyph(face, index, Self.monochromeRenderFlags)
        guard loadStatus == 0, let slot = face.pointee.glyph else {
            throw .freeType(operation: "load glyph U+\(String(scalar.value, radix: 16, uppercase: true))", code: loadStatus)
        }
        let glyph = slot.pointee
        let bitmap = glyph.bitmap
        let width = Int(bitmap.width)
        let rows = Int(bitmap.rows)
        let pitch = Int(bitmap.pitch)
        var ink = [Bool](repeating: false, count: width * rows)
        if width > 0, rows > 0, let buffer = bitmap.buffer, pitch != 0 {
            let isMono = bitmap.pixel_mode == UInt8(FT_PIXEL_MODE_MONO.rawValue)
            for row in 0..<rows {
                // A negative pitch means the rows are stored bottom-up.
                let rowStart = pitch > 0 ? row * pitch : (rows - 1 - row) * (-pitch)
                for column in 0..<width {
                    let on: Bool
                    if isMono {
                        let byte = buffer[rowStart + column / 8]
                        on = byte & (0x80 >> UInt8(column % 8)) != 0
                    } else {
                        on = buffer[rowStart + column] >= 128
                    }
                    ink[row * width + column] = on
                }
            }
        }
        return GlyphBitmap(
            width: width, rows: rows,
            left: Int(glyph.bitmap_left), top: Int(glyph.bitmap_top),
            advance: Int((glyph.advance.x + 32) >> 6),
            ink: ink)
    }

    /// Ascender, descender and line height at `pixelSize` (within `pixelSizeRange`), rounded
    /// to whole pixels; throws `TextRenderError.invalidPixelSize` or `.freeType`.
    public func lineMetrics(pixelSize: Int) throws(TextRenderError) -> FontLineMetrics {
        try selectPixelSize(pixelSize)
        guard let size = face.pointee.size else {
            throw .freeType(operation: "read size metrics", code: -1)
        }
        let metrics = size.pointee.metrics
        let ascender = Int((metrics.ascender + 63) >> 6)
        let descender = Int((-metrics.descender + 63) >> 6)
        let height = Int((metrics.height + 63) >> 6)
        return FontLineMetrics(
            ascender: ascender, descender: descender,
            lineHeight: max(height, ascender + descender))
    }

    /// Sets the em size in pixels on the face; throws for sizes outside `pixelSizeRange`.
    private func selectPixelSize(_ pixelSize: Int) throws(TextRenderError) {
        guard Self.pixelSizeRange.contains(pixelSize) else { throw .invalidPixelSize(pixelSize) }
        let status = FT_Set_Pixel_Sizes(face, 0, FT_UInt(pixelSize))
        guard status == 0 else { throw .freeType(operation: "set pixel size \(pixelSize)", code: status) }
    }

    /// `FT_LOAD_RENDER | FT_LOAD_MONOCHROME | FT_LOAD_TARGET_MONO`: hinted 1-bit bitmaps, the
    /// crispest result on a thermal head. `FT_LOAD_TARGET_MONO` is a function-like C macro that
    /// Swift cannot import, so its value `(FT_RENDER_MODE_MONO & 15) << 16` is written out.
    private static let monochromeRenderFlags: Int32 = {
        let render: Int32 = 1 << 2
        let monochrome: Int32 = 1 << 12
        let targetMono = Int32(FT_RENDER_MODE_MONO.rawValue & 15) << 16
        return render | monochrome | targetMono
    }()
}
