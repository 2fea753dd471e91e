/// One glyph rendered by FreeType at a pixel size: a 1-bit coverage mask plus its placement.
///
/// Offsets follow FreeType's conventions: `left` is the distance in pixels from the pen
/// position to the first column of the mask, `top` the distance from the baseline up to the
/// first row (positive = above the baseline). `advance` is the hinted horizontal advance in
/// whole pixels. The value is immutable and `Sendable`, so rasterisers can cache it freely.
public struct GlyphBitmap: Hashable, Sendable {
    /// Columns of the mask in pixels, 0 for a glyph without ink (a space).
    public let width: Int
    /// Rows of the mask in pixels, 0 for a glyph without ink.
    public let rows: Int
    /// Pixels from the pen position to the mask's first column (may be negative).
    public let left: Int
    /// Pixels from the baseline up to the mask's first row (may be negative for marks below).
    public let top: Int
    /// Horizontal pen advance in whole pixels (never negative).
    public let advance: Int
    /// `width * rows` flags, row-major from the top-left; `true` = ink.
    public let ink: [Bool]

    /// A glyph mask; `ink` must hold `width * rows` flags (shorter masks are padded blank,
    /// longer ones truncated, so a malformed bitmap can never read out of bounds).
    public init(width: Int, rows: Int, left: Int, top: Int, advance: Int, ink: [Bool]) {
        let safeWidth = max(width, 0)
        let safeRows = max(rows, 0)
        let count = safeWidth * safeRows
        var flags = Array(ink.prefix(count))
        if flags.count < count {
            flags.append(contentsOf: [Bool](repeating: false, count: count - flags.count))
        }
        self.width = safeWidth
        self.rows = safeRows
        self.left = left
        self.top = top
        self.advance = max(advance, 0)
        self.ink = flags
    }

    /// The rightmost pixel column (exclusive) the glyph touches, relative to the pen position:
    /// the larger of the advance and the mask's right edge.
    public var rightExtent: Int {
        max(advance, left + width)
    }

    /// This glyph made heavier by OR-ing the mask with itself shifted `strength` pixels to the
    /// right; the advance grows by the same amount. Used when no bold face file is available.
    public func emboldened(by strength: Int) -> GlyphBitmap {
        guard strength > 0, width > 0, rows > 0 else {
            return GlyphBitmap(width: width, rows: rows, left: left, top: top,
                               advance: advance + max(strength, 0), ink: ink)
        }
        let newWidth = width + strength
        var flags = [Bool](repeating: false, count: newWidth * rows)
        for row in 0..<rows {
            for column in 0..<width where ink[row * width + column] {
                for shift in 0...strength {
                    flags[row * newWidth + column + shift] = true
                }
            }
        }
        return GlyphBitmap(width: newWidth, rows: rows, left: left, top: top,
                           advance: advance + strength, ink: flags)
    }
}
