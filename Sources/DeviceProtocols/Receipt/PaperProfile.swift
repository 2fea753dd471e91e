/// The printable geometry of a receipt roll and the text sizes that suit it.
///
/// All lengths are in printer dots. Defaults follow the common 203 dpi heads: 576 dots across
/// an 80 mm roll (72 mm printable) and 384 dots across a 58 mm roll (48 mm printable).
public struct PaperProfile: Hashable, Sendable {
    /// Printable width in dots; every rendered receipt is exactly this wide (16...`GreyImage.maxDimension`).
    public let widthDots: Int
    /// Head resolution in dots per inch (informative: used to convert millimetres).
    public let dotsPerInch: Int
    /// Blank dots kept on the left and right of the text, 0...widthDots/4.
    public let sideMarginDots: Int
    /// Em size in dots of body text.
    public let bodyPixelSize: Int
    /// Em size in dots of the receipt title.
    public let titlePixelSize: Int
    /// Preferred QR module size in dots (shrunk automatically when a code would not fit).
    public let qrModuleSize: Int

    /// 80 mm roll, 576 dots at 203 dpi: 24-dot body text, 28-dot bold title (the hand-in title
    /// fits one line), 6-dot QR modules.
    public static let mm80 = PaperProfile(
        widthDots: 576, dotsPerInch: 203, sideMarginDots: 8,
        bodyPixelSize: 24, titlePixelSize: 28, qrModuleSize: 6)
    /// 58 mm roll, 384 dots at 203 dpi: 20-dot body text, 26-dot title, 5-dot QR modules.
    public static let mm58 = PaperProfile(
        widthDots: 384, dotsPerInch: 203, sideMarginDots: 4,
        bodyPixelSize: 20, titlePixelSize: 26, qrModuleSize: 5)

    /// A custom profile; out-of-range values are clamped (width to 16...`GreyImage.maxDimension`,
    /// margins to a quarter of the width, sizes to `FontFace.pixelSizeRange`, modules to ≥ 1).
    public init(
        widthDots: Int, dotsPerInch: Int, sideMarginDots: Int,
        bodyPixelSize: Int, titlePixelSize: Int, qrModuleSize: Int
    ) {
        let width = min(max(widthDots, 16), GreyImage.maxDimension)
        let sizes = FontFace.pixelSizeRange
        self.widthDots = width
        self.dotsPerInch = max(dotsPerInch, 1)
        self.sideMarginDots = min(max(sideMarginDots, 0), width / 4)
        self.bodyPixelSize = min(max(bodyPixelSize, sizes.lowerBound), sizes.upperBound)
        self.titlePixelSize = min(max(titlePixelSize, sizes.lowerBound), sizes.upperBound)
        self.qrModuleSize = max(qrModuleSize, 1)
    }

    /// Width in dots available to text between the side margins (at least 1).
    public var textWidthDots: Int {
        max(widthDots - 2 * sideMarginDots, 1)
    }

    /// `millimetres` converted to whole dots at this profile's resolution (rounded, ≥ 0).
    public func dots(millimetres: Double) -> Int {
        guard millimetres > 0, millimetres.isFinite else { return 0 }
        return Int((millimetres * Double(dotsPerInch) / 25.4).rounded())
    }
}
