import Foundation

/// Stroke weight of rasterised text.
public enum FontWeight: Hashable, Sendable, CaseIterable {
    /// The regular face (DejaVu Sans).
    case regular
    /// The bold face (DejaVu Sans Bold), or the regular face emboldened by 1 px when absent.
    case bold
}

/// Size and weight of a run of text; `pixelSize` is the em size in dots (see `FontFace.pixelSizeRange`).
public struct TextStyle: Hashable, Sendable {
    /// Em size in pixels (dots on the printer), within `FontFace.pixelSizeRange`.
    public var pixelSize: Int
    /// Regular or bold.
    public var weight: FontWeight

    /// A style of `pixelSize` dots and `weight` (regular unless given).
    public init(pixelSize: Int, weight: FontWeight = .regular) {
        self.pixelSize = pixelSize
        self.weight = weight
    }
}

/// Rasterises single lines of text into `GreyImage`s with FreeType, left to right, without
/// kerning or shaping: each NFC scalar is one glyph placed at the pen and advanced by its
/// hinted advance. Text is NFC-normalised first, so NFD input draws exactly like NFC input.
///
/// Glyph bitmaps are cached per weight, size and scalar. Like `FontFace` this class is not
/// thread-safe and deliberately not `Sendable`: keep one per actor or task.
public final class TextRasteriser {
    /// Where DejaVu Sans Bold lives on Debian; `init` falls back to emboldening when absent.
    public static let defaultBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    /// The face used for regular text.
    public let regularFace: FontFace
    /// The face used for bold text, or `nil` when bold is synthesised from `regularFace`.
    public let boldFace: FontFace?

    private struct GlyphKey: Hashable {
        let weight: FontWeight
        let pixelSize: Int
        let scalar: Unicode.Scalar
    }
    private var glyphCache: [GlyphKey: GlyphBitmap] = [:]
    private var metricsCache: [Int: FontLineMetrics] = [:]

    /// Loads the regular face from `regularPath` (throws `FontFaceError` when it fails) and the
    /// bold face from `boldPath`; a bold file that is absent or unusable is not an error, bold
    /// is then synthesised by emboldening the regular glyphs.
    public init(
        regularPath: String = FontFace.defaultPath(),
        boldPath: String? = TextRasteriser.defaultBoldPath
    ) throws(FontFaceError) {
        regularFace = try FontFace(path: regularPath)
        boldFace = boldPath.flatMap { try? FontFace(path: $0) }
    }

    /// Vertical metrics of the regular face at `pixelSize`; throws `TextRenderError`.
    public func lineMetrics(pixelSize: Int) throws(TextRenderError) -> FontLineMetrics {
        if let cached = metricsCache[pixelSize] { return cached }
        let metrics = try regularFace.lineMetrics(pixelSize: pixelSize)
        metricsCache[pixelSize] = metrics
        return metrics
    }

    /// Scalars of `text` (NFC) that `weight` cannot draw, distinct and in order; empty when
    /// the text is fully covered.
    public func missingGlyphs(in text: String, weight: FontWeight) -> [Unicode.Scalar] {
        face(for: weight).missingGlyphs(in: text)
    }

    /// Width in pixels that `text` occupies on one line in `style` (0 for empty text);
    /// throws `TextRenderError.missingGlyphs` listing every uncovered scalar, or FreeType errors.
    public func measure(_ text: String, style: TextStyle) throws(TextRenderError) -> Int {
        let placed = try layout(text, style: style)
        return placed.width
    }

    /// Draws `text` in `style` into `image` with the pen starting at `x` and the baseline at
    /// row `baseline`; ink outside the image is clipped. Throws like `measure`.
    public func draw(
        _ text: String, style: TextStyle, into image: inout GreyImage, x: Int, baseline: Int
    ) throws(TextRenderError) {
        let placed = try layout(text, style: style)
        for (penX, glyph) in placed.glyphs where glyph.width > 0 {
            let originX = x + penX + glyph.left
            let originY = baseline - glyph.top
            for row in 0..<glyph.rows {
                for column in 0..<glyph.width where glyph.ink[row * glyph.width + column] {
                    image.fillRectangle(x: originX + column, y: originY + row, width: 1, height: 1,
                                        value: GreyImage.black)
                }
            }
        }
    }

    /// `text` on its own white image: as wide as `measure` (at least 1 px) and as tall as the
    /// face's ascender plus descender (grown when a stacked diacritic reaches higher).
    public func renderLine(_ text: String, style: TextStyle) throws(TextRenderError) -> GreyImage {
        let placed = try layout(text, style: style)
        let metrics = try lineMetrics(pixelSize: style.pixelSize)
        let ascent = max(metrics.ascender, placed.inkTop)
        let descent = max(metrics.descender, placed.inkBottom)
        var image: GreyImage
        do {
            image = try GreyImage(width: max(placed.width, 1), height: max(ascent + descent, 1))
        } catch {
            throw .image(error)
        }
        try draw(text, style: style, into: &image, x: 0, baseline: ascent)
        return image
    }

    /// Highest ink row above the baseline (pixels) over the glyphs of `text` in `style`.
    public func inkAscent(of text: String, style: TextStyle) throws(TextRenderError) -> Int {
        try layout(text, style: style).inkTop
    }

    /// Pen positions and glyphs of the NFC form of `text`, plus the line width and ink extents.
    private func layout(
        _ text: String, style: TextStyle
    ) throws(TextRenderError) -> (glyphs: [(Int, GlyphBitmap)], width: Int, inkTop: Int, inkBottom: Int) {
        let composed = text.precomposedStringWithCanonicalMapping
        let missing = missingGlyphs(in: composed, weight: style.weight)
        guard missing.isEmpty else { throw .missingGlyphs(missing) }
        var glyphs: [(Int, GlyphBitmap)] = []
        var pen = 0
        var width = 0
        var inkTop = 0
        var inkBottom = 0
        for scalar in composed.unicodeScalars {
            let properties = scalar.properties
            let drawn: Unicode.Scalar
            if properties.isWhitespace {
                drawn = " "
            } else if properties.generalCategory == .control || properties.generalCategory == .format {
                continue
            } else {
                drawn = scalar
            }
            let glyph = try cachedGlyph(drawn, style: style)
            glyphs.append((pen, glyph))
            width = max(width, pen + glyph.rightExtent)
            if glyph.rows > 0 {
                inkTop = max(inkTop, glyph.top)
                inkBottom = max(inkBottom, glyph.rows - glyph.top)
            }
            pen += glyph.advance
        }
        return (glyphs, max(width, pen), inkTop, inkBottom)
    }

    /// The glyph for `scalar` in `style`, rendered once and then served from the cache.
    private func cachedGlyph(_ scalar: Unicode.Scalar, style: TextStyle) throws(TextRenderError) -> GlyphBitmap {
        let key = GlyphKey(weight: style.weight, pixelSize: style.pixelSize, scalar: scalar)
        if let cached = glyphCache[key] { return cached }
        let glyph: GlyphBitmap
        switch style.weight {
        case .regular:
            glyph = try regularFace.glyph(for: scalar, pixelSize: style.pixelSize)
        case .bold:
            if let boldFace {
                glyph = try boldFace.glyph(for: scalar, pixelSize: style.pixelSize)
            } else {
                glyph = try regularFace.glyph(for: scalar, pixelSize: style.pixelSize)
                    .emboldened(by: max(1, style.pixelSize / 24))
            }
        }
        glyphCache[key] = glyph
        return glyph
    }

    /// The face that draws `weight` (the regular face stands in for a synthesised bold).
    private func face(for weight: FontWeight) -> FontFace {
        switch weight {
        case .regular: regularFace
        case .bold: boldFace ?? regularFace
        }
    }
}
