/// Why text could not be rasterised.
public enum TextRenderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The font has no glyph for these scalars (NFC, distinct, in order of appearance); text is
    /// never drawn with a letter silently missing.
    case missingGlyphs([Unicode.Scalar])
    /// The em size in pixels is outside `FontFace.pixelSizeRange`.
    case invalidPixelSize(Int)
    /// A width limit in pixels was zero or negative.
    case invalidWidth(Int)
    /// FreeType failed; the operation in English and FreeType's error code.
    case freeType(operation: String, code: Int32)
    /// The resulting image was rejected by `GreyImage` (too large).
    case image(GreyImageError)

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case let .missingGlyphs(scalars):
            let list = scalars.map { "U+\(String($0.value, radix: 16, uppercase: true)) \($0)" }
            return "font has no glyph for: \(list.joined(separator: ", "))"
        case let .invalidPixelSize(size):
            return "text size \(size) px is outside \(FontFace.pixelSizeRange)"
        case let .invalidWidth(width):
            return "text width limit \(width) px is not positive"
        case let .freeType(operation, code):
            return "FreeType failed to \(operation) (error \(code))"
        case let .image(error):
            return "text image rejected: \(error)"
        }
    }
}
