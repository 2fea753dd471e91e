import DeviceProtocols

/// One page the emulated printer produced: the image between two cuts (or up to a stop).
public struct PrintedPage: Sendable, Equatable {
    /// The printed dots, paper width × printed rows (blank feed rows included).
    public var bitmap: MonoBitmap
    /// How the page was cut, or `nil` when it was never cut (stopped mid-job or cutter failure).
    public var cut: EscPosCut.Kind?
    /// Whether everything sent for this page was printed; `false` when paper ran out, the cover
    /// opened or the printer went offline in the middle of it.
    public var isComplete: Bool

    /// A page record.
    public init(bitmap: MonoBitmap, cut: EscPosCut.Kind?, isComplete: Bool) {
        self.bitmap = bitmap
        self.cut = cut
        self.isComplete = isComplete
    }

    /// Width in dots (the paper width).
    public var width: Int { bitmap.width }
    /// Height in rows.
    public var height: Int { bitmap.height }

    /// The page as a grey image (black 0, white 255), e.g. for zbar or PNG.
    /// - Throws: `PrinterControlError.pageTooLargeForImage` past the `GreyImage` limits.
    public func greyImage() throws(PrinterControlError) -> GreyImage {
        do throws(GreyImageError) {
            return try bitmap.greyImage()
        } catch {
            throw .pageTooLargeForImage(width: width, height: height)
        }
    }
}
