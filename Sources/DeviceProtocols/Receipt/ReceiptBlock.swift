/// One vertical piece of a receipt, rendered full-width and stacked top to bottom.
///
/// Text is plain Vietnamese (any normalisation form); every block wraps to the paper's
/// text width, so no block ever draws outside the paper.
public enum ReceiptBlock: Hashable, Sendable {
    /// A large, bold, centred heading (wrapped when too long).
    case title(String)
    /// A paragraph in body size, wrapped at spaces.
    case text(String, weight: FontWeight, alignment: TextAlignment)
    /// `key: value` with a bold key; value lines after the first hang under the value start
    /// (or under a shallow indent when the key is wider than a third of the line).
    case keyValue(key: String, value: String)
    /// Items numbered "1.", "2.", … in body size, continuation lines indented past the number.
    case numberedList([String])
    /// A horizontal rule across the text width, `thickness` dots high (1...16).
    case rule(thickness: Int)
    /// A QR code of `payload` (UTF-8 bytes), centred; `moduleSize` in dots or `nil` for the
    /// paper's preferred size, shrunk when the symbol would not fit the width.
    case qrCode(payload: String, moduleSize: Int?, errorCorrection: QRErrorCorrection)
    /// Blank paper, `dots` high (0...1000).
    case spacing(dots: Int)
}
