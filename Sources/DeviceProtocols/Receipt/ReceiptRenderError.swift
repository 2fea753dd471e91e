/// Why a receipt could not be rendered.
public enum ReceiptRenderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Text could not be drawn (missing glyphs name the scalars; or a FreeType failure).
    case text(TextRenderError)
    /// libqrencode refused the QR payload (empty or too long).
    case qrEncode(QREncodeError)
    /// The QR symbol could not be rasterised.
    case qrRaster(QRRasterError)
    /// The QR symbol is wider than the paper even at 1 dot per module (`modules` per side).
    case qrDoesNotFit(modules: Int, widthDots: Int)
    /// The whole receipt exceeds `GreyImage` limits (too long to print as one image).
    case image(GreyImageError)

    /// A one-line English explanation for logs.
    public var description: String {
        switch self {
        case let .text(error): "receipt text: \(error)"
        case let .qrEncode(error): "receipt QR: \(error)"
        case let .qrRaster(error): "receipt QR raster: \(error)"
        case let .qrDoesNotFit(modules, width):
            "QR of \(modules) modules plus quiet zone does not fit \(width) dots"
        case let .image(error): "receipt image: \(error)"
        }
    }
}
