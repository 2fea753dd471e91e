/// Renders a `ReceiptDocument` onto one white `GreyImage` exactly as wide as the paper.
///
/// Blocks are rendered as full-width strips and stacked; text wraps to the profile's text
/// width, so nothing is ever clipped at the sides. Holds a `TextRasteriser` (FreeType), so it
/// is not `Sendable`: keep one per actor or task.
public final class ReceiptRenderer {
    /// Paper geometry and text sizes.
    public let profile: PaperProfile
    /// The text rasteriser shared by every block.
    public let rasteriser: TextRasteriser

    /// Blank dots above the first block and below the last one.
    public static let verticalPaddingDots = 8
    /// Dots added under a title block.
    public static let titleGapDots = 6

    /// A renderer for `profile` drawing text with `rasteriser`.
    public init(profile: PaperProfile, rasteriser: TextRasteriser) {
        self.profile = profile
        self.rasteriser = rasteriser
    }

    /// A renderer for `profile` with the default fonts (DejaVu Sans and Sans Bold); throws
    /// `FontFaceError` when the regular font cannot be loaded.
    public convenience init(profile: PaperProfile) throws(FontFaceError) {
        try self.init(profile: profile, rasteriser: TextRasteriser())
    }

    /// The document as one image `profile.widthDots` wide; throws `ReceiptRenderError` when a
    /// glyph is missing, a QR cannot be made or fit, or the image would exceed `GreyImage` limits.
    public func render(_ document: ReceiptDocument) throws(ReceiptRenderError) -> GreyImage {
        var pixels: [UInt8] = []
        appendBlank(Self.verticalPaddingDots, to: &pixels)
        for block in document.blocks {
            for strip in try strips(for: block) {
                pixels.append(contentsOf: strip.pixels)
            }
        }
        appendBlank(Self.verticalPaddingDots, to: &pixels)
        do {
            return try GreyImage(width: profile.widthDots, height: pixels.count / profile.widthDots,
                                 pixels: pixels)
        } catch {
            throw .image(error)
        }
    }

    /// The full-width strips that draw one block, top to bottom.
    func strips(for block: ReceiptBlock) throws(ReceiptRenderError) -> [GreyImage] {
        let body = TextStyle(pixelSize: profile.bodyPixelSize)
        switch block {
        case let .title(text):
            let style = TextStyle(pixelSize: profile.titlePixelSize, weight: .bold)
            var result = try paragraph(text, style: style, alignment: .centred)
            result.append(try blankStrip(Self.titleGapDots))
            return result
        case let .text(text, weight, alignment):
            return try paragraph(text, style: TextStyle(pixelSize: body.pixelSize, weight: weight),
                                 alignment: alignment)
        case let .keyValue(key, value):
            return try keyValueLines(key: key, value: value, body: body)
        case let .numberedList(items):
            return try numberedLines(items, body: body)
        case let .rule(thickness):
            return [try ruleStrip(thickness: min(max(thickness, 1), 16))]
        case let .qrCode(payload, moduleSize, errorCorrection):
            return [try qrStrip(payload, moduleSize: moduleSize, errorCorrection: errorCorrection)]
        case let .spacing(dots):
            let height = min(max(dots, 0), 1000)
            return height == 0 ? [] : [try blankStrip(height)]
        }
    }

    /// A centred QR symbol with its quiet zone, shrinking the module size until it fits.
    private func qrStrip(
        _ payload: String, moduleSize: Int?, errorCorrection: QRErrorCorrection
    ) throws(ReceiptRenderError) -> GreyImage {
        let matrix: QRMatrix
        do {
            matrix = try QRMatrix(text: payload, errorCorrection: errorCorrection)
        } catch {
            throw .qrEncode(error)
        }
        guard let largest = matrix.largestModuleSize(fittingSide: profile.widthDots) else {
            throw .qrDoesNotFit(modules: matrix.size, widthDots: profile.widthDots)
        }
        let module = min(max(moduleSize ?? profile.qrModuleSize, 1), largest)
        let symbol: GreyImage
        do {
            symbol = try matrix.rasterised(moduleSize: module)
        } catch {
            throw .qrRaster(error)
        }
        var strip = try blankStrip(symbol.height)
        let left = (profile.widthDots - symbol.width) / 2
        for y in 0..<symbol.height {
            for x in 0..<symbol.width where symbol.pixels[y * symbol.width + x] == GreyImage.black {
                strip.fillRectangle(x: left + x, y: y, width: 1, height: 1, value: GreyImage.black)
            }
        }
        return strip
    }

    /// A rule across the text width with 4 blank dots above and below.
    private func ruleStrip(thickness: Int) throws(ReceiptRenderError) -> GreyImage {
        let padding = 4
        var strip = try blankStrip(thickness + 2 * padding)
        strip.fillRectangle(x: profile.sideMarginDots, y: padding, width: profile.textWidthDots,
                            height: thickness, value: GreyImage.black)
        return strip
    }

    /// A white strip as wide as the paper and `height` dots high.
    func blankStrip(_ height: Int) throws(ReceiptRenderError) -> GreyImage {
        do {
            return try GreyImage(width: profile.widthDots, height: height)
        } catch {
            throw .image(error)
        }
    }

    /// Appends `height` white rows to a pixel buffer of paper width.
    private func appendBlank(_ height: Int, to pixels: inout [UInt8]) {
        pixels.append(contentsOf: [UInt8](repeating: GreyImage.white, count: height * profile.widthDots))
    }
}
